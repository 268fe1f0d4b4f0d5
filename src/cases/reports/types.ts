/** The shape every authority report shares: the form's fields in its order, ready to copy. Pure. */
import type { Source } from '../sources.js';

export const REPORT_IDS = ['ftc', 'ic3', 'microsoft', 'dnc', '7726', 'actionfraud', 'scamwatch'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export interface ReportField {
  /** The form's section ("Victim information"), when the form has sections. */
  section?: string;
  /** The question as the form asks it. */
  label: string;
  /** The answer to copy; "" when the case does not know it. */
  value: string;
}

export interface AuthorityReport {
  id: ReportId;
  title: string;
  /** Where to file it. */
  url: string;
  /** Other official pages that go with it (e.g. ReportCyber next to Scamwatch). */
  alsoAt: Source[];
  /** Whether this report fits the case (its country, its channels); the reason says why or why not. */
  applies: boolean;
  reason: string;
  fields: ReportField[];
  /** Practical notes for filing (what not to include, what to attach). */
  notes: string[];
  /** Plain text rendering of the fields, ready to copy. */
  text: string;
}
