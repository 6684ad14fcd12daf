import { defineCustomObject } from './custom-object.ts';
import { datetimeProperty, numberProperty, textProperty } from './property.ts';

// One key account plan per company (`company_id` is unique, so two first saves cannot create two plans).
// Saving follows a commit-pointer pattern so a failed save never leaves half a plan:
//  1. read the plan and compare `revision` with the revision the editor started from (else: conflict);
//  2. claim the next revision by creating a plan revision record (its key is unique: a second
//     concurrent save gets 409 and reports a conflict instead of overwriting);
//  3. create the objective records tagged with the new revision;
//  4. update the plan last, setting `revision` — the commit. Readers only read objectives of the
//     plan's current revision, so rows of an unfinished save are invisible;
//  5. archive objectives of older revisions (best effort; the next save retries);
//  6. bring the HubSpot tasks (one per open objective, one for the next review) in line with the plan
//     (src/keystone/account/plan-tasks.ts). They follow the commit: a failure there leaves the plan
//     saved, and the next save repairs them from `task_id` / `review_task_id`.
// The quarterly target-vs-actual grid is JSON on the plan itself, so it changes atomically with step 4.
export const KEY_ACCOUNT_PLAN = defineCustomObject({
  name: 'keystone_plan',
  labels: { singular: 'Key account plan', plural: 'Key account plans' },
  description: "Keystone: a key account's 12-month plan, its KAM team and quarterly targets.",
  primaryField: 'title',
  searchableFields: ['title', 'companyId'],
  associatedWith: ['companies'],
  properties: {
    title: textProperty({
      name: 'plan_title',
      label: 'Plan',
      description: 'The plan\'s title, e.g. "Acme Ltd — key account plan".',
    }),
    companyId: {
      ...textProperty({
        name: 'company_id',
        label: 'Company ID',
        description: 'The record ID of the company this plan is for; one plan per company.',
      }),
      hasUniqueValue: true,
    },
    revision: numberProperty({
      name: 'revision',
      label: 'Revision',
      description: 'Increases by one on every save; objectives of other revisions are not part of the plan.',
    }),
    businessObjective: textProperty({
      name: 'business_objective',
      label: '12-month business objective',
      description: 'What the firm wants to achieve with this client over the next 12 months.',
      long: true,
    }),
    planStart: datetimeProperty({
      name: 'plan_start',
      label: 'Plan period starts',
      description: 'First day of the 12 months the plan covers.',
    }),
    relationshipPartner: textProperty({
      name: 'relationship_partner',
      label: 'Relationship partner (owner ID)',
      description: 'The HubSpot owner who is the relationship partner.',
    }),
    accountManager: textProperty({
      name: 'account_manager',
      label: 'Account manager (owner ID)',
      description: 'The HubSpot owner who manages the account day to day.',
    }),
    researcher: textProperty({
      name: 'researcher',
      label: 'Researcher (owner ID)',
      description: 'The HubSpot owner who researches the client.',
    }),
    quarterlyTargets: textProperty({
      name: 'quarterly_targets',
      label: 'Quarterly targets and actuals',
      description: 'The quarterly target-vs-actual grid (JSON, versioned).',
      long: true,
    }),
    savedBy: textProperty({
      name: 'saved_by',
      label: 'Last saved by (user ID)',
      description: 'The HubSpot user who saved the current revision.',
    }),
    savedAt: datetimeProperty({
      name: 'saved_at',
      label: 'Last saved at',
      description: 'When the current revision was saved.',
    }),
    actionId: textProperty({
      name: 'saved_by_action',
      label: 'Saved by action',
      description:
        "The card's action ID of the save that wrote the current revision: a retry of it finds its save done.",
    }),
    reviewTaskId: textProperty({
      name: 'review_task_id',
      label: 'Review-due task ID',
      description: "The open HubSpot task for the account's next calendar review.",
    }),
  },
});

// A claimed plan revision: the unique `revision_key` (`<planId>:<revision>`) is what makes two
// concurrent saves collide (src/crm/revision-claim.ts, which settings saves use too). A claim whose
// plan never reached its revision is a failed save; a later save may take it over once it expires.
export const PLAN_REVISION = defineCustomObject({
  name: 'keystone_plan_revision',
  labels: { singular: 'Key account plan revision', plural: 'Key account plan revisions' },
  description: 'Keystone: one record per saved revision of a key account plan, guarding against concurrent saves.',
  primaryField: 'revisionKey',
  searchableFields: ['revisionKey'],
  associatedWith: [],
  properties: {
    revisionKey: {
      ...textProperty({
        name: 'revision_key',
        label: 'Revision key',
        description: 'Plan ID and revision, e.g. "1234:7"; unique.',
      }),
      hasUniqueValue: true,
    },
    planId: textProperty({ name: 'plan_id', label: 'Plan ID', description: 'The record ID of the key account plan.' }),
    revision: numberProperty({
      name: 'revision',
      label: 'Revision',
      description: 'The plan revision this record claims.',
    }),
    savedBy: textProperty({
      name: 'saved_by',
      label: 'Saved by (user ID)',
      description: 'The HubSpot user who saved this revision.',
    }),
    savedAt: datetimeProperty({ name: 'saved_at', label: 'Saved at', description: 'When the save started.' }),
    actionId: textProperty({
      name: 'action_id',
      label: 'Action ID',
      description: "The card's ID of the save holding this claim: the same save's retry takes the claim over.",
    }),
  },
});

export function planRevisionKey(planId: string, revision: number): string {
  return `${planId}:${revision}`;
}
