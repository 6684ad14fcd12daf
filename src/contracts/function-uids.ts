/**
 * The uids of the account functions (their `-hsmeta.json` uid and file name). Kept free of imports
 * so the cards, which do not bundle zod, can use the same list as the functions.
 */
export const ACCOUNT_FUNCTIONS = {
  cardData: 'card_data',
  tagKeyAccount: 'tag_key_account',
  untagKeyAccount: 'untag_key_account',
  saveAccountPlan: 'save_account_plan',
  recordContactStance: 'record_contact_stance',
  recordContactDeparture: 'record_contact_departure',
  logReview: 'log_review',
} as const;
