import type { Assessment } from '../../../src/engine/types.js';
import { VERDICT_WORDS, percent } from './words.js';

/**
 * The verdict as plain text to send to someone the person trusts (a family member, a help desk):
 * what we think, the warning signs, what to do and who to call. Never the call's own words: the
 * evidence quotes may hold what the person typed or said, and this text leaves the device.
 */
export function resultText(a: Assessment): string {
  const lines = ['CallGuard: a check of a suspicious call', '', VERDICT_WORDS[a.verdict].headline, a.summary];
  lines.push(`Risk: ${percent(a.risk)}.${a.org ? ` Organisation named on the call: ${a.org.name}.` : ''}`);
  if (a.redFlags.length > 0) {
    lines.push('', 'Warning signs:', ...a.redFlags.map((f) => `- ${f.title}`));
  }
  lines.push(
    '',
    'What to do now:',
    ...a.nextSteps.map((s, i) => `${i + 1}. ${s.text}${s.url ? ` ${s.url}` : ''}`),
  );
  if (a.officialContact) {
    const { text, url } = a.officialContact;
    lines.push('', `How to reach ${a.org?.name ?? 'the company'} yourself: ${text}${url ? ` ${url}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
