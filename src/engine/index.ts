/**
 * The call-assessment engine (pure: runs unchanged in the browser and on the server).
 *
 * @example
 * import { assess } from 'callguard/engine';
 * const result = assess({
 *   facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
 *   transcript: 'Agent: Your computer has a virus. Install AnyDesk and I will fix it for $199.',
 * });
 * result.verdict; // 'scam'
 */
export { assess, ENGINE_VERSION, type AssessOptions } from './assess/assess.js';
export { parseTranscript, MAX_TRANSCRIPT_CHARS, MAX_SEGMENTS } from './transcript/parse.js';
export { createLiveSession, type LiveSession } from './live.js';
export { RED_FLAG_DEFINITIONS, type FlagDefinition } from './rules/definitions.js';
export { COMBINATIONS } from './rules/combinations.js';
export { WEIGHTS } from './weights.js';
export { normalise } from './text/normalise.js';
export { riskPercent } from './risk-percent.js';
export {
  callFactsSchema,
  assessInputSchema,
  checklistSchema,
  transcriptInputSchema,
  transcriptSegmentSchema,
  validateAssessInput,
} from './schemas.js';
export * from './types.js';
