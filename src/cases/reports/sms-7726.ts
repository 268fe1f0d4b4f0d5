/** Forwarding scam texts to 7726 ("SPAM"), which US, UK and Canadian carriers accept. Pure. */
import type { Case } from '../schema.js';
import { SOURCES } from '../sources.js';
import { messages } from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

const COUNTRIES = ['US', 'GB', 'CA'];

export function sms7726Report(c: Case): AuthorityReport {
  const texts = messages(c).filter((m) => m.channel === 'text');
  const f = new FieldList();
  texts.forEach((t, i) => {
    f.in(`Text message ${i + 1}`)
      .add(
        'Forward this message to 7726 (SPAM)',
        t.content ?? '(forward the original message from your phone)',
      )
      .add("When asked, reply with the sender's number", t.sender)
      .add('Received', t.at);
  });
  const applies = texts.length > 0 && COUNTRIES.includes(c.country);
  return finish({
    id: '7726',
    title: 'Forward scam texts to 7726 (SPAM)',
    url: SOURCES.ftcSpamTexts.url,
    alsoAt: [],
    applies,
    reason:
      texts.length === 0
        ? 'No text message is recorded in this case.'
        : applies
          ? 'Your mobile carrier uses forwarded texts to block the sender.'
          : `7726 is the spam-reporting short code in the US, UK and Canada; this case's country is ${c.country}.`,
    fields: f.fields,
    notes: [
      'Forward the original message from your phone so the carrier sees the real sender; then delete it.',
    ],
  });
}
