/** Library entry point: the engine and its types. Server and storage modules are imported by path. */
export * from './engine/index.js';
export * from './engine/types.js';
export * from './knowledge/types.js';
export { CallGuardError, ERROR_CATALOGUE, type ErrorCode } from './errors/catalogue.js';
export { toProblem, type Problem } from './errors/problem.js';
export { VERSION } from './version.js';
