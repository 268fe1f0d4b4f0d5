/**
 * Transcript rules as data. Each rule has a trigger (a regex source matched on normalised,
 * lowercase text) and optional checks on the sentence around it. Rules describe tactics (asking,
 * paying, pressuring, proving) rather than particular scripts, so they carry over to new calls.
 *
 * Triggers must not contain capturing groups: the scanner joins them into one regex and uses the
 * group index to know which trigger matched. Rules with the same trigger share one group.
 */
import type { SensitiveAsk } from '../types.js';

export type RuleSpeaker = 'caller' | 'callee' | 'any';

/** Internal signals: not red flags, but they steer other rules, mitigations and advice. */
export type SignalId =
  | 'SIG_PRIOR_REQUEST'
  | 'SIG_CALLER_INITIATED'
  | 'SIG_CALLEE_INITIATED'
  | 'SIG_TECH_INTRO'
  | 'SIG_AGENCY_INTRO'
  | 'SIG_OFFICIAL_CALLBACK_ADVICE'
  | 'SIG_ACCESS_GIVEN'
  | 'SIG_MONEY_GIVEN';

export interface TextRule {
  /** Stable sub-rule id, e.g. "REMOTE_ACCESS_REQUEST/tool". */
  id: string;
  /** The red flag (or signal) this rule raises. */
  flag: string;
  trigger: string;
  /**
   * Words (lowercase tokens) of which every trigger match contains at least one. The scanner only
   * tries a rule near one of its keys, so the cost follows the transcript, not the rule count.
   */
  keys: readonly string[];
  /** Must match somewhere in the sentence around the trigger. */
  near?: RegExp;
  /** Must not match in that sentence. */
  notNear?: RegExp;
  /** A second condition that must also match (e.g. a demand to pay, beside a support context). */
  also?: RegExp;
  /** A second veto. */
  veto?: RegExp;
  /** Skip when a negation governs the trigger ("we will never ask for your password"). Default true. */
  negatable?: boolean;
  /** Skip when the sentence reports what someone else said. Default true. */
  reportable?: boolean;
  /** Whose words count. Default "caller". */
  from?: RuleSpeaker;
  /** Look for `near` in up to 200 characters before the sentence too (a fee named after the service). */
  wide?: boolean;
  /** Multiplier on the flag weight (0-1]. Default 1. */
  strength?: number;
  /** A request for something: "did you give them your password?" (a question about the past) is not one. */
  request?: boolean;
  /** Raises a sensitive-info warning in live mode. */
  asks?: SensitiveAsk;
}

// Shared vocabularies (regex sources).
const DISCLOSE =
  "\\b(?:give|giving|tell|read|reading|say|provide|confirm|verify|need|needs|send|share|what(?:'s| is| are| was)|spell|repeat|let me (?:have|know)|can i (?:have|get)|may i (?:have|get)|could i (?:have|get)|give me|read out|read off|call out|go ahead|i'?m going to need|i'?ll need|require|required|ask(?:ing)? for|read it|read them|what does it say|write (?:it |them )?down|written down|hand (?:it |them )?over|in an envelope)\\b";
const INSTALL =
  '\\b(?:download|downloading|install|installing|open|opening|go (?:on ?)?to|visit|type|typing|run|click|launch|get|search|find|accept|allow|connect|connecting|give|read|tell|need|let me|start|enter|put|press|choose|select|copy|dot com|com|www|app|application|program|software|session|id|code)\\b';
const REQUESTY =
  "\\b(?:need|needs|have to|must|let me|allow|give|grant|i'?ll|we'?ll|i will|we will|going to|gonna|can you|could you|would you|please|so (?:that )?(?:i|we) can|let'?s|want you|i want|we want|just|go ahead|while i|i can|we can|so i can|accept|click|approve|connect|connecting|take)\\b";
const PAY_VERB =
  '\\b(?:buy|buying|bought|purchase|purchasing|get|getting|pay|paying|payment|send|sending|transfer|deposit|depositing|load|loading|scratch|read|code|codes|numbers?|wire|walmart|cvs|target|walgreens|store|shop|atm|machine|kiosk|withdraw|withdrawing|cash|convert|accept|take|only|use|using|via|through|by|worth|dollars|pounds)\\b';
const TECH_ORG =
  '\\b(?:microsoft|windows|apple|icloud|google|amazon|norton|mcafee|geek squad|dell|hp|hewlett|lenovo|tech(?:nical)? support|technical (?:department|team|division|service|services|center|centre)|support (?:centre|center|team|department|desk)|customer support|help ?desk|security (?:team|department|centre|center|division)|computer (?:support|security|maintenance)|internet (?:service|security)|software (?:support|protection))\\b';

/** Key words of the "this is X from Microsoft / tech support" introductions (both phrasings). */
const TECH_INTRO_KEYS = [
  'microsoft',
  'windows',
  'apple',
  'icloud',
  'google',
  'amazon',
  'norton',
  'mcafee',
  'geek',
  'dell',
  'hp',
  'hewlett',
  'lenovo',
  'tech',
  'technical',
  'support',
  'helpdesk',
  'desk',
  'security',
  'maintenance',
  'service',
  'services',
  'protection',
  'department',
  'team',
  'division',
  'centre',
  'center',
];
const AGENCY =
  "\\b(?:(?:department of )?social security(?: administration)?|ssa|irs|internal revenue|treasury|department of (?:justice|homeland security|treasury|revenue|health)|homeland security|federal (?:bureau|agent|officer|government|reserve|trade commission)|fbi|dea|ftc|u\\.?s\\.? marshals?|marshals? service|customs|border (?:protection|patrol)|immigration|police department|sheriff'?s? (?:office|department)|medicare|hmrc|tax (?:office|department|authority|agency)|revenue (?:service|agency)|legal department|legal services|crimes? (?:department|division|unit))\\b";

/** What a support fee is for. */
const SUPPORT_CONTEXT = new RegExp(
  `\\b(?:support|technician|repair|fix|fixing|reinstall|install|installation|restore|activate|activation|unlock|update|upgrade|clean|cleaning|clean-?up|protect|protection|security|virus|viruses|malware|hacker|hackers|firewall|antivirus|anti-virus|licen[cs]e|renew|renewal|renewed|warranty|lifetime|service plan|maintenance|optimi[sz]ation|tune-?up|norton|mcafee|geek squad|windows|computer|pc|laptop)\\b`,
);
/** The caller wants money from the person (not a price mentioned in passing). */
const YOU_PAY =
  /\b(?:you(?:'ll| will)? (?:need to |have to |must |can )?pay|pay (?:for|the|us|me|a|an|this|it|now|today|by|with|online)|(?:it|this|that|the (?:\w+ )?(?:fee|charge|cost|price|plan|service|repair|fix|licen[cs]e|renewal)) (?:is|will be|costs?|comes to)|costs?|charge (?:you|your)|fee (?:of|is)|(?:\d[\d,.]*|hundred|ninety|ninety-nine|forty|fifty) (?:dollars|pounds|euros|bucks)|(?:one[- ]?time|small|service|support|processing|renewal|activation|registration|cancellation|technician) (?:fee|charge)|(?:your|the) card (?:will be|gets?) charged|be charged|deduct(?:ed)?|auto[- ]?renew)/;
const NO_CHARGE =
  /\b(?:free of charge|no (?:charge|cost|fee)|at no (?:cost|charge)|(?:won'?t|will not|doesn'?t|does not|isn'?t|is not|wouldn'?t) (?:cost|charge)|covered (?:by|under)|no cost|free|complimentary|refund(?:ed|s)?|you were charged)\b/;

/** "The ID and password" of a remote tool is a remote-access code (see REMOTE_ACCESS_REQUEST/code). */
const REMOTE_CODE_CONTEXT =
  /\b(?:anydesk|teamviewer|ultraviewer|quickassist|quick ?support|rustdesk|logmein|screenconnect|(?:the|your) id and (?:the )?password|partner id|session (?:id|code))\b/;

/** Talk of removing a remote tool (a repair shop, a relative cleaning up) is not a request to install one. */
const REMOVAL =
  /\b(?:uninstall(?:ed|ing)?|remov(?:e|ed|ing)|delet(?:e|ed|ing)|got rid of|get rid of)\b(?: \w+){0,3} (?:anydesk|teamviewer|ultraviewer|quickassist|logmein|screenconnect|rustdesk|remote|the (?:app|program|tool|software)|those (?:apps|programs|tools))\b|\b(?:anydesk|teamviewer|ultraviewer|rustdesk|the remote \w+) (?:was|were|has been|have been|is) (?:removed|uninstalled|deleted)\b/;

/** Telling what someone else said (for rules that cannot use the scanner's reported-speech check). */
const REPORTED_TALK =
  /\b(?:said|says|saying|told (?:me|you|him|her|them|us)|claim(?:s|ed|ing)|pretend(?:s|ed|ing)?|scam(?:mer)?s?|fraudsters?|someone|somebody|(?:if|when) (?:anyone|they)|they (?:say|said|tell|told|will|would|may|might))\b/;

/**
 * What a recorded key prompt is for when it is a sales robocall. Informational recordings (a school
 * closure, an appointment reminder) also offer "a live agent", so that purpose counts only beside a
 * sales topic (an offer, a rate, a debt, a warranty, a claim); being taken off a calling list counts
 * alone. The first lookahead vetoes a menu the person rang (its greeting sits within the 200
 * characters `wide` looks back).
 */
const RECORDED_SALES_PURPOSE =
  /^(?![\s\S]*\b(?:thank(?:s| you) for (?:calling|contacting|holding)|you(?:'ve| have) reached|your call is important)\b)(?:(?=[\s\S]*\b(?:offers?|discounts?|savings?|lower|reduce|interest|rates?|apr|debts?|loans?|warranty|claim|refund|qualif\w*|eligible|pre-?approved|free|prizes?|won|enrol?lment|coverage|insurance)\b)[\s\S]*\b(?:(?:live|licensed) (?:operator|agent|person|representative|specialist|advisor|adviser)|(?:start|begin) (?:your|the) (?:claim|application|enrol?lment|refund))\b|[\s\S]*\b(?:removed|taken off|take you off|remove you) (?:from |of )?(?:our|the|this|their|my) (?:\w+ )?(?:list|database)\b)/;

export const TEXT_RULES: readonly TextRule[] = [
  // ─── Remote access ──────────────────────────────────────────────────────────────────────────
  {
    id: 'REMOTE_ACCESS_REQUEST/tool',
    keys: [
      'anydesk',
      'teamviewer',
      'ultraviewer',
      'quickassist',
      'quicksupport',
      'quick',
      'logmein',
      'screenconnect',
      'connectwise',
      'rustdesk',
      'supremo',
      'ammyy',
      'aeroadmin',
      'splashtop',
      'zoho',
      'gotoassist',
      'assist',
      'fastsupport',
      'showmypc',
      'remote',
      'remotepc',
      'iperius',
      'chrome',
      'bomgar',
      'beyondtrust',
      'support',
      'helpme',
    ],
    request: true,
    flag: 'REMOTE_ACCESS_REQUEST',
    trigger:
      '(?:anydesk|teamviewer|ultraviewer|quick ?support|quickassist|logmein|screenconnect|connectwise|rustdesk|supremo|ammyy|aeroadmin|splashtop|zoho assist|gotoassist|go to assist|fastsupport|showmypc|remote ?pc|iperius|chrome remote desktop|remote desktop|bomgar|beyondtrust|support\\.me|helpme\\.net|remote utilities)',
    near: new RegExp(INSTALL),
    notNear: REMOVAL,
  },
  {
    id: 'REMOTE_ACCESS_REQUEST/access',
    keys: [
      'remote',
      'remotely',
      'access',
      'connect',
      'login',
      'connection',
      'computer',
      'pc',
      'laptop',
      'device',
      'screen',
      'machine',
      'system',
      'desktop',
      'mac',
      'mouse',
      'screenshare',
      'screensharing',
      'control',
      'over',
    ],
    request: true,
    flag: 'REMOTE_ACCESS_REQUEST',
    trigger:
      '(?:remote(?:ly)? (?:access|control|connection|session|support|in|into|connect)|(?:access|connect|log ?in|get in|connection) (?:to |into )?(?:your|the) (?:computer|pc|laptop|device|screen|machine|system|desktop|mac)|(?:see|share|view|mirror) (?:your|the) (?:screen|desktop)|screen ?shar(?:e|ing)|(?:control|take over|take control of) (?:your|the) (?:computer|pc|mouse|screen|laptop|device|machine|desktop)|(?:take|taking|get|getting) (?:over|control)|(?:into|onto) your (?:computer|pc|laptop|machine|system))',
    near: new RegExp(REQUESTY),
    notNear: REMOVAL,
    strength: 0.8,
  },
  {
    id: 'REMOTE_ACCESS_REQUEST/code',
    keys: [
      'id',
      'code',
      'number',
      'digits',
      'digit',
      'pin',
      'key',
      'partner',
      'session',
      'connection',
      'support',
      'access',
      'remote',
      'allow',
      'accept',
      'password',
    ],
    request: true,
    flag: 'REMOTE_ACCESS_REQUEST',
    trigger:
      '(?:(?:id|code|number|digits|pin) (?:on|from|showing on|that appears on|that shows on|in) (?:your|the) (?:screen|app|window|box)|(?:your|the) (?:partner|session|connection|support|access|remote) (?:id|code|key|number)|(?:nine|9|ten|10|six|6)[- ]digit (?:id|number) (?:on|from|in)|(?:the|your) (?:teamviewer |anydesk |partner |session |remote )?id and (?:the |your )?password|allow (?:remote )?(?:access|control)|accept (?:the )?(?:connection|request|session))',
    near: new RegExp(DISCLOSE),
    asks: 'remote-access-code',
  },
  // ─── Credentials ────────────────────────────────────────────────────────────────────────────
  {
    id: 'CREDENTIAL_REQUEST/password',
    keys: [
      'password',
      'passcode',
      'pin',
      'login',
      'log',
      'sign',
      'signin',
      'credentials',
      'username',
      'security',
      "mother's",
      'maiden',
      'apple',
      'email',
      'banking',
      'passwords',
      'passcodes',
      'pins',
    ],
    request: true,
    flag: 'CREDENTIAL_REQUEST',
    trigger:
      "(?:passwords?|passcodes?|pins?(?: number| code)?|log ?in details|login|sign[- ]?in details|username and password|credentials|security (?:question|answer)s?|mother'?s maiden name|apple id password|email password|banking password)",
    near: new RegExp(DISCLOSE),
    notNear:
      /\b(?:(?:change|reset|update|create|choose|pick|set) (?:a |your |the )?(?:new |strong )?(?:password|passcode|pin)|(?:reset|change) it (?:on|in|from|yourself)|password (?:portal|reset (?:page|link|site))|yourself|on your own|don'?t (?:need to |have to )?(?:tell|share|give|read)|do not (?:need to |have to )?(?:tell|share|give|read)|dont (?:need to )?(?:tell|share|give|read)|only you|keep (?:it|them) (?:to yourself|private|secret)|password manager)\b/,
    asks: 'password',
    veto: REMOTE_CODE_CONTEXT,
  },
  {
    id: 'CREDENTIAL_REQUEST/otp',
    keys: ['code', 'codes', 'otp', 'number', 'numbers', 'digits', 'pin', 'passcode', 'password'],
    request: true,
    flag: 'CREDENTIAL_REQUEST',
    trigger:
      '(?:(?:one[- ]?time|verification|security|authentication|authenticator|confirmation|access|validation|activation|login|sign[- ]?in|2fa|two[- ]factor|mfa|six[- ]digit|6[- ]digit|four[- ]digit|4[- ]digit|text|sms) (?:code|number|pin|passcode|password)s?|code (?:(?:we|i|that|they|you|microsoft|apple|google|amazon|the bank|your bank) (?:just )?(?:sent|texted|emailed|got|received|receive|get)|(?:on|in) your (?:phone|text|messages|email|screen|app))|otp|(?:number|digits) (?:shown|showing|displayed|that (?:appears|shows))(?: on (?:your|the) (?:screen|phone|app))?)',
    near: new RegExp(DISCLOSE),
    notNear:
      /\b(?:don'?t (?:tell|share|give|read)|do not (?:tell|share|give|read)|never (?:share|give|tell|read)|only you|yourself|keep (?:it|them) (?:to yourself|private))\b/,
    asks: 'one-time-code',
  },
  {
    id: 'CREDENTIAL_REQUEST/readback',
    keys: ['read', 'tell', 'give'],
    request: true,
    flag: 'CREDENTIAL_REQUEST',
    // "I'll send a code to your phone. Read it to me when it arrives.": the code is named a sentence earlier.
    trigger:
      '(?:(?:read|tell|give) (?:it|that|them)(?: back| out)?(?: to me)? (?:when|once|as soon as) (?:it|they|the (?:code|text|message)) (?:arrives?|comes? (?:in|through)|gets? there|pops? up|shows? up))',
    near: /\bcodes?\b/,
    wide: true,
    asks: 'one-time-code',
  },
  {
    id: 'CREDENTIAL_REQUEST/approve',
    keys: ['approve', 'tap', 'press', 'hit', 'prompt', 'notification', 'request', 'alert', 'pop', 'popup'],
    request: true,
    flag: 'CREDENTIAL_REQUEST',
    trigger:
      '(?:(?:approve|accept|tap (?:yes|approve|allow)|press (?:yes|approve|allow)|confirm|click (?:yes|approve|allow)) (?:the |that |this )?(?:sign[- ]?in |login |log ?in |security |verification |authentication |authenticator )?(?:prompt|notification|request|pop[- ]?up|alert)|(?:tap|press|hit) (?:yes|approve|allow)|approve (?:it|the sign[- ]?in|the login))',
    near: new RegExp(REQUESTY),
    // Someone else approving ("we'll call you when the doctor's office approves it") asks nothing of you.
    notNear:
      /\b(?:they|he|she|the (?:doctor|doctor'?s office|office|insurer|insurance|manager|landlord|bank|lender|school|court|council))(?: \w+)? (?:approves?|approved)\b/,
    asks: 'one-time-code',
  },
  // ─── Financial info ─────────────────────────────────────────────────────────────────────────
  {
    id: 'FINANCIAL_INFO_REQUEST/card',
    keys: ['card', 'cards', 'expiry', 'expiration', 'cvv', 'cvc', 'cv2', 'code', 'number', 'digit', 'long'],
    request: true,
    flag: 'FINANCIAL_INFO_REQUEST',
    trigger:
      '(?:(?:credit|debit|bank|visa|mastercard|amex) ?card(?: number| details| info(?:rmation)?)?|card (?:number|details|info(?:rmation)?)|long number on (?:the|your) card|(?:expiry|expiration) date|cvv|cvc|cv2|security code on the back|(?:three|3)[- ]digit (?:code|number))',
    near: new RegExp(DISCLOSE),
    notNear:
      /\b(?:last (?:four|4) digits|number on the back|back of (?:your|the) card|call (?:us|the number)|don'?t (?:tell|share|give|read)|do not (?:tell|share|give|read)|never (?:share|give|tell|ask))\b/,
    asks: 'card-number',
  },
  {
    id: 'FINANCIAL_INFO_REQUEST/bank',
    keys: ['bank', 'banking', 'account', 'routing', 'sort', 'iban'],
    request: true,
    flag: 'FINANCIAL_INFO_REQUEST',
    trigger:
      '(?:bank (?:account|details|info(?:rmation)?|log ?in|login|username)|(?:bank|checking|savings|current) account (?:number|details)s?|(?:routing|sort) (?:number|code)s?|account and routing numbers?|iban|online banking(?: details| log ?in| login| password)?|(?:log|sign) ?in(?:to)? (?:to )?your (?:bank|online banking|banking app)|open your (?:bank|banking app|online banking))',
    near: new RegExp(`${DISCLOSE}|\\b(?:open|log ?in|sign ?in|go to)\\b`),
    notNear:
      /\b(?:last (?:four|4) digits|don'?t (?:tell|share|give)|do not (?:tell|share|give)|never (?:share|give|tell|ask))\b/,
    asks: 'bank-details',
  },
  {
    id: 'FINANCIAL_INFO_REQUEST/id',
    keys: [
      'social',
      'ssn',
      'insurance',
      'passport',
      "driver's",
      'drivers',
      'licence',
      'license',
      'tax',
      'medicare',
    ],
    request: true,
    flag: 'FINANCIAL_INFO_REQUEST',
    trigger:
      "(?:social security (?:number|no)|ssn|social insurance number|national insurance number|(?:passport|driver'?s licen[cs]e) number|tax (?:id|identification) number|medicare (?:number|card number))",
    near: new RegExp(DISCLOSE),
    notNear:
      /\b(?:last (?:four|4) digits|never (?:share|give|tell|ask)|don'?t (?:tell|share|give)|do not (?:tell|share|give))\b/,
    asks: 'id-number',
    strength: 0.8,
  },
  // ─── Payment ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'PAYMENT_FOR_SUPPORT/price',
    keys: [
      'charge',
      'charges',
      'charged',
      'cost',
      'costs',
      'price',
      'pay',
      'paying',
      'payment',
      'dollars',
      'pounds',
      'euros',
      'bucks',
      'subscription',
      'membership',
      'package',
      'renewal',
      'renewed',
    ],
    request: true,
    flag: 'PAYMENT_FOR_SUPPORT',
    also: YOU_PAY,
    trigger:
      '(?:charge|charges|charged|cost|costs|price|pay|paying|payment|dollars|pounds|euros|bucks|subscription|membership|package|renewal|renewed)',
    near: SUPPORT_CONTEXT,
    notNear: NO_CHARGE,
  },
  {
    id: 'UNUSUAL_PAYMENT_METHOD/giftcard',
    keys: [
      'gift',
      'itunes',
      'google',
      'steam',
      'ebay',
      'apple',
      'amazon',
      'target',
      'walmart',
      'vanilla',
      'visa',
      'prepaid',
      'green',
      'greendot',
      'moneypak',
      'money',
      'pak',
      'reload',
      'reloadable',
      'razer',
      'voucher',
      'vouchers',
      'store',
    ],
    request: true,
    flag: 'UNUSUAL_PAYMENT_METHOD',
    trigger:
      '(?:gift cards?|itunes(?: cards?)?|google play(?: cards?| vouchers?)?|(?:store |gift |prepaid )?vouchers?|(?:steam|ebay|apple|amazon|target|walmart|best buy|sephora) (?:gift )?cards?|vanilla (?:visa|card|gift)|visa gift|prepaid (?:debit |visa )?cards?|green ?dot|money ?pak|reload(?:able)? cards?|razer gold)',
    near: new RegExp(PAY_VERB),
    notNear:
      /\b(?:gift card company|card issuer|(?:call|contact|ring) the (?:gift )?card (?:company|issuer)|as a (?:gift|present)|for (?:her|his|your|my) birthday)\b/,
    asks: 'gift-card-code',
  },
  {
    id: 'UNUSUAL_PAYMENT_METHOD/crypto',
    keys: [
      'bitcoin',
      'bitcoins',
      'cryptocurrency',
      'crypto',
      'btc',
      'ethereum',
      'usdt',
      'tether',
      'coinbase',
      'coin',
      'coinstar',
    ],
    request: true,
    flag: 'UNUSUAL_PAYMENT_METHOD',
    trigger:
      '(?:bitcoins?(?: atm| machine| kiosk)?|cryptocurrency|crypto(?: atm| wallet| machine| kiosk)?|btc|ethereum|usdt|tether|coinbase|coin ?star)',
    near: new RegExp(PAY_VERB),
  },
  {
    id: 'UNUSUAL_PAYMENT_METHOD/wire',
    keys: [
      'wire',
      'wiring',
      'transfer',
      'western',
      'moneygram',
      'ria',
      'remitly',
      'cash',
      'courier',
      'driver',
      'agent',
      'someone',
      'officer',
    ],
    request: true,
    flag: 'UNUSUAL_PAYMENT_METHOD',
    trigger:
      '(?:wire (?:transfer|the money|it|the funds|funds|money|all|everything|your|the (?:full )?amount)|wiring|(?:bank )?transfer (?:it |the money |the funds |the amount |the payment )?to (?:our|this|the following|my|a special|a secure|the (?:settlement|government|federal|holding)) (?:\\w+ )?account|western union|moneygram|ria money|remitly|(?:send|overnight|mail|post) (?:the )?cash|cash (?:in|inside) (?:an|a|the) (?:envelope|box|package)|(?:courier|driver|agent|someone|officer) (?:will|to|is going to|can)(?: then| also| just)? (?:come|pick|collect))',
    near: /./,
    notNear:
      /\b(?:you (?:requested|made|sent|set up|initiated|authori[sz]ed|scheduled)|(?:did|have) you (?:make|send|request|authori[sz]e|set up)|i see (?:a|the)|there (?:is|was) a)\b/,
  },
  {
    id: 'UNUSUAL_PAYMENT_METHOD/p2p',
    keys: ['zelle', 'venmo', 'cash', 'paypal'],
    request: true,
    flag: 'UNUSUAL_PAYMENT_METHOD',
    trigger: '(?:zelle|venmo|cash app|paypal friends)',
    near: /\b(?:send|sending|transfer|pay (?:it|me|us|the)|zelle (?:it|me|us|the)|to me|to us|to this|to our|to the (?:agent|officer|technician|account)|recipient (?:we|i)|(?:need|have|must|going) to (?:send|pay|transfer))\b/,
    notNear:
      /\b(?:from your (?:app|account) to (?:your|a) (?:friend|contact|sister|brother)|split|i see|there (?:is|was) a|you (?:sent|made|paid)|did you)\b/,
    strength: 0.7,
  },
  {
    id: 'PAYMENT_FOR_SUPPORT/fee',
    keys: ['fee', 'fees'],
    request: true,
    flag: 'PAYMENT_FOR_SUPPORT',
    trigger: '(?:fee|fees)',
    wide: true,
    near: SUPPORT_CONTEXT,
    also: YOU_PAY,
    notNear: NO_CHARGE,
  },
  // ─── Safe account ───────────────────────────────────────────────────────────────────────────
  {
    id: 'MOVE_MONEY_TO_SAFE_ACCOUNT/safe',
    keys: ['account', 'accounts', 'wallet', 'wallets', 'vault', 'vaults'],
    request: true,
    flag: 'MOVE_MONEY_TO_SAFE_ACCOUNT',
    trigger:
      '(?:safe|safety|secure|secured|protected|protection|temporary|holding|government|federal|reserve|new) (?:account|wallet|vault)s?',
    near: /\b(?:move|moving|transfer|transferring|withdraw|put|send|deposit|keep|protect|hold|wire)\b/,
    notNear: /\b(?:open(?:ed)? (?:a|an) (?:new )?account with us|savings account you opened)\b/,
  },
  {
    id: 'MOVE_MONEY_TO_SAFE_ACCOUNT/move',
    keys: ['move', 'transfer', 'withdraw', 'take', 'put'],
    request: true,
    flag: 'MOVE_MONEY_TO_SAFE_ACCOUNT',
    trigger:
      '(?:(?:move|transfer|withdraw|take out|put) (?:all |some )?(?:of )?(?:your |the )?(?:money|funds|savings|balance|cash|retirement|life savings|401k))',
    near: /\b(?:safe|secure|protect|protected|hacker|hackers|hacked|compromised|fraud(?:sters)?|criminals|federal reserve|fdic|ftc|government|frozen|freeze|before they|so they can'?t|new account|stolen)\b/,
  },
  {
    id: 'MOVE_MONEY_TO_SAFE_ACCOUNT/convert',
    keys: ['convert', 'converting', 'turn', 'turning', 'change', 'changing'],
    request: true,
    flag: 'MOVE_MONEY_TO_SAFE_ACCOUNT',
    // Savings turned into gold or cash for a courier to "hold" is the same scheme without an account.
    trigger:
      '(?:(?:convert|converting|turn|turning|change|changing) (?:all |some )?(?:of )?(?:your |the )?(?:money|funds|savings|balance|retirement|life savings|401k|assets) (?:in)?to (?:gold|silver|precious metals|gold bars|cash|bitcoin|crypto(?:currency)?))',
    near: /./,
  },
  // ─── Pressure ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'URGENCY_OR_THREAT/legal',
    keys: [
      'arrest',
      'arrested',
      'warrant',
      'legal',
      'lawsuit',
      'law',
      'sue',
      'sued',
      'court',
      'summons',
      'jail',
      'prison',
      'deport',
      'deported',
      'deportation',
      'criminal',
      'lien',
      'seize',
      'seized',
      'seizure',
      'garnish',
      'garnished',
      'federal',
      'enforcement',
      'police',
      'sheriff',
      'marshal',
      'marshals',
      'case',
      'file',
      'fine',
      'penalty',
      'penalties',
    ],
    flag: 'URGENCY_OR_THREAT',
    trigger:
      '(?:arrest(?:ed)?|arrest warrant|warrant|legal action|law ?suit|sue you|be sued|court (?:case|date|order|summons|hearing)|summons|jail|prison|deport(?:ed|ation)?|criminal (?:case|charges?|investigation|activity|complaint)|legal (?:proceedings?|consequences|case)|(?:legal|law) enforcement action|lien|seiz(?:e|ed|ure)|garnish(?:ed)?|(?:federal|law enforcement|local police|police|sheriff|marshals?) (?:will|are|officers?|to your)|(?:your|an) (?:case|file) (?:has been|will be) (?:forwarded|sent|transferred|referred|escalated)|fine of|penalt(?:y|ies))',
    notNear: /\b(?:report (?:it|this|them) to (?:the )?police|call (?:the )?police|local police report)\b/,
  },
  {
    id: 'URGENCY_OR_THREAT/account',
    keys: [
      'suspend',
      'suspended',
      'suspending',
      'suspension',
      'block',
      'blocked',
      'blocking',
      'lock',
      'locked',
      'froze',
      'frozen',
      'freeze',
      'freezing',
      'disable',
      'disabled',
      'terminate',
      'terminated',
      'termination',
      'deactivate',
      'deactivated',
      'deactivation',
      'shut',
      'disconnect',
      'disconnected',
      'disconnection',
      'cut',
      'blacklist',
      'blacklisted',
      'emptied',
      'drained',
      'wiped',
      'cleaned',
      'seized',
      'lose',
      'losing',
      'lost',
      'delete',
      'deleted',
      'wipe',
      'destroy',
      'destroyed',
    ],
    flag: 'URGENCY_OR_THREAT',
    trigger:
      '(?:suspend(?:ed|ing|sion)?|block(?:ed|ing)?|lock(?:ed)? (?:out|up)?|locked|froze|frozen|freez(?:e|ing)|disabl(?:e|ed)|terminat(?:e|ed|ion)|deactivat(?:e|ed|ion)|shut (?:off|down)|disconnect(?:ed|ion)?|cut off|blacklist(?:ed)?|(?:emptied|drained|wiped out|cleaned out|seized)|(?:lose|losing|lost|delete|deleted|wipe|wiped|destroy|destroyed) (?:all )?(?:your |of your )?(?:data|files|photos|pictures|documents|money|savings|access|benefits))',
    near: /\b(?:your|you)\b/,
    notNear:
      /\b(?:flight|reservation|booking|appointment|order (?:was|has been) (?:cancel|ship)|we (?:blocked|stopped|declined) (?:the|a|this) (?:transaction|charge|payment)|(?:placed|put) a (?:temporary )?(?:block|hold|freeze) on|block the (?:payment|transaction|charge|payee))\b/,
    strength: 0.8,
  },
  {
    id: 'URGENCY_OR_THREAT/time',
    keys: [
      'immediately',
      'urgent',
      'urgently',
      'possible',
      'asap',
      'within',
      'today',
      'tonight',
      'midnight',
      'final',
      'last',
      'hang',
      'stay',
      'turn',
      'shut',
      'switch',
      'close',
      'restart',
      'running',
      'late',
      'expire',
      'expires',
      'expiring',
      'act',
      'hour',
      'now',
      'away',
      'minutes',
      'before',
      'hours',
      'days',
      'limited',
      'available',
      'while',
      'deadline',
      'deadlines',
    ],
    flag: 'URGENCY_OR_THREAT',
    trigger:
      "(?:immediately|right now|right away|urgent(?:ly)?|as soon as possible|asap|within (?:the next )?(?:\\d+|one|two|three|five|ten|fifteen|thirty|twenty[- ]four|forty[- ]eight|24|48|72) (?:minutes?|hours?|days?)|(?:by|before) (?:the end of )?(?:today|tonight|end of day|midnight)|before \\d+(?::\\d+)? ?[ap]\\.?m\\b|final (?:notice|warning|attempt|reminder|courtesy call)|last (?:chance|warning|notice|attempt|courtesy)|don'?t hang up|do not hang up|stay on the line|(?:do not|don'?t|never) (?:turn off|shut down|restart|switch off|close)|time is running out|before it'?s too late|(?:expires?|expiring) (?:today|tonight|soon|in)|act now|limited[- ]time (?:offer|only|deal|promotion)|(?:programs?|offers?|promotions?|spots) (?:are|is) (?:still )?available (?:for a limited time|until|only)|while (?:the )?(?:programs?|offers?|promotions?|spots|supplies) (?:are|is|last)|(?:as|before) (?:the )?deadlines? (?:come|comes|approach(?:es)?|(?:is|are) (?:coming|approaching|near))|before the deadline|(?:within|in) (?:the|an|one|the next) hour|(?:today|tonight|now) or\\b|must (?:\\w+ )?(?:now|immediately|at once))",
    near: /./,
    notNear:
      /\b(?:we'?ll|we will|i'?ll|i will) (?:email|send|text|call you back|ship|mail|deliver|have it)\b/,
    strength: 0.7,
  },
  {
    id: 'URGENCY_OR_THREAT/final',
    keys: ['final', 'last', 'close', 'closing'],
    flag: 'URGENCY_OR_THREAT',
    trigger:
      "(?:final (?:courtesy )?(?:call|notice|attempt)|last courtesy call|(?:before we|we will|we'll|we are going to|we're going to) (?:close|closing) (?:out )?your (?:file|case|account))",
    near: /./,
    // "Since we've not heard from you, this is your final call": the negation is part of the script.
    negatable: false,
    strength: 0.7,
  },
  {
    id: 'URGENCY_OR_THREAT/deadline',
    keys: ['today', 'tonight', 'afternoon', 'evening'],
    flag: 'URGENCY_OR_THREAT',
    trigger: '(?:today|tonight|this (?:afternoon|evening))',
    near: /\b(?:must|need to|have to|has to|before|otherwise|or else|immediately|right now|or your|or you|will be (?:deleted|closed|suspended|blocked|locked|cancelled|canceled|disconnected|shut|issued|arrested|terminated|frozen|lost|removed))\b/,
    notNear: /\b(?:appointment|reservation|booking|delivery|flight|pick ?up|table|open until|closes? at)\b/,
    strength: 0.7,
  },
  {
    id: 'SECRECY_REQUEST/tell',
    keys: [
      "don't",
      'dont',
      'not',
      'never',
      'cannot',
      "can't",
      "shouldn't",
      "mustn't",
      'keep',
      'confidential',
      'secret',
      'undercover',
      'investigation',
      'operation',
      'gag',
      'cashier',
      'teller',
      'clerk',
      'tell',
      'say',
      'ask',
      'asks',
      'questions',
      'question',
    ],
    flag: 'SECRECY_REQUEST',
    trigger:
      "(?:(?:don'?t|do not|dont|shouldn'?t|should not|must not|mustn'?t|cannot|can'?t|never|not) (?:tell|mention|inform|say anything to|speak to|talk to|discuss (?:this |it )?with|share (?:this|it) with|let) (?:this |it )?(?:to )?(?:anyone|anybody|your (?:bank|family|husband|wife|son|daughter|children|kids|friends?|neighbou?rs?|teller|employees?|relatives|grandchildren|grandson|granddaughter|partner|(?:internet |service |phone |cable |broadband )?(?:provider|company|isp|carrier)|employer|boss|colleagues|it (?:department|team|people)|accountant|lawyer|advis[eo]r)|the (?:bank|teller|cashier|store|staff|clerk|police|employees?|manager)|them know|no one|nobody)|keep (?:this|it|the call|our conversation) (?:confidential|secret|between us|private|to yourself|quiet)|(?:confidential|secret|undercover|ongoing) (?:\\w+ )?(?:investigation|operation|matter)|gag order|(?:if|when) (?:the )?(?:cashier|teller|bank|clerk|staff|store|anyone|they) (?:asks?|questions?)|(?:tell|say to) (?:them|the (?:teller|cashier|bank|clerk)) (?:it'?s|it is|that it'?s|you are|you'?re) (?:a gift|for|buying|renovat))",
    negatable: false,
  },
  {
    id: 'REFUSES_VERIFICATION/callback',
    keys: [
      'callback',
      'call',
      'direct',
      'official',
      'phone',
      'contact',
      'employee',
      'badge',
      'supervisor',
      "supervisor's",
      'manager',
      "manager's",
      'extension',
      'name',
      'department',
      'number',
      'back',
      'bank',
      'branch',
      'microsoft',
      'apple',
      'amazon',
      'police',
      'local',
      'hang',
      'account',
      'details',
      'line',
      'reasons',
    ],
    flag: 'REFUSES_VERIFICATION',
    trigger:
      "(?:(?:can'?t|cannot|can not|won'?t|will not|not able to|unable to|not allowed to|don'?t have (?:a|an)?|no need (?:for|to)|not necessary to) (?:give|provide|share|tell|have|call|verify|transfer)? ?(?:you )?(?:a |an |my |the |our |any )?(?:call ?back|direct|official|phone|contact|employee|badge|supervisor'?s?|manager'?s?|extension|last name|full name|department|number)(?: number| line| id| name)?|(?:don'?t|do not|no need to|no time to|there'?s no time to) (?:call|ring|phone|contact) (?:us |me |them |microsoft |the bank |your bank |apple |amazon )?back|(?:don'?t|do not|no need to) (?:call|contact|check with|go to|visit) (?:the|your) (?:bank|branch|microsoft|apple|amazon|police|local)|if you hang up[^.?!]{0,60}|(?:can'?t|cannot) (?:tell|confirm|see|give) you (?:your|any) (?:account|details)|(?:you can'?t|you cannot) call (?:us|me) back|(?:no|there is no) (?:call ?back|direct) (?:number|line)|(?:can'?t|cannot|can not|won'?t|not allowed to|unable to) (?:tell|give|share|confirm|disclose|verify) (?:you )?(?:that|this|it|those details|your details|any details)?(?: \\w+){0,2} for (?:security|privacy|data protection|confidentiality|legal) reasons)",
    negatable: false,
  },
  // ─── Deception ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'CLAIMS_DEVICE_INFECTED/infected',
    keys: [
      'virus',
      'viruses',
      'malware',
      'spyware',
      'trojan',
      'trojans',
      'ransomware',
      'worm',
      'worms',
      'infect',
      'infected',
      'infection',
      'infections',
      'hack',
      'hacked',
      'hacker',
      'hackers',
      'hacking',
      'hacks',
      'attack',
      'attacks',
      'attacked',
      'attacker',
      'attackers',
      'attacking',
      'compromised',
      'corrupt',
      'corrupted',
      'corruption',
      'suspicious',
      'malicious',
      'harmful',
      'dangerous',
      'illegal',
      'unusual',
      'security',
      'risk',
      'being',
    ],
    flag: 'CLAIMS_DEVICE_INFECTED',
    trigger:
      '(?:virus(?:es)?|malware|spyware|trojans?|ransomware|worms?|infect(?:ed|ion|ions)|hack(?:ed|er|ers|ing|s)?|attack(?:s|ed|er|ers|ing)?|compromised|corrupt(?:ed|ion)|(?:illegal|suspicious|malicious|unusual|harmful|dangerous) (?:activity|activities|traffic|downloads?|files?|connections?|software|websites?)|security (?:breach|threat|issue|problem|alert|warning|risk)s?|at risk|being (?:accessed|monitored|used|tracked))',
    near: /\b(?:your|you|you'?re|yours)\b/,
    notNear: /\b(?:scan (?:it|your computer) yourself|your own antivirus|antivirus says (?:it'?s )?clean)\b/,
  },
  {
    id: 'CLAIMS_DEVICE_INFECTED/errors',
    keys: [
      'error',
      'errors',
      'warning',
      'warnings',
      'alert',
      'alerts',
      'signal',
      'signals',
      'report',
      'reports',
      'notification',
      'notifications',
      'licence',
      'license',
      'subscription',
      'key',
      'protection',
      'firewall',
      'computer',
      'pc',
      'device',
      'laptop',
      'system',
      'machine',
      'windows',
      'ip',
      'network',
      'router',
      'internet',
    ],
    flag: 'CLAIMS_DEVICE_INFECTED',
    trigger:
      '(?:(?:sending|sent|generating|getting|received|receiving|detected|detecting|showing|reporting) (?:us |our servers? )?(?:(?:some |many |a lot of |lots of |several |multiple )?(?:error|warning|alert|signal|report|notification)s?)|(?:error|warning|alert|signal)s? (?:from|coming from) your|(?:windows|microsoft|software|antivirus|security|norton|mcafee|office) (?:licen[cs]e|subscription|key|protection|firewall) (?:has|have|is|will be|was) (?:expired|been (?:expired|disabled|suspended|cancelled|stopped|turned off)|run out|stopped|disabled)|(?:your|the) (?:computer|pc|device|laptop|system|machine|windows|ip(?: address)?|network|router|internet) (?:is|has been|was|are|have been) (?:(?:sending|generating|showing|infected|compromised|hacked|corrupted|damaged|slow(?:ing)? down|crashing|blocked|expired|not (?:protected|secure))))',
    near: /./,
  },
  {
    id: 'FAKE_ERROR_PROOF/tool',
    keys: [
      'event',
      'eventvwr',
      'netstat',
      'assoc',
      'clsid',
      'msconfig',
      'syskey',
      'prefetch',
      'temp',
      'tree',
      'stopped',
      'services',
      'errors',
      'error',
      'warnings',
      'warning',
      'red',
      'yellow',
      'foreign',
      'unknown',
      'hacker',
      "hacker's",
      'hackers',
      'russian',
      'chinese',
      'suspicious',
      'licence',
      'license',
      'windows',
      'product',
      'computer',
      'unique',
    ],
    flag: 'FAKE_ERROR_PROOF',
    trigger:
      "(?:event viewer|eventvwr|netstat|assoc|clsid|msconfig|syskey|prefetch|%temp%|temp folder|tree command|type tree|stopped services|(?:errors?|warnings?) and (?:errors?|warnings?)|red (?:x|errors?|warnings?|marks?)|yellow (?:warnings?|triangles?)|(?:foreign|unknown|hacker'?s?|russian|chinese|suspicious) (?:connections?|ip(?: address(?:es)?)?|addresses)|(?:licen[cs]e|windows|product|computer) (?:id|key|number) (?:is|has been|was) (?:expired|stolen|copied|cloned|used|blocked|flagged)|unique (?:licen[cs]e|computer|windows) id)",
    near: /./,
    notNear: /\b(?:scammers?|they (?:showed|show|made|had)|the (?:guy|man|caller) (?:showed|made|had))\b/,
  },
  {
    id: 'FAKE_ERROR_PROOF/cmd',
    keys: ['command', 'prompt', 'cmd', 'run', 'box', 'windows', 'key', 'powershell', 'terminal'],
    flag: 'FAKE_ERROR_PROOF',
    trigger: '(?:command prompt|cmd|run box|windows key (?:and|plus|\\+) r|run command|powershell|terminal)',
    near: /\b(?:errors?|warnings?|virus|infected|hack(?:ed|ers?)|proof|prove|see|stopped|foreign|connections?|licen[cs]e|expired|tree|netstat|assoc)\b/,
    notNear: /\b(?:scammers?|ipconfig|ping)\b/,
    strength: 0.8,
  },
  {
    id: 'REFUND_OVERPAYMENT/overpaid',
    keys: [
      'overpaid',
      'overpayment',
      'sent',
      'transferred',
      'deposited',
      'credited',
      'refunded',
      'typed',
      'put',
      'entered',
      'gave',
      'extra',
      'additional',
      'zero',
      'zeros',
      'too',
    ],
    flag: 'REFUND_OVERPAYMENT',
    trigger:
      '(?:overpa(?:id|yment)|(?:sent|transferred|deposited|credited|refunded|typed|put|entered|gave) (?:you |in |into your account )?(?:too much|(?:an )?extra (?:\\d[\\d,.]*|money|funds|zeros?|[\\w-]+ (?:dollars|pounds|hundred|thousand))|more than (?:you|we|it|the)|by mistake|the wrong amount|[\\w,.-]+ (?:thousand |hundred )?(?:dollars )?instead)|(?:extra|additional|one too many) zeros?|refunded too much|too much (?:money|was refunded|refund))',
    near: /./,
  },
  {
    id: 'REFUND_OVERPAYMENT/refund',
    keys: [
      'refund',
      'refunds',
      'refunded',
      'reimburse',
      'reimbursed',
      'reimbursement',
      'money',
      'compensation',
    ],
    flag: 'REFUND_OVERPAYMENT',
    trigger: '(?:refund|refunds|refunded|reimburse(?:d|ment)?|money back|compensation)',
    near: /\b(?:eligible|entitled|owe you|process(?:ing)?|issue|issuing|give you|get your|receive|subscription|service|support|technician|tech|renewal|protection|norton|mcafee|geek squad|windows|computer|charged|auto[- ]?renew|cancel(?:led|ed|lation)?|company (?:is )?(?:closing|going out of business)|discontinu)\b/,
    notNear:
      /\b(?:your order|the item|return (?:label|the)|store credit|original payment method|back to (?:your|the) card|5 to 7|five to seven|business days)\b/,
    strength: 0.7,
  },
  {
    id: 'CALLER_ID_UNVERIFIED_OR_SPOOFED/proof',
    keys: [
      'caller',
      'callerid',
      'id',
      'number',
      'screen',
      'shows',
      'says',
      'displays',
      'showing',
      'same',
      'official',
    ],
    flag: 'CALLER_ID_UNVERIFIED_OR_SPOOFED',
    trigger:
      "(?:(?:look at|check|see|check out) (?:your |the )?(?:caller ?id|number (?:on|that shows|showing)|screen)|caller ?id (?:shows|says|will show|displays)|(?:number|it) (?:shows|says|displays|showing) (?:as |up as )?(?:microsoft|apple|amazon|the bank|your bank|the irs|social security|the police|google|paypal)|same number as (?:on )?(?:the back of )?your card|(?:that'?s|this is|it'?s) (?:the|our) official (?:number|line)|(?:google|look up|search) (?:the|our|this) number)",
    near: /./,
    strength: 0.9,
  },
  {
    id: 'ACCOUNT_PROBLEM_CLAIM/account',
    keys: [
      'suspicious',
      'unauthorized',
      'unauthorised',
      'fraudulent',
      'unusual',
      'illegal',
      'order',
      'purchase',
      'charge',
      'transaction',
      'charged',
      'authorize',
      'authorise',
      'suspended',
      'compromised',
      'hacked',
      'used',
      'involved',
      'flagged',
      'stolen',
      'locked',
      'blocked',
      'frozen',
      'breached',
      'cancelled',
      'canceled',
      'cloned',
      'copied',
      'duplicated',
      'identity',
      'found',
      'name',
      'recognize',
      'recognise',
      'charging',
      'billing',
      'ordered',
      'purchased',
    ],
    flag: 'ACCOUNT_PROBLEM_CLAIM',
    trigger:
      '(?:(?:suspicious|unauthori[sz]ed|fraudulent|unusual|illegal) (?:activity|activities|charges?|transactions?|purchases?|orders?|log ?ins?|sign[- ]?ins?|access)|(?:order|purchase|charge) (?:was |has been )?(?:placed|made) (?:for|on|with|using|from|to)|(?:an? )?(?:purchase|charge|transaction|order) (?:of|for) (?:an? |the )?(?:\\w+ ){0,3}?(?:\\d[\\d,.]*|\\w+ (?:hundred|thousand))|(?:confirm|verify|regarding|about) (?:your |a |an |the )?(?:recent )?(?:purchase|order|charge|transaction)|charged to your (?:account|card)|(?:did|do)(?: not|n.?t) (?:authori[sz]e|make|place|recogni[sz]e) (?:this|the|that) (?:order|purchase|charge|transaction|payment)|(?:is being|has been|was) (?:ordered|purchased|charged) (?:from|on|through) your (?:\\w+ )?account|(?:charging|billing) (?:you|your (?:card|account)) (?:for )?\\$\\d|(?:your|the) (?:social security number|ssn|social|account|apple id|icloud|amazon account|card|number|identity|name) (?:has been|was|is being|is|will be|have been) (?:suspended|compromised|hacked|used|involved|flagged|stolen|locked|blocked|frozen|breached|cancelled|canceled|cloned|copied|duplicated)|identity theft|(?:found|discovered) (?:a )?(?:car|vehicle|package|parcel|shipment) (?:rented|in your name|with)|(?:in|under) your name)',
    near: /./,
    notNear:
      /\b(?:your order (?:is|was) ready|your order number is|(?:i|we) (?:placed|made) (?:an|the|my) order|i'?d like to (?:order|place))\b/,
  },
  {
    id: 'PRESS_KEY_PROMPT/press',
    keys: ['press', 'dial', 'hit', 'push'],
    flag: 'PRESS_KEY_PROMPT',
    trigger:
      '(?:press (?:one|two|three|nine|zero|1|2|3|4|5|6|7|8|9|0|the (?:number )?(?:one|1|nine|9)|star|pound)|(?:dial|hit|push) (?:one|1|nine|9|zero|0))',
    near: /\b(?:speak|talk|connect|connected|agent|representative|officer|operator|specialist|advisor|adviser|removed|remove|opt out|unsubscribe|more information|details|know more|know about|this case|your case|claim|hear|listen|authori[sz]e|cancel|options?|continue|qualify|eligible|interested|offer|do not call list|department|on your (?:phone|keypad)|now)\b/,
    // The purpose often sits in the sentence before: "...to speak with a representative. Please press 1."
    wide: true,
    // "If you did not authorize this order, press 1": the negation is part of the script.
    negatable: false,
  },
  {
    id: 'RECORDED_SALES_PROMPT/live',
    keys: ['press', 'dial', 'hit', 'push'],
    flag: 'RECORDED_SALES_PROMPT',
    // The key prompts the FTC names: "pressing a number will let you speak to a live operator or remove
    // you from their call list". Informational recordings (reminders, "press 2 to hear this again") are
    // left to PRESS_KEY_PROMPT alone. A menu the person rang ("thank you for calling") stands down.
    trigger:
      '(?:press (?:one|two|three|five|nine|zero|1|2|3|4|5|6|7|8|9|0|star|pound)|(?:dial|hit|push) (?:one|1|nine|9|zero|0))',
    near: RECORDED_SALES_PURPOSE,
    wide: true,
    negatable: false,
  },
  {
    id: 'UNSOLICITED_OFFER/offer',
    keys: [
      'warranty',
      'lower',
      'reduce',
      'reducing',
      'lowering',
      'interest',
      'rates',
      'rate',
      'debt',
      'loan',
      'forgiveness',
      'preapproved',
      'pre',
      'prequalified',
      'selected',
      'chosen',
      'won',
      'congratulations',
      'free',
      'complimentary',
      'cash',
      'grant',
      'sweepstakes',
      'lottery',
    ],
    flag: 'UNSOLICITED_OFFER',
    trigger:
      "(?:(?:extended|vehicle|car|auto|factory|home) warranty|(?:extend|extending|reinstate|reinstating|renew|renewing)(?: or (?:extend|extending|reinstate|reinstating|renew|renewing))? (?:your|the) (?:\\w+ )?warranty|warranty (?:has expired|is expiring|expires|is about to expire|coverage (?:has|is|will))|(?:lower|reduce|reducing|lowering) (?:your )?(?:interest|credit card|rate|apr|monthly payment|debt|bill)s?|interest rates?|debt (?:relief|consolidation|forgiveness|reduction)|(?:student )?loan forgiveness|(?:pre-?approved|pre-?qualified|you(?:'ve| have)? (?:been )?(?:selected|chosen|won)|congratulations(?:,? \\w+)?,? (?:you(?:'ve| have)? (?:won|been selected|been chosen|qualified)|you are (?:a|our|the) (?:lucky )?winner))|(?:free|complimentary) (?:cruise|vacation|gift|trip|medical alert|back brace|hotel|stay)|(?:cash|grant) (?:prize|award)|sweepstakes|lottery)",
    near: /./,
    notNear: /\b(?:your (?:rental|reservation|booking|flight|hotel) (?:includes|comes with))\b/,
    strength: 0.8,
  },
  {
    id: 'NUMBER_FROM_POPUP_OR_AD/popup',
    keys: [
      'pop',
      'popup',
      'popped',
      'number',
      'message',
      'warning',
      'alert',
      'screen',
      'browser',
      'computer',
      'found',
      'got',
      'google',
      'bing',
      'search',
      'invoice',
      'receipt',
      'order',
      'renewal',
      'email',
    ],
    flag: 'NUMBER_FROM_POPUP_OR_AD',
    from: 'any',
    trigger:
      '(?:pop[- ]?up|popped up|(?:number|message|warning|alert) (?:on|in) (?:the|my) (?:screen|browser|computer)|(?:screen|browser|computer) (?:froze|locked|was (?:frozen|locked|beeping)|said (?:to )?call|told me to call|started beeping)|(?:found|got) (?:your|the|this) number (?:on|through|via|in|from) (?:google|bing|a search|the internet|online|an ad|an advert|a website)|(?:google|bing|search) (?:result|ad|advert)|(?:invoice|receipt|order confirmation|renewal (?:notice|email)|email) (?:said|says|had|with|that said|from) (?:this|your|the|a) (?:number|phone)|number (?:on|in|from) (?:the|an|my|that|this) (?:invoice|email|receipt|renewal notice))',
    near: /\b(?:call|called|calling|rang|dial|dialed|dialled|phone|number|contact)\b/,
    reportable: false,
  },
  {
    id: 'ACCOUNT_PROBLEM_CLAIM/dispute',
    keys: ['stop', 'cancel', 'dispute', 'reverse', 'error', 'mistake'],
    flag: 'ACCOUNT_PROBLEM_CLAIM',
    // A recorded message that offers to stop a charge you never heard of: the charge is the bait.
    // "This/that order" points at the charge just announced; "your subscription" is ordinary service talk.
    // "To cancel your order ..., press 1" is the same bait when the way to cancel is a key press.
    trigger:
      "(?:if you (?:want|wish|would like|'d like|need) to (?:stop|cancel|dispute|reverse)(?: and cancel)? (?:this|that) (?:order|charge|payment|purchase|transaction|renewal|subscription)|if you (?:find|believe|think|feel) (?:this|that|it) (?:to be|is|was) (?:an? )?(?:error|mistake)|to (?:stop|cancel|dispute|reverse) (?:your|this|that|the) (?:order|charge|payment|purchase|transaction)(?:,? [\\w'-]+){0,12}?,? (?:please |just )?(?:press|dial) (?:one|two|nine|zero|\\d))",
    near: /./,
    negatable: false,
    strength: 0.8,
  },
  {
    id: 'SSN_OR_BENEFITS_THREAT/suspend',
    keys: [
      'suspend',
      'suspended',
      'suspending',
      'suspension',
      'cancel',
      'cancelled',
      'canceled',
      'cancelling',
      'canceling',
      'block',
      'blocked',
      'blocking',
      'freeze',
      'freezing',
      'froze',
      'frozen',
      'deactivate',
      'deactivated',
      'deactivating',
      'terminate',
      'terminated',
      'terminating',
      'revoke',
      'revoked',
      'stop',
      'stopped',
    ],
    flag: 'SSN_OR_BENEFITS_THREAT',
    trigger:
      '(?:(?:suspend(?:ed|ing)?|cancel(?:l?ed|l?ing)?|block(?:ed|ing)?|freez(?:e|ing)|froze|frozen|deactivat(?:e|ed|ing)|terminat(?:e|ed|ing)|revok(?:e|ed)|stop(?:ped)?) (?:(?:your|the) (?:social security(?: number| benefits?| card| account)?|ssn|social insurance number|national insurance number|medicare(?: number| card| benefits?)?)|your (?:government |federal |retirement |disability )?benefits?)|suspension (?:of|on) your (?:social security|ssn|medicare|(?:government |federal )?benefits?))',
    near: /./,
    // Robocalls open with "you have received this call because...", which reads as reported speech;
    // talk about what someone else said is vetoed here instead.
    reportable: false,
    notNear: REPORTED_TALK,
  },
  {
    id: 'SSN_OR_BENEFITS_THREAT/state',
    keys: ['social', 'ssn', 'benefits', 'benefit', 'medicare'],
    flag: 'SSN_OR_BENEFITS_THREAT',
    trigger:
      '(?:(?:social security(?: number)?|ssn|medicare (?:number|card)|benefits?) (?:has been|have been|was|were|is|are|will be|is going to be|are going to be|is being|are being|got|gets) (?:suspended|cancel(?:l)?ed|blocked|frozen|deactivated|terminated|revoked|stopped|seized))',
    near: /\byour\b/,
    reportable: false,
    notNear: REPORTED_TALK,
  },
  {
    id: 'SSN_OR_BENEFITS_THREAT/legal',
    keys: ['legal', 'enforcement', 'criminal', 'federal', 'police'],
    flag: 'SSN_OR_BENEFITS_THREAT',
    trigger:
      '(?:(?:legal|law enforcement|enforcement|criminal|federal|police) (?:\\w+ ){0,2}(?:action|case|complaint|proceedings?|investigation|warrant|lawsuit)s? (?:\\w+ ){0,3}(?:on|against|under|with|for) your (?:social security(?: number)?|ssn|social insurance number|national insurance number|name))',
    near: /./,
    reportable: false,
    notNear: REPORTED_TALK,
  },
  {
    id: 'ELIGIBILITY_CLAIM/qualify',
    keys: [
      'qualify',
      'qualifies',
      'qualified',
      'eligible',
      'preapproved',
      'approved',
      'pre',
      'prequalified',
      'preselected',
      'selected',
      'chosen',
      'able',
    ],
    flag: 'ELIGIBILITY_CLAIM',
    trigger:
      "(?:(?:(?:qualif(?:y|ies|ied)|eligible|pre-?approved|pre-?qualified|pre-?selected|been (?:selected|chosen)) (?:for|to (?:receive|get|obtain|take advantage of|enjoy))|(?:now )?able to take advantage of) (?:a |an |the |our |up to |all |these |this )?(?:[\\w$,.%'-]+ ){0,5}?(?:discounts?|off|programs?|forgiveness|discharge|cancellation|relief|elimination|reduction|grants?|upgrade|vacation|trip|cruise|stay|offer|promotion|rate|settlement|benefits?|coverage|options|plans?))",
    near: /\b(?:you|your)\b/,
    // The negation that matters is on the eligibility itself, not anywhere before it ("we haven't
    // been able to reach you because you are eligible for...").
    negatable: false,
    notNear:
      /(?:\bnot|n't|\bno longer|\bnever)\s+(?:be\s+|been\s+|yet\s+)?(?:eligible|qualif|pre-?approved|approved|selected|able)|\b(?:if|whether|once|when) (?:you|your \w+) (?:are|is|were|'re|qualify|qualif)|\bto see if|\bcheck (?:if|whether)/,
    strength: 0.9,
  },
  {
    id: 'ELIGIBILITY_CLAIM/application',
    keys: ['call', 'ring', 'phone', 'return', 'contact'],
    flag: 'ELIGIBILITY_CLAIM',
    // "Return my call to complete your application / finalize your enrollment" for a programme: an
    // application you never made, pending only until you call back. Needs programme or eligibility
    // talk nearby, so a lender's callback about a loan you did apply for is left alone.
    trigger:
      "(?:(?:call|ring|phone) (?:me|us)(?: back)?|return (?:my|our|this) (?:call|message)|give (?:me|us) a (?:call|ring)(?: back)?|contact (?:me|us))(?: [\\w'-]+){0,8}? (?:to|and|so (?:we|i) can) (?:complete|finali[sz]e|finish|process) your (?:application|enrol?lment|paperwork)",
    near: /\b(?:programs?|programmes?|eligib\w*|qualif\w*|forgiveness|relief|grants?|benefits?)\b/,
    wide: true,
    notNear:
      /\b(?:you (?:started|submitted|sent|began|filled (?:in|out))|your (?:recent )?application (?:for|with) (?:a|an|the|your) (?:mortgage|loan|card|account|lease|job|position))\b/,
    strength: 0.8,
  },
  {
    id: 'UNSOLICITED_OFFER/relief',
    keys: [
      'debt',
      'loan',
      'loans',
      'tax',
      'taxes',
      'forgiveness',
      'repayment',
      'relief',
      'hardship',
      'consolidation',
      'discharge',
      'cancellation',
      'elimination',
      'zero',
      'balance',
      'debts',
    ],
    flag: 'UNSOLICITED_OFFER',
    trigger:
      '(?:(?:debt|loan|tax) (?:elimination|cancellation|discharge|settlement|negotiations?|resolution|relief)|(?:student loan|loan|debt|tax)(?: \\w+){0,2} (?:forgiveness|repayment|relief|hardship|consolidation|discharge|cancellation) (?:programs?|options|plans?|files?)|hardship programs?|back tax(?:es)? (?:negotiations?|relief|settlement|resolution|help)|(?:settle|forgive|cancel|erase|wipe out|eliminate) (?:all |your |any )?(?:old |past[- ]due |outstanding )?(?:tax |student loan |loan |credit card |medical )?debts?|(?:permanent )?(?:zero|\\$0|0)[- ](?:dollar )?balance)',
    near: /./,
    strength: 0.9,
  },
  {
    id: 'UNSOLICITED_OFFER/discount',
    keys: ['discount', 'discounts', 'off', 'percent', 'apr', 'interest', 'credit', 'card', 'cards'],
    flag: 'UNSOLICITED_OFFER',
    trigger:
      '(?:(?:\\d+ ?%|\\d+ percent|(?:ten|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy) percent) (?:off|discounts?)(?: \\w+){0,3} (?:(?:to|for) all|on your (?:account|monthly bill|bill|service))|(?:apply|applied|give you) (?:the|a|this|these|our|your) (?:\\w+ )?discounts? (?:on|to) your (?:account|bill)|discounts? on your (?:monthly )?bill|(?:to |in order to )(?:obtain|claim|redeem|receive|get) (?:the|this|your) (?:\\w+ )?discounts?|(?:\\d+(?:\\.\\d+)? ?%|\\w+ percent|below \\d+)(?: apr| interest(?: rate)?)? on your credit cards?|(?:zero|0) ?(?:%|percent) (?:apr|interest))',
    near: /./,
  },
  {
    id: 'CALLBACK_ON_CALLER_ID/callback',
    keys: ['caller', 'callerid', 'id'],
    flag: 'CALLBACK_ON_CALLER_ID',
    trigger:
      '(?:(?:call|ring|dial|phone)(?: us| me)?(?: back)?(?: on| at)? the (?:phone )?number (?:(?:you see|that (?:shows|appears)|showing|displayed|shown) )?(?:on|in) your caller ?id|(?:number|it) (?:on|in) your caller ?id (?:to|and) (?:call|reach|contact))',
    near: /./,
  },
  // ─── Signals (steer other rules; no weight of their own) ───────────────────────────────────
  {
    id: 'SIG_PRIOR_REQUEST/ref',
    keys: [
      'returning',
      'calling',
      'ringing',
      'following',
      'called',
      'contacted',
      'reached',
      'opened',
      'requested',
      'submitted',
      'logged',
      'raised',
      'booked',
      'scheduled',
      'emailed',
      'chatted',
      'case',
      'ticket',
      'request',
      'incident',
      'claim',
      'repair',
      'callback',
      'promised',
      'agreed',
    ],
    flag: 'SIG_PRIOR_REQUEST',
    trigger:
      '(?:returning your call|(?:call|ring)ing you back|following up on (?:your|the) (?:case|ticket|request|call|chat|email)|you (?:called|contacted|reached out to|opened|requested|submitted|logged|raised|booked|scheduled|emailed|chatted with) (?:us|our|a|the|microsoft|apple|support)|your (?:case|ticket|support request|service request|request|incident|claim|repair)(?: number| id| reference)?|case (?:number|id|reference)|ticket (?:number|id|reference)|(?:the )?callback you (?:requested|booked|scheduled|asked for)|as (?:promised|agreed|scheduled)|scheduled (?:call|callback|appointment))',
    near: /./,
  },
  {
    id: 'SIG_PRIOR_REQUEST/callee',
    keys: [
      'opened',
      'logged',
      'raised',
      'submitted',
      'requested',
      'booked',
      'scheduled',
      'contacted',
      'called',
      'emailed',
      'messaged',
      'chatted',
      'case',
      'ticket',
      'thanks',
    ],
    flag: 'SIG_PRIOR_REQUEST',
    from: 'callee',
    trigger:
      '(?:i (?:opened|logged|raised|submitted|requested|booked|scheduled) (?:a |the |my )?(?:case|ticket|request|callback|call ?back|support request|appointment)|i (?:contacted|called|emailed|messaged|chatted with) (?:you|support|microsoft|apple|the bank) (?:earlier|yesterday|last|this morning|on|about)|my (?:case|ticket) (?:number )?is|thanks for calling (?:me )?back)',
    near: /./,
  },
  {
    id: 'SIG_CALLEE_INITIATED/reached',
    keys: ['thank', 'thanks', 'reached', 'called', 'help', 'assist'],
    flag: 'SIG_CALLEE_INITIATED',
    trigger:
      "(?:thank(?:s| you) for (?:calling|contacting|holding|your call)|you(?:'ve| have) (?:reached|called)|how (?:can|may) (?:i|we) (?:help|assist) you(?: today)?)",
    near: /./,
  },
  {
    id: 'SIG_CALLER_INITIATED/calling',
    keys: [
      'calling',
      'call',
      'message',
      'reason',
      'purpose',
      'important',
      'urgent',
      'final',
      'courtesy',
      'automated',
      'recorded',
      'trying',
    ],
    flag: 'SIG_CALLER_INITIATED',
    trigger:
      "(?:(?:i'?m|i am|we'?re|we are|this is|just) calling (?:you )?(?:from|about|regarding|because|on behalf|to (?:inform|let|notify|tell|warn|alert|remind|follow))|this (?:call|message) is (?:from|regarding|about|to (?:inform|notify|let))|(?:reason|purpose) (?:for|of) (?:my|this|our|the) call|this is (?:an? )?(?:important|urgent|final|courtesy|automated|recorded) (?:call|message|notice|reminder)|we(?:'ve| have) been trying to (?:reach|contact) you)",
    near: /./,
  },
  {
    id: 'SIG_TECH_INTRO/intro',
    keys: TECH_INTRO_KEYS,
    flag: 'SIG_TECH_INTRO',
    trigger: `(?:calling (?:you )?(?:from|on behalf of)|(?:i'?m|i am|we'?re|we are|this is|it'?s|my name is \\w+(?: \\w+)?)(?: \\w+){0,3} (?:from|with|at|of)|on behalf of|(?:here|this) (?:is|at)|this (?:call|message) is from)(?: the| your)?(?: \\w+)?${TECH_ORG.replace(/^\\b/, ' ')}`,
    near: /./,
  },
  {
    id: 'SIG_TECH_INTRO/here',
    keys: TECH_INTRO_KEYS,
    flag: 'SIG_TECH_INTRO',
    trigger: `(?:(?:hello|hi|good (?:morning|afternoon|evening))(?: there)?,? (?:this is |it'?s )?(?:the |your )?${TECH_ORG.replace(/^\\b/, '')}|${TECH_ORG.replace(/^\\b/, '')}(?: \\w+){0,2} (?:here|calling|speaking))`,
    near: /./,
  },
  {
    id: 'SIG_AGENCY_INTRO/intro',
    keys: [
      'social',
      'ssa',
      'irs',
      'internal',
      'treasury',
      'department',
      'homeland',
      'federal',
      'fbi',
      'dea',
      'ftc',
      'marshal',
      'marshals',
      'customs',
      'border',
      'immigration',
      'police',
      'sheriff',
      "sheriff's",
      'medicare',
      'hmrc',
      'tax',
      'revenue',
      'legal',
      'crimes',
      'crime',
    ],
    flag: 'SIG_AGENCY_INTRO',
    trigger: `(?:calling (?:you )?(?:from|on behalf of)|(?:i'?m|i am|we'?re|we are|this is|my name is \\w+(?: \\w+)?)(?: \\w+){0,4} (?:from|with|at|of)|on behalf of|this (?:call|message) is from)(?: the| your| a)?(?: \\w+)?${AGENCY.replace(/^\\b/, ' ')}`,
    near: /./,
  },
  {
    id: 'SIG_OFFICIAL_CALLBACK_ADVICE/advice',
    keys: ['number', 'back'],
    flag: 'SIG_OFFICIAL_CALLBACK_ADVICE',
    trigger:
      '(?:(?:hang up|call us back|call back|ring us back|call the bank|call us) (?:and |on |using |at )?(?:call |dial )?(?:the )?(?:number|phone number) (?:on|printed on|on the back of|from|listed on|shown on) (?:your|the|our) (?:card|statement|bill|letter|website|official (?:site|website)|app)|(?:number|phone number) on the back of (?:your|the) card|(?:look up|find) (?:the|our) (?:number|official number) (?:yourself|on (?:our|the) (?:website|site)))',
    near: /./,
    negatable: false,
  },
  {
    id: 'SIG_ACCESS_GIVEN/callee',
    keys: [
      'installed',
      'downloaded',
      'connected',
      'open',
      'opened',
      'id',
      'code',
      'password',
      'mouse',
      'cursor',
    ],
    flag: 'SIG_ACCESS_GIVEN',
    from: 'callee',
    trigger:
      "(?:(?:it'?s|it is|i'?ve|i have|i) (?:installed|downloaded|connected|open(?:ed)?)|(?:the )?(?:id|code|password) is|here(?:'s| is) the (?:id|code)|i (?:see|can see) (?:the )?(?:mouse|cursor) moving|you(?:'re| are) (?:in|connected))",
    near: /./,
    reportable: false,
  },
  {
    id: 'SIG_MONEY_GIVEN/callee',
    keys: [
      'bought',
      'paid',
      'sent',
      'transferred',
      'wired',
      'deposited',
      'gave',
      'card',
      'codes',
      'code',
      'numbers',
      'number',
    ],
    flag: 'SIG_MONEY_GIVEN',
    from: 'callee',
    trigger:
      '(?:i (?:bought|paid|sent|transferred|wired|deposited|gave (?:him|her|them|you))|(?:the )?(?:card|gift card) (?:number|code)s? (?:is|are)|here (?:are|is) the (?:codes?|numbers?)|my card number is)',
    near: /./,
    reportable: false,
  },
];

export const SIGNAL_IDS: readonly SignalId[] = [
  'SIG_PRIOR_REQUEST',
  'SIG_CALLER_INITIATED',
  'SIG_CALLEE_INITIATED',
  'SIG_TECH_INTRO',
  'SIG_AGENCY_INTRO',
  'SIG_OFFICIAL_CALLBACK_ADVICE',
  'SIG_ACCESS_GIVEN',
  'SIG_MONEY_GIVEN',
];

export function isSignal(flag: string): flag is SignalId {
  return flag.startsWith('SIG_');
}
