import { listOf, oneLine, severalLines } from '../kam/shared/typed-text.ts';

// What people type into the functions' forms, by function, with the rule each is parsed by. The schemas
// are built from these rules, and the cards import them to say the limits beside each field while it is
// typed: free of zod, so a card bundles no schema library.

/** tag_key_account and untag_key_account: one line, as the reason reads in the timeline note and the history. */
export const STATUS_CHANGE_TEXT = {
  reason: oneLine(500, 3, 'say in a few words why (at least 3 characters)'),
};

/** save_account_plan. */
export const PLAN_TEXT = {
  businessObjective: severalLines(2000),
  objectiveTitle: oneLine(200),
  objectiveMeasure: severalLines(1000),
  metricLabel: oneLine(80),
  /** A qualitative row's steps, first to best ("Cold", "Cool", "Warm", "Strong"). */
  scaleSteps: listOf(oneLine(40), 10, 2),
};

/** record_contact_stance: the topics the contact decides on, kept as HubSpot keeps a list, between semicolons. */
export const CONTACT_STANCE_TEXT = {
  decisionTopics: listOf(oneLine(80), 20),
};

/** log_review. */
export const REVIEW_TEXT = {
  summary: severalLines(5000, 3, 'say in a few words what was decided (at least 3 characters)'),
  actionText: severalLines(1000, 3, 'say what is to be done (at least 3 characters)'),
};

/** record_review_event. */
export const REVIEW_EVENT_TEXT = {
  note: severalLines(500, 3, 'say in a few words what happened (at least 3 characters)'),
};
