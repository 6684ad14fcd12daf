import { REVIEW_KINDS, REVIEW_OUTCOMES } from '../../kam/reviews/outcome.ts';
import { REVIEW_KIND_LABELS, REVIEW_OUTCOME_LABELS } from '../../kam/reviews/labels.ts';
import { defineCustomObject } from './custom-object.ts';
import { choiceProperty, datetimeProperty, textProperty } from './property.ts';

// The lists are the domain's (one source); re-exported for code that reads them from the model.
export { REVIEW_KINDS, REVIEW_OUTCOMES };

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
    title: textProperty({ name: 'review_title', label: 'Review', description: 'e.g. "Quarterly review, Q3 2026".' }),
    kind: choiceProperty({
      name: 'review_kind',
      label: 'Kind of review',
      description: 'A calendar review or one triggered by an event.',
      values: REVIEW_KINDS,
      labels: REVIEW_KIND_LABELS,
    }),
    triggers: textProperty({
      name: 'triggers',
      label: 'Triggered by',
      description: 'The events that triggered the review, with their evidence (JSON).',
      long: true,
    }),
    reviewedAt: datetimeProperty({
      name: 'reviewed_at',
      label: 'Reviewed on',
      description: 'When the review took place.',
    }),
    reviewedBy: textProperty({
      name: 'reviewed_by',
      label: 'Reviewed by (user ID)',
      description: 'The HubSpot user who logged the review.',
    }),
    outcomes: choiceProperty({
      name: 'outcomes',
      label: 'Outcomes',
      description: 'Plan updated, achievements to celebrate, threats to escalate, opportunities to exploit.',
      values: REVIEW_OUTCOMES,
      labels: REVIEW_OUTCOME_LABELS,
      multiple: true,
    }),
    actions: textProperty({
      name: 'actions',
      label: 'Actions',
      description:
        'What the review produced, each with its outcome, words, owner, due date and the HubSpot task made for it (JSON).',
      long: true,
    }),
    summary: textProperty({
      name: 'summary',
      label: 'Summary',
      description: 'What was decided and what happens next.',
      long: true,
    }),
    companyId: textProperty({
      name: 'company_id',
      label: 'Company ID',
      description: 'The record ID of the key account.',
    }),
    // Unique, so a retry of the same logging (after HubSpot's answer was lost) cannot make a second review.
    actionId: {
      ...textProperty({
        name: 'action_id',
        label: 'Action ID',
        description: "The card's ID of the action that logged this review; unique.",
      }),
      hasUniqueValue: true,
    },
    noteId: textProperty({
      name: 'note_id',
      label: 'Audit note ID',
      description: 'The note on the company timeline that records this review.',
    }),
  },
});
