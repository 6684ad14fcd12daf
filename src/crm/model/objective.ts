import { OBJECTIVE_STATUSES } from '../../kam/objectives/schema.ts';
import { defineCustomObject } from './custom-object.ts';
import { choiceProperty, datetimeProperty, numberProperty, textProperty } from './property.ts';

// The list is the domain's (one source); re-exported for code that reads it from the model.
export { OBJECTIVE_STATUSES };
const OBJECTIVE_STATUS_LABELS = { open: 'Open', achieved: 'Achieved', dropped: 'Dropped' };

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
    title: textProperty('objective_title', 'Objective', 'What is to be achieved, specific and measurable.'),
    objectiveKey: textProperty('objective_key', 'Objective key', 'Stable identity of the objective across plan revisions.'),
    measure: textProperty('measure', 'How we measure it', 'The measure and target that show the objective is met.', true),
    ownerId: textProperty('owner_id', 'Objective owner (owner ID)', 'The HubSpot owner responsible for the objective.'),
    dueDate: datetimeProperty('due_date', 'Due date', 'When the objective is to be met.'),
    status: choiceProperty('objective_status', 'Objective status', 'Open, achieved or dropped.', OBJECTIVE_STATUSES, OBJECTIVE_STATUS_LABELS),
    achievedAt: datetimeProperty('achieved_at', 'Achieved on', 'When the objective was marked achieved.'),
    displayOrder: numberProperty('display_order', 'Position in the plan', 'Order of the objective within its plan.'),
    companyId: textProperty('company_id', 'Company ID', 'The record ID of the key account.'),
    planId: textProperty('plan_id', 'Plan ID', 'The record ID of the key account plan.'),
    planRevision: numberProperty('plan_revision', 'Plan revision', 'The plan revision this row belongs to.'),
    taskId: textProperty('task_id', 'HubSpot task ID', "The HubSpot task that puts this objective in its owner's task queue; carried to the next revision's row."),
  },
});
