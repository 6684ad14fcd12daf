import { OBJECTIVE_STATUSES } from '../../kam/objectives/schema.ts';
import { OBJECTIVE_STATUS_LABELS } from '../../kam/objectives/labels.ts';
import { defineCustomObject } from './custom-object.ts';
import { choiceProperty, datetimeProperty, numberProperty, textProperty } from './property.ts';

// The list is the domain's (one source); re-exported for code that reads it from the model.
export { OBJECTIVE_STATUSES };

// A SMART objective of a key account plan. Rows are written per plan revision (see plan.ts);
// `objective_key` stays the same across revisions so an objective keeps its identity, and
// `achieved_at` is carried over, which is the evidence for the "objective achieved" review trigger.
export const OBJECTIVE = defineCustomObject({
  name: 'keystone_objective',
  labels: { singular: 'Key account objective', plural: 'Key account objectives' },
  description: 'Keystone: a SMART objective of a key account plan, with an owner and a due date.',
  primaryField: 'title',
  searchableFields: ['title', 'companyId'],
  associatedWith: ['companies'],
  properties: {
    title: textProperty({
      name: 'objective_title',
      label: 'Objective',
      description: 'What is to be achieved, specific and measurable.',
    }),
    objectiveKey: textProperty({
      name: 'objective_key',
      label: 'Objective key',
      description: 'Stable identity of the objective across plan revisions.',
    }),
    measure: textProperty({
      name: 'measure',
      label: 'How we measure it',
      description: 'The measure and target that show the objective is met.',
      long: true,
    }),
    ownerId: textProperty({
      name: 'owner_id',
      label: 'Objective owner (owner ID)',
      description: 'The HubSpot owner responsible for the objective.',
    }),
    dueDate: datetimeProperty({ name: 'due_date', label: 'Due date', description: 'When the objective is to be met.' }),
    status: choiceProperty({
      name: 'objective_status',
      label: 'Objective status',
      description: 'Open, achieved or dropped.',
      values: OBJECTIVE_STATUSES,
      labels: OBJECTIVE_STATUS_LABELS,
    }),
    achievedAt: datetimeProperty({
      name: 'achieved_at',
      label: 'Achieved on',
      description: 'When the objective was marked achieved.',
    }),
    displayOrder: numberProperty({
      name: 'display_order',
      label: 'Position in the plan',
      description: 'Order of the objective within its plan.',
    }),
    companyId: textProperty({
      name: 'company_id',
      label: 'Company ID',
      description: 'The record ID of the key account.',
    }),
    planId: textProperty({ name: 'plan_id', label: 'Plan ID', description: 'The record ID of the key account plan.' }),
    planRevision: numberProperty({
      name: 'plan_revision',
      label: 'Plan revision',
      description: 'The plan revision this row belongs to.',
    }),
    taskId: textProperty({
      name: 'task_id',
      label: 'HubSpot task ID',
      description:
        "The HubSpot task that puts this objective in its owner's task queue; carried to the next revision's row.",
    }),
  },
});
