/**
 * Organisation knowledge as reviewed data. Every entry carries where it came from and when a
 * person last checked it; nothing here is guessed.
 */
export type OrgId =
  | 'microsoft'
  | 'apple'
  | 'amazon'
  | 'google'
  | 'paypal'
  | 'norton'
  | 'mcafee'
  | 'geek-squad'
  | 'bank'
  | 'chase'
  | 'bank-of-america'
  | 'wells-fargo'
  | 'citi'
  | 'barclays'
  | 'hsbc'
  | 'irs'
  | 'ssa'
  | 'ftc'
  | 'hmrc';

export type OrgKind = 'tech' | 'retail' | 'payments' | 'security-software' | 'bank' | 'government';

export interface Citation {
  title: string;
  url: string;
  /** ISO date (YYYY-MM-DD) a person last checked the cited page. */
  reviewed: string;
}

/** Who the organisation is and how it really behaves (used by the engine). */
export interface OrgProfile {
  id: OrgId;
  /** As written mid-sentence: a brand ("Microsoft"), or for a generic profile a common noun ("your bank"). */
  name: string;
  /** Stands for whichever organisation of its kind the person deals with (their bank), not a brand. */
  generic?: boolean;
  kind: OrgKind;
  /** Lowercase names and phrases that mean this organisation ("ms", "windows support"). */
  aliases: string[];
  /** How it really contacts people, in plain words. */
  contactPolicy: string;
  /** Does it ever place unsolicited calls about device security or support? */
  makesUnsolicitedSupportCalls: boolean;
  /** Things it never asks for by phone. */
  neverAsksFor: string[];
  /**
   * Where a person can find its real contact details themselves. No url for a generic profile: the
   * person's own bank is on their card, not on a site CallGuard could name.
   */
  officialContact: { text: string; url?: string };
  /** Where to report impersonation of it, if it has a page. */
  reportUrl?: string;
  sources: Citation[];
}

export type PhoneChannel = 'support' | 'sales' | 'fraud' | 'general' | 'accessibility';

export interface OfficialNumber {
  /** E.164. */
  e164: string;
  country: string;
  channel: PhoneChannel;
  note?: string;
  source: Citation;
}

/** The organisation's official channels (used by the claim checks). */
export interface OrgChannels {
  id: OrgId;
  /** Registrable domains it owns; matched as *.domain. */
  rootDomains: string[];
  /** Hosts on its domains where anyone can publish content: official, but never proof. */
  userContentHosts: string[];
  emailSendingDomains: string[];
  officialNumbers: OfficialNumber[];
  socialAccounts: { network: string; handle: string; url: string }[];
  sources: Citation[];
}
