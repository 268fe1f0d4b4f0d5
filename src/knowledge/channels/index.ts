import type { OrgChannels, OrgId } from '../types.js';
import {
  BANK_CHANNELS,
  BANK_OF_AMERICA_CHANNELS,
  BARCLAYS_CHANNELS,
  CHASE_CHANNELS,
  CITI_CHANNELS,
  HSBC_CHANNELS,
  WELLS_FARGO_CHANNELS,
} from './banks.js';
import { FTC_CHANNELS, HMRC_CHANNELS, IRS_CHANNELS, SSA_CHANNELS } from './government.js';
import { MICROSOFT_CHANNELS } from './microsoft.js';
import {
  GEEK_SQUAD_CHANNELS,
  MCAFEE_CHANNELS,
  NORTON_CHANNELS,
  PAYPAL_CHANNELS,
} from './payments-security.js';
import { AMAZON_CHANNELS, APPLE_CHANNELS, GOOGLE_CHANNELS } from './tech.js';

/** Every organisation's official channels, keyed by id (one entry per OrgId; the type enforces it). */
export const CHANNELS: Readonly<Record<OrgId, OrgChannels>> = {
  microsoft: MICROSOFT_CHANNELS,
  apple: APPLE_CHANNELS,
  amazon: AMAZON_CHANNELS,
  google: GOOGLE_CHANNELS,
  paypal: PAYPAL_CHANNELS,
  norton: NORTON_CHANNELS,
  mcafee: MCAFEE_CHANNELS,
  'geek-squad': GEEK_SQUAD_CHANNELS,
  bank: BANK_CHANNELS,
  chase: CHASE_CHANNELS,
  'bank-of-america': BANK_OF_AMERICA_CHANNELS,
  'wells-fargo': WELLS_FARGO_CHANNELS,
  citi: CITI_CHANNELS,
  barclays: BARCLAYS_CHANNELS,
  hsbc: HSBC_CHANNELS,
  irs: IRS_CHANNELS,
  ssa: SSA_CHANNELS,
  ftc: FTC_CHANNELS,
  hmrc: HMRC_CHANNELS,
};

/**
 * The official channels of an organisation.
 *
 * @example getChannels('microsoft').officialNumbers[0]?.e164 // '+18006427676'
 */
export function getChannels(id: OrgId): OrgChannels {
  return CHANNELS[id];
}
