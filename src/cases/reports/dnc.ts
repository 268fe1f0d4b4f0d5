/** FTC Do Not Call complaint (https://www.donotcall.gov/): one complaint per unwanted call. Pure. */
import type { Case } from '../schema.js';
import { SOURCES } from '../sources.js';
import { stageOf } from '../stages.js';
import { calls, datePart, timePart } from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

/** The DNC form's subject list, as it appears in the FTC's published complaint data. */
function subject(stage: ReturnType<typeof stageOf>): string {
  if (stage === 'tech-support') return 'Computer & technical support';
  if (stage === 'financial-institution' || stage === 'government')
    return 'Calls pretending to be government, businesses, or family and friends';
  return 'Other';
}

export function dncReport(c: Case): AuthorityReport {
  const incoming = calls(c).filter((x) => x.direction === 'incoming');
  const f = new FieldList();
  incoming.forEach((call, i) => {
    if (incoming.length > 1) f.in(`Call ${i + 1}`);
    f.add('Phone number that received the call', call.myNumber ?? c.victim?.phone)
      .add('Date of the call', datePart(call.at))
      .add('Time of the call', timePart(call.at))
      .add(
        'Was it a recorded message (robocall)?',
        call.recordedMessage === undefined ? '' : call.recordedMessage ? 'Yes' : 'No, a live person',
      )
      .add('Phone number that called you (as shown)', call.theirNumber)
      .add('Company name the caller used', call.claimedOrg ?? call.callerIdName)
      .add('Subject of the call', subject(stageOf(call)))
      .add(
        'Comments',
        [
          call.callerName && `The caller said their name was ${call.callerName}.`,
          call.callbackNumber && `They gave the callback number ${call.callbackNumber}.`,
        ]
          .filter(Boolean)
          .join(' '),
      );
  });
  const us = c.country === 'US';
  return finish({
    id: 'dnc',
    title: 'FTC Do Not Call complaint',
    url: SOURCES.doNotCall.url,
    alsoAt: [],
    applies: us && incoming.length > 0,
    reason: !us
      ? `The Do Not Call Registry covers numbers in the United States; this case's country is ${c.country}.`
      : incoming.length === 0
        ? 'No incoming call is recorded in this case; the complaint is about calls you received.'
        : 'Unwanted sales and scam calls can be reported to the Do Not Call Registry, one complaint per call.',
    fields: f.fields,
    notes: ['Caller ID is often spoofed: report the number as it was shown.'],
  });
}
