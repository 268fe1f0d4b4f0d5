/**
 * Context around a match: the sentence it sits in, whether it is negated ("we will never ask for
 * your password"), and whether it is reported speech ("someone called saying my PC had a virus").
 * Works on normalised (lowercase) text and looks only at a bounded window, so cost stays per match.
 */

/** How far a sentence window reaches each way from a match (characters). */
export const MAX_WINDOW = 160;

/** Start of the sentence containing `at` (after ., !, ?, newline), at most MAX_WINDOW back. */
export function sentenceStart(text: string, at: number): number {
  const floor = Math.max(0, at - MAX_WINDOW);
  for (let i = at - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    // . ! ? newline; a "." between digits or letters ("1.5", "e.g") is not an end.
    if (c === 10 || c === 33 || c === 63) return i + 1;
    if (c === 46 && !(isAlnum(text.charCodeAt(i + 1)) && isAlnum(text.charCodeAt(i - 1)))) return i + 1;
  }
  return floor;
}

/** End of the sentence containing `at`, at most MAX_WINDOW ahead. */
export function sentenceEnd(text: string, at: number): number {
  const ceil = Math.min(text.length, at + MAX_WINDOW);
  for (let i = at; i < ceil; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 33 || c === 63) return i;
    if (c === 46 && !(isAlnum(text.charCodeAt(i + 1)) && isAlnum(text.charCodeAt(i - 1)))) return i;
  }
  return ceil;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/**
 * Clause boundaries inside a sentence: a semicolon, dash, or a word that turns the sentence ("but",
 * "so", "now", "please"). Negation does not cross them. Commas do not end a negation: "we never ask
 * for your password, your PIN or card details" negates the whole list.
 */
const CLAUSE_BREAK_RE =
  /[;:\u2013\u2014]|\s-\s|\b(?:but|however|though|although|instead|anyway|anyways|meanwhile|please)\b|\b(?:so|now|then|okay|ok|alright|listen)(?=[ ,])/g;

/** Phrases that contain a negation word but do not negate what follows. */
const NEGATION_EXCEPTIONS_RE =
  /\b(?:don'?t|do not|dont) (?:worry|panic|be (?:alarmed|scared|afraid|worried))|\bno (?:problem|worries)\b|\bnot to worry\b|\bif you (?:don'?t|do not|dont|can'?t|cannot|won'?t|will not|fail)\b|\bunless\b|\bwhy (?:don'?t|dont) (?:you|we)\b|\b(?:don'?t|do not|dont) (?:hang up|disconnect|turn off|shut (?:it )?down|close|touch|restart|tell|mention|talk|speak|inform|share this|discuss|call|contact|go to)\b|\bwhether or not\b|\bnot only\b|\bcan'?t (?:stress|emphasi[sz]e)\b|\bnot (?:yet|long)\b|\b(?:no|not) (?:longer|later than)\b|\bno matter\b|\bwhy not\b|\bor not\b|\bnot sure\b/g;

const NEGATION_RE =
  /\b(?:never|not|n't|dont|don'?t|doesn'?t|didn'?t|won'?t|wont|wouldn'?t|shouldn'?t|mustn'?t|cannot|can'?t|isn'?t|aren'?t|wasn'?t|haven'?t|hasn'?t|nobody|no one|noone|neither|nor|without|refuse|refused|avoid|instead of|rather than)\b|n't\b|\bno (?:legitimate|real|genuine|honest|actual|official|bank|company|agency)\b|\bno(?= (?:\w+ )?(?:virus|viruses|malware|infection|charge|fee|cost|payment|password|code|access|need|reason|one|way)\b)/;

/** True when a negation word governs the words just before `at` in the same clause. */
export function isNegated(text: string, at: number, sStart = sentenceStart(text, at)): boolean {
  // Most matches have no negation word anywhere near: settle those with one test.
  if (!NEGATION_RE.test(text.slice(Math.max(sStart, at - 70), at))) return false;
  const before = clauseBefore(text, sStart, at);
  if (before.length === 0) return false;
  return NEGATION_RE.test(before.replace(NEGATION_EXCEPTIONS_RE, ' '));
}

function clauseBefore(text: string, sStart: number, at: number): string {
  const span = text.slice(Math.max(sStart, at - 70), at);
  let cut = 0;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(span); m !== null; m = CLAUSE_BREAK_RE.exec(span)) {
    cut = m.index + m[0].length;
  }
  return span.slice(cut);
}

/**
 * Reported speech or talk about scams in the sentence before the match: the speaker is telling what
 * someone else said, not saying it themselves.
 */
const REPORTED_RE =
  /\b(?:(?:someone|somebody|some(?: \w+)? (?:guy|man|woman|lady|person|one|bloke|fellow)|a (?:guy|man|woman|lady|person|caller|scammer)|they|he|she|the (?:guy|man|woman|lady|caller|person|scammers?)|scammers?|fraudsters?|crooks?|criminals?) (?:said|says|say|told|tells|tell|asked|asks|ask|claimed|claims|claim|wanted|wants|want|demanded|demands|demand|tried|was saying|were saying|kept saying|would say|will say|may say|might say|often say|usually say|pretend|pretended|pretending)|(?:said|told me|claimed) (?:that )?(?:he|she|they|it) (?:was|were|is|are)|(?:they|he|she|scammers?)(?:'d| would| will| might| may| could)(?: have)? (?:tried|try|ask|asked|say|said|tell|told|want|wanted|charge|get|make)|(?:agent|caller|scammer|someone|they|he|she|somebody|fraudster|crook)\W* (?:tells|asks|wants|gets|makes) (?:you|people|victims)|pretending to|(?:article|news|story|report|programme|program|segment|documentary) (?:about|on|said|says)|(?:heard|read|saw) (?:about|that)|(?:saying|claiming|pretending) (?:that|to be|it was|my|i|he|she|they|we)|scam(?:mer)?s? (?:will|may|might|often|usually|typically|try|tries|ask|call|say|claim|use|want)|(?:scam|fake|fraud(?:ulent)?) (?:calls?|callers?|technicians?|support)|(?<!\byou(?:'ve| have)? )got (?:a|this|one of those) (?:weird |strange |scam |suspicious )?(?:call|phone call|message|voicemail)|(?<!\byou(?:'ve| have)? )(?:received|had) (?:a|this) (?:weird |strange |scam |suspicious )?(?:call|phone call|voicemail)|(?:a|the) (?:call|voicemail|message) (?:from|saying|that said|claiming)|(?:called|rang|phoned) me (?:saying|claiming|and said|and told|yesterday|last|earlier|this morning)|(?:watch out|be careful|beware|be aware) (?:for|of)|(?:if|when) (?:anyone|someone|somebody) (?:calls?|asks?|says?|tells?)|(?:anyone|someone|somebody) (?:who|that) (?:calls?|asks?|says?|tells?))\b/;

/** Markers that make a whole segment a story about another call. */
const NARRATIVE_SEGMENT_RE =
  /\b(?:(?:i|we|my \w+|mum|mom|dad|grandma|grandpa) (?:got|had|received|kept getting) (?:a|this|one of those|some) (?:weird |strange |scam |suspicious |fake )?(?:call|phone call|voicemail)|(?:the|a|this|that) (?:weird |strange |scam |suspicious |fake )?call (?:i|we) (?:got|had|received)|(?:someone|somebody|a (?:guy|man|woman|lady)) (?:called|rang|phoned) (?:me|us|my|her|him|them))\b/;

const PAST_QUESTION_RE = /\b(?:did|have|had|were) you\b|\bhas (?:he|she|anyone|someone|somebody)\b/;

/** "Did you give them your card number?": asking what happened, not asking for it. */
export function isPastQuestion(sentence: string): boolean {
  return PAST_QUESTION_RE.test(sentence);
}

/** Story about another call or talk about scams, in the sentence before `at`. */
export function isReported(text: string, at: number, sStart = sentenceStart(text, at)): boolean {
  return REPORTED_RE.test(text.slice(sStart, at));
}

const FIRST_PERSON_RE = /\b(?:me|my|i|i'm|i've|i'd|we|us|our|mine|myself)\b/;
const GENERIC_RE =
  /\b(?:scam(?:mer)?s? (?:are|is|will|may|might|often|usually|typically|pretend|call|try|tries|say|ask|use)|people|anyone|everyone|consumers?|viewers|listeners|customers|if you (?:ever )?(?:get|receive)|warning|beware|watch out|be careful)\b/;

/**
 * A person's own account of what a caller did ("they told me to install AnyDesk"), as opposed to
 * talk about scams in general ("scammers ask you to install AnyDesk").
 */
export function isFirstPersonAccount(sentence: string): boolean {
  return FIRST_PERSON_RE.test(sentence) && !GENERIC_RE.test(sentence);
}

/**
 * Every narrative marker names the call ("call", "called", "voicemail") or says "rang" / "phoned".
 * Most segments have none of these, and this settles them far faster than NARRATIVE_SEGMENT_RE
 * (and about twice as fast as four `includes`).
 */
const NARRATIVE_WORD_RE = /call|voicemail|rang|phoned/;

export function isNarrativeSegment(text: string): boolean {
  return NARRATIVE_WORD_RE.test(text) && NARRATIVE_SEGMENT_RE.test(text);
}
