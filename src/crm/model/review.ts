import { REVIEW_KINDS, REVIEW_OUTCOMES } from '../../kam/reviews/outcome.ts';
import { defineCustomObject } from './custom-object.ts';
import { choiceProperty, datetimeProperty, textProperty } from './property.ts';

// The lists are the domain's (one source); re-exported for code that reads them from the model.
export { REVIEW_KINDS, REVIEW_OUTCOMES };
const REVIEW_KIND_LABELS = { calendar: 'Calendar review', triggered: 'Triggered review' };
const REVIEW_OUTCOME_LABELS = { plan_updated: 'Plan updated', celebrate: 'Achievements to celebrate', escalate: 'Threats to escalate', exploit: 'Opportunities to exploit' };

// A logged review of a key account. A note on the company timeline is written beside it as the audit
// trail; the record itself is what the review history and the next-due date are computed from.
export const REVIEW = defineCustomObject({
  name: 'keystone_review',
  labels: { singular: 'Key account review', plural: 'Key account reviews' },
  description: 'Keystone: a calendar or triggered review of a key account plan and its outcome.',
  primaryField: 'title',
  searchableFields: ['title', 'companyId'],
  associatedWith: ['companies', 'contacts'],
  properties: {
    title: textProperty('review_title', 'Review', 'e.g. "Quarterly review, Q3 2026".'),
    kind: choiceProperty('review_kind', 'Kind of review', 'A calendar review or one triggered by an event.', REVIEW_KINDS, REVIEW_KIND_LABELS),
    triggers: textProperty('triggers', 'Triggered by', 'The events that triggered the review, with their evidence (JSON).', true),
    reviewedAt: datetimeProperty('reviewed_at', 'Reviewed on', 'When the review took place.'),
    reviewedBy: textProperty('reviewed_by', 'Reviewed by (user ID)', 'The HubSpot user who logged the review.'),
    outcomes: choiceProperty('outcomes', 'Outcomes', 'Plan updated, achievements to celebrate, threats to escalate, opportunities to exploit.', REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, true),
    summary: textProperty('summary', 'Summary', 'What was decided and what happens next.', true),
    companyId: textProperty('company_id', 'Company ID', 'The record ID of the key account.'),
  },
});
