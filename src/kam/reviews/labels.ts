import type { REVIEW_KINDS, ReviewOutcome } from './outcome.ts';

// A review's kind and outcomes in the words people read, on Keystone's screens and as the options of
// HubSpot's properties that hold them. Type imports only, so the card folders, which do not install zod,
// can bundle it.

export const REVIEW_KIND_LABELS: Record<(typeof REVIEW_KINDS)[number], string> = {
  calendar: 'Calendar review',
  triggered: 'Triggered review',
};

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  plan_updated: 'Plan updated',
  celebrate: 'Achievements to celebrate',
  escalate: 'Threats to escalate',
  exploit: 'Opportunities to exploit',
};
