import { RED_FLAG_DEFINITIONS } from '../../../src/engine/index.js';

const TITLES = new Map<string, string>(RED_FLAG_DEFINITIONS.map((d) => [d.id, d.title]));

/** The plain title of a red-flag id ("REMOTE_ACCESS_REQUEST" → "Asked for remote access"). */
export function tacticTitle(id: string): string {
  return TITLES.get(id) ?? id.toLowerCase().replace(/_/g, ' ');
}

export const ASK_WORDS: Record<string, string> = {
  'remote-access': 'Control of the computer',
  card: 'Card details',
  'gift-cards': 'Gift cards',
  crypto: 'Crypto (like Bitcoin)',
  wire: 'Wire transfer',
  passwords: 'Passwords or codes',
  bank: 'Bank details or transfer',
};

export function askWords(ask: string): string {
  return ASK_WORDS[ask] ?? ask;
}
