export { loadConfig, CONFIG_VARIABLES, type ServerConfig, type LogLevel, type TrustProxy } from './env.js';
