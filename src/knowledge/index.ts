/**
 * Organisation knowledge (pure: no Node-only APIs). Profiles say how each organisation really
 * behaves; every entry cites the page it rests on.
 */
export { ORGANISATIONS } from './organisations.js';
export { findOrg, findOrgMentions, getOrg, resolveOrg } from './find-org.js';
export { findItYourself } from './contact-hint.js';
export { nameAtSentenceStart, nameInPersonsVoice } from './org-name.js';
export { tokens } from './normalise.js';
export { CHANNELS, getChannels } from './channels/index.js';
export { emailDomainOwner, hostOwner, numberChannel, type HostOwnership } from './channels/lookup.js';
export { SOURCES } from './sources.js';
export type * from './types.js';
