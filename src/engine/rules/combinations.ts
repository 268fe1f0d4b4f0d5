/**
 * Meta rules (SpamAssassin "meta", Rspamd composites): flags whose conjunction is what matters.
 * `requires` is an AND of ORs: every inner list needs at least one of its flags raised.
 */
export interface Combination {
  id: string;
  requires: readonly (readonly string[])[];
}

export const COMBINATIONS: readonly Combination[] = [
  {
    id: 'COMBO_UNSOLICITED_REMOTE_ACCESS',
    requires: [['UNSOLICITED_TECH_SUPPORT_CALL', 'NUMBER_FROM_POPUP_OR_AD'], ['REMOTE_ACCESS_REQUEST']],
  },
  {
    id: 'COMBO_INFECTED_REMOTE_PAYMENT',
    requires: [
      ['CLAIMS_DEVICE_INFECTED', 'FAKE_ERROR_PROOF'],
      ['REMOTE_ACCESS_REQUEST'],
      ['PAYMENT_FOR_SUPPORT', 'UNUSUAL_PAYMENT_METHOD'],
    ],
  },
  {
    id: 'COMBO_UNSOLICITED_INFECTED',
    requires: [['UNSOLICITED_TECH_SUPPORT_CALL'], ['CLAIMS_DEVICE_INFECTED', 'FAKE_ERROR_PROOF']],
  },
  {
    id: 'COMBO_REFUND_ACCESS',
    requires: [
      ['REFUND_OVERPAYMENT'],
      ['REMOTE_ACCESS_REQUEST', 'FINANCIAL_INFO_REQUEST', 'CREDENTIAL_REQUEST'],
    ],
  },
  {
    id: 'COMBO_THREAT_AND_PAYMENT',
    requires: [
      ['URGENCY_OR_THREAT'],
      [
        'UNUSUAL_PAYMENT_METHOD',
        'MOVE_MONEY_TO_SAFE_ACCOUNT',
        'FINANCIAL_INFO_REQUEST',
        'PAYMENT_FOR_SUPPORT',
      ],
    ],
  },
  {
    id: 'COMBO_ROBOCALL_IMPERSONATION',
    requires: [
      ['PRESS_KEY_PROMPT'],
      [
        'ACCOUNT_PROBLEM_CLAIM',
        'URGENCY_OR_THREAT',
        'UNSOLICITED_OFFER',
        'UNSOLICITED_AGENCY_CALL',
        'UNSOLICITED_TECH_SUPPORT_CALL',
        'CLAIMS_DEVICE_INFECTED',
        'REFUND_OVERPAYMENT',
        'SSN_OR_BENEFITS_THREAT',
        'ELIGIBILITY_CLAIM',
        'CALLBACK_ON_CALLER_ID',
      ],
    ],
  },
  {
    id: 'COMBO_OFFER_UNDER_PRESSURE',
    requires: [
      ['UNSOLICITED_OFFER', 'ELIGIBILITY_CLAIM'],
      ['URGENCY_OR_THREAT', 'CALLBACK_ON_CALLER_ID'],
    ],
  },
  {
    id: 'COMBO_SAFE_ACCOUNT_SECRECY',
    requires: [['MOVE_MONEY_TO_SAFE_ACCOUNT'], ['SECRECY_REQUEST']],
  },
];
