/**
 * Works out which speaker label is the caller (the side being assessed: the one claiming an
 * organisation, introducing itself and asking for things) and which is the callee.
 */
import type { Speaker } from '../types.js';

const CALLER_LABEL =
  /\b(?:caller|agent|scammer|fraudster|impost[eo]r|technician|tech|support|rep|representative|operator|officer|analyst|advis[eo]r|specialist|system|assistant|bot|ivr|robocall|recording|company|microsoft|apple|amazon|google|bank|irs|ssa|hmrc|police|helpdesk|help desk|service desk|them|suspect|unknown caller)\b/i;
const CALLEE_LABEL =
  /^(?:callee|me|i|myself|customer|victim|user|client|recipient|target|receiver|consumer|patient|account holder|member|mom|mum|dad|grandma|grandpa|granny|you|person called|called party)$/i;
const CALLER_EXACT = /^(?:a|s|c1|speaker ?a)$/i;

const INTRO =
  /\b(?:this is \w+(?: \w+)? (?:from|with|at)|calling (?:you )?(?:from|about|regarding|on behalf)|my name is \w+(?: \w+)? (?:from|and i'?m (?:with|from|calling))|on behalf of|i'?m calling|we'?re calling|how (?:can|may) i (?:help|assist)|thank(?:s| you) for calling)\b/;
const ASKS =
  /\b(?:i need you to|i'?ll need|can you (?:please )?(?:open|go|type|read|give|tell|confirm|download|install|click|press|verify)|please (?:open|go|type|read|give|tell|confirm|download|install|click|press|verify|hold)|press (?:one|1|the)|your (?:computer|account|card|number|social)|for (?:security|verification) purposes)\b/;
const VICTIM =
  /\b(?:who is this|who'?s calling|is this a scam|how did you get (?:my|this) number|what do you want|why do you need|i don'?t understand|i'?m not sure|hello\??$|yes\??$|i didn'?t (?:order|ask|request)|i have a (?:problem|question)|i'?m calling (?:about|because) my)\b/;

/** The role a label names by itself ("Agent", "Me", "caller"), if it does. */
export function roleFromLabel(label: string): Speaker | undefined {
  const l = label.trim();
  if (CALLEE_LABEL.test(l)) return 'callee';
  if (/^unknown$/i.test(l)) return 'unknown';
  if (CALLER_LABEL.test(l) || CALLER_EXACT.test(l)) return 'caller';
  return undefined;
}

/** How much one utterance sounds like the caller's side: introductions and requests up, a surprised callee down. */
export function callerLikeness(text: string): number {
  const t = text.toLowerCase();
  let v = 0;
  if (INTRO.test(t)) v += 2;
  if (ASKS.test(t)) v += 1;
  if (VICTIM.test(t)) v -= 2;
  return v;
}

/**
 * Maps each distinct label to a role.
 * @example inferRoles([{label:'Bob',text:'Hi, this is Bob from Microsoft'},{label:'Ann',text:'Who is this?'}])
 *   // Map { 'Bob' => 'caller', 'Ann' => 'callee' }
 */
export function inferRoles(
  segments: ReadonlyArray<{ label?: string | undefined; text: string }>,
): Map<string, Speaker> {
  const roles = new Map<string, Speaker>();
  const labels: string[] = [];
  for (const s of segments) if (s.label !== undefined && !labels.includes(s.label)) labels.push(s.label);
  if (labels.length === 0) return roles;

  for (const label of labels) {
    const role = roleFromLabel(label);
    if (role) roles.set(label, role);
  }
  const undecided = labels.filter((l) => !roles.has(l));
  if (undecided.length === 0) return roles;

  const decided = [...roles.values()];
  if (labels.length === 2 && undecided.length === 1) {
    const other = decided[0];
    roles.set(undecided[0]!, other === 'caller' ? 'callee' : other === 'callee' ? 'caller' : 'unknown');
    return roles;
  }

  // Content: who introduces themselves, claims to call from somewhere and asks for things.
  const score = new Map<string, number>(undecided.map((l) => [l, 0]));
  const firstLabel = segments.find((s) => s.label !== undefined)?.label;
  for (const s of segments) {
    if (s.label === undefined || !score.has(s.label)) continue;
    score.set(s.label, score.get(s.label)! + callerLikeness(s.text));
  }
  if (firstLabel !== undefined && score.has(firstLabel)) score.set(firstLabel, score.get(firstLabel)! + 0.5);

  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const callerTaken = decided.includes('caller');
  const calleeTaken = decided.includes('callee');
  if (ranked.length === 1) {
    const [label, v] = ranked[0]!;
    roles.set(label, calleeTaken ? 'caller' : callerTaken ? 'callee' : v > 0.5 ? 'caller' : 'unknown');
    return roles;
  }
  const top = ranked[0]!;
  const second = ranked[1]!;
  if (top[1] === second[1] && !callerTaken && !calleeTaken) {
    for (const [label] of ranked) roles.set(label, 'unknown');
    return roles;
  }
  for (const [label, v] of ranked) {
    if (label === top[0] && !callerTaken) roles.set(label, 'caller');
    else if (ranked.length === 2 || label === ranked[ranked.length - 1]![0]) roles.set(label, 'callee');
    else roles.set(label, v >= 2 ? 'caller' : 'unknown');
  }
  return roles;
}

const FIRST_PERSON_STORY =
  /\b(?:they|he|she|someone|somebody|the (?:guy|man|woman|caller)) (?:said|told|asked|wanted|claimed)\b|\b(?:i|we) (?:got|had|received) (?:a|this) call\b|\bscammers?\b/;

/**
 * Plain text with no speakers: when it reads as one side's message (a robocall or voicemail that
 * introduces itself as calling), it is the caller's; a story about a call stays unattributed.
 * @example plainTextRole('This is Amazon. We are calling about your order.') === 'caller'
 */
export function plainTextRole(text: string): Speaker {
  const t = text.toLowerCase();
  if (FIRST_PERSON_STORY.test(t)) return 'unknown';
  return INTRO.test(t) ||
    /\b(?:this (?:call|message) is (?:from|regarding|about)|press (?:one|1|two|2|nine|9))\b/.test(t)
    ? 'caller'
    : 'unknown';
}
