import { Alert, Button, DateInput, Input, LoadingSpinner, Select, TextArea } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../../src/app/cards/KeyAccountCard.tsx';
import { statusReasonSchema } from '../../../../src/contracts/tag-key-account.ts';
import {
  CONTACT_STANCE_TEXT,
  PLAN_TEXT,
  REVIEW_EVENT_TEXT,
  REVIEW_TEXT,
  STATUS_CHANGE_TEXT,
} from '../../../../src/contracts/typed-text-rules.ts';
import { COMPETITION_TEXT } from '../../../../src/kam/competition/limits.ts';
import type { TypedListRule, TypedTextRule } from '../../../../src/kam/shared/typed-text.ts';
import {
  callsTo,
  cardData,
  failed,
  ok,
  openEverySection,
  plan,
  renderer,
  serveChange,
  targetRow,
  withText,
} from '../../ui/test-utils.ts';

// Every field a manager types into on the Key account tab says the limits its function holds the text to,
// from the same rules the function's schema is built from, and says what breaks them beside the field while
// it is typed, before anything is sent. What the function itself refuses is put beside the field too.

afterEach(() => vi.restoreAllMocks());

const TASKS_SYNCED = { synced: true, message: null };
const NO_FIGURES = { Q1: null, Q2: null, Q3: null, Q4: null };
// A plan with a row on a named scale, so its steps' field shows.
const data = () =>
  cardData({
    plan: plan({
      quarterlyTargets: {
        ...plan().quarterlyTargets,
        rows: [
          ...plan().quarterlyTargets.rows,
          targetRow({
            metric: 'warmth',
            label: 'Warmth',
            unit: 'scale',
            scale: ['Cold', 'Warm'],
            derived: false,
            measure: 'level',
            targets: NO_FIGURES,
            actuals: NO_FIGURES,
          }),
        ],
      },
    }),
  });

async function openCard(actions: Record<string, object> = {}) {
  const spy = serveChange({ uid: 'card_data', before: data(), after: data() }, actions);
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  return { ...card, spy };
}
type Card = Awaited<ReturnType<typeof openCard>>;

const press = (card: Card, label: string) => card.find(Button, withText(label)).trigger('onClick');

interface FormField {
  /** Opens the field's form and fills in all else it needs to be sent. */
  open: (card: Card) => void;
  kind: 'Input' | 'TextArea';
  name: string;
  /** The button that sends the form. */
  send: string;
  description: string;
  /** Text the function would take, when not just a few words. */
  valid?: string;
}

const fieldOf = (card: Card, { kind, name }: Pick<FormField, 'kind' | 'name'>) =>
  kind === 'Input' ? card.find(Input, { name }) : card.find(TextArea, { name });
const type = (card: Card, field: Pick<FormField, 'kind' | 'name'>, text: string) =>
  fieldOf(card, field).trigger('onInput', text as never);
const markOf = (card: Card, field: FormField) => {
  const { error, validationMessage } = fieldOf(card, field).props;
  return { error, validationMessage };
};

const openPlan = (card: Card) => press(card, 'Edit the plan');
const openTopics = (card: Card) => card.findAll(Button, withText('Edit'))[0]!.trigger('onClick');
const openCompetition = (card: Card) => press(card, 'Edit competitors and our position');
const openEvent = (card: Card) => {
  press(card, 'Record an event…');
  card.find(Select, { name: 'eventKind' }).trigger('onChange', 'supply_chain_changed' as never);
  type(card, { kind: 'TextArea', name: 'eventNote' }, 'They will outsource purchasing');
};
const openReview = (card: Card) => {
  press(card, 'Log a review…');
  type(card, { kind: 'TextArea', name: 'summary' }, 'Renewal agreed');
};
const openReviewOutcome = (card: Card) => {
  openReview(card);
  press(card, 'Add an outcome');
  type(card, { kind: 'TextArea', name: 'action-0-text' }, 'Send the renewal letter');
  card.find(Select, { name: 'action-0-owner' }).trigger('onChange', '70' as never);
  // After the day the card was read (test-utils' NOW, 24 Nov 2026), so nothing asks about a day gone.
  card.find(DateInput, { name: 'action-0-due' }).trigger('onChange', { year: 2026, month: 11, date: 15 } as never);
};

/** One text a field takes, with the rule its function parses it by. */
const TEXT_FIELDS: Array<[string, FormField & { rule: TypedTextRule }]> = [
  [
    'the reason for a status change',
    {
      rule: STATUS_CHANGE_TEXT.reason,
      open: (card) => press(card, 'End key account status…'),
      kind: 'Input',
      name: 'reason',
      send: 'Set to former key account',
      description: 'Goes on the company timeline with your name: at least 3 characters, at most 500.',
    },
  ],
  [
    "the plan's business objective",
    {
      rule: PLAN_TEXT.businessObjective,
      open: openPlan,
      kind: 'TextArea',
      name: 'businessObjective',
      send: 'Save the plan',
      description: 'At most 2,000 characters',
    },
  ],
  [
    "an objective's title",
    {
      rule: PLAN_TEXT.objectiveTitle,
      open: openPlan,
      kind: 'Input',
      name: 'objective-0-title',
      send: 'Save the plan',
      description: 'At most 200 characters',
    },
  ],
  [
    'how an objective is measured',
    {
      rule: PLAN_TEXT.objectiveMeasure,
      open: openPlan,
      kind: 'Input',
      name: 'objective-0-measure',
      send: 'Save the plan',
      description: 'At most 1,000 characters',
    },
  ],
  [
    "a metric's name",
    {
      rule: PLAN_TEXT.metricLabel,
      open: openPlan,
      kind: 'Input',
      name: 'custom_new_services-label',
      send: 'Save the plan',
      description: 'At most 80 characters',
    },
  ],
  [
    'the name of a metric to add',
    {
      rule: PLAN_TEXT.metricLabel,
      open: openPlan,
      kind: 'Input',
      name: 'newMetric',
      send: 'Add metric',
      description: 'At most 80 characters',
    },
  ],
  [
    'what an event means for the plan',
    {
      rule: REVIEW_EVENT_TEXT.note,
      open: openEvent,
      kind: 'TextArea',
      name: 'eventNote',
      send: 'Record the event',
      description: 'At least 3 characters, at most 500',
    },
  ],
  [
    'what a review decided',
    {
      rule: REVIEW_TEXT.summary,
      open: openReview,
      kind: 'TextArea',
      name: 'summary',
      send: 'Log the review',
      description: 'At least 3 characters, at most 5,000',
    },
  ],
  [
    "what a review's outcome is to do",
    {
      rule: REVIEW_TEXT.actionText,
      open: openReviewOutcome,
      kind: 'TextArea',
      name: 'action-0-text',
      send: 'Log the review',
      description: 'At least 3 characters, at most 1,000',
    },
  ],
  [
    "a competitor's name",
    {
      rule: COMPETITION_TEXT.competitorName,
      open: openCompetition,
      kind: 'Input',
      name: 'competitor-0-name',
      send: 'Save',
      description: 'At most 100 characters',
    },
  ],
  [
    'what the client uses a competitor for',
    {
      rule: COMPETITION_TEXT.services,
      open: openCompetition,
      kind: 'Input',
      name: 'competitor-0-services',
      send: 'Save',
      description: 'At most 300 characters',
    },
  ],
];

/** Several items typed in one field, with the rule their function parses them by. */
const LIST_FIELDS: Array<
  [string, FormField & { rule: TypedListRule; separator: string; tooLong: string; tooMany: string }]
> = [
  [
    'the topics a contact decides on',
    {
      rule: CONTACT_STANCE_TEXT.decisionTopics,
      separator: '; ',
      tooLong: 'Topic 2: at most 80 characters (1 over)',
      tooMany: 'At most 20 topics',
      open: openTopics,
      kind: 'Input',
      name: 'topics',
      send: 'Save topics',
      description:
        'Topics separated by semicolons, e.g. budget; IT suppliers (at most 20 topics, each at most 80 characters)',
    },
  ],
  [
    'our strengths',
    {
      rule: COMPETITION_TEXT.points,
      separator: '\n',
      tooLong: 'Strength 2: at most 200 characters (1 over)',
      tooMany: 'At most 10 strengths',
      open: openCompetition,
      kind: 'TextArea',
      name: 'strengths',
      send: 'Save',
      description: 'One a line: at most 10 strengths, each at most 200 characters',
    },
  ],
  [
    'our weaknesses',
    {
      rule: COMPETITION_TEXT.points,
      separator: '\n',
      tooLong: 'Weakness 2: at most 200 characters (1 over)',
      tooMany: 'At most 10 weaknesses',
      open: openCompetition,
      kind: 'TextArea',
      name: 'weaknesses',
      send: 'Save',
      description: 'One a line: at most 10 weaknesses, each at most 200 characters',
    },
  ],
  [
    "a scale's steps",
    {
      rule: PLAN_TEXT.scaleSteps,
      separator: ', ',
      tooLong: 'Step 2: at most 40 characters (1 over)',
      tooMany: 'At most 10 steps',
      valid: 'Cold, Warm',
      open: openPlan,
      kind: 'Input',
      name: 'warmth-scale',
      send: 'Save the plan',
      description:
        "Separated by commas, e.g. Cold, Cool, Warm, Strong; a figure is a step's number or name (2 to 10 steps, each at most 40 characters)",
    },
  ],
];

/** The forms whose button stays enabled and says on a press what stops it, with the function a press calls. */
const SENT_ON_PRESS: Partial<Record<string, string>> = {
  'Save the plan': 'save_account_plan',
  'Log the review': 'log_review',
  'Record the event': 'record_review_event',
};

/** What the form would send now: its button enabled, or, where it stays enabled, a press that calls the function. */
function sendable(card: Card, field: FormField): boolean {
  const uid = SENT_ON_PRESS[field.send];
  if (uid === undefined) return !card.find(Button, withText(field.send)).props.disabled;
  const before = callsTo(card.spy, uid).length;
  press(card, field.send);
  return callsTo(card.spy, uid).length > before;
}

const ANSWERS = {
  tag_key_account: ok({ tasks: TASKS_SYNCED }),
  untag_key_account: ok({ tasks: TASKS_SYNCED }),
  save_account_plan: ok({ tasks: TASKS_SYNCED }),
  record_contact_stance: ok({}),
  record_review_event: ok({}),
  log_review: ok({ tasks: TASKS_SYNCED }),
  save_competition: ok({}),
};

describe('a text field on the Key account tab', () => {
  it.each([...TEXT_FIELDS, ...LIST_FIELDS])('says the limits of %s on the field', async (_, field) => {
    const card = await openCard();
    field.open(card);
    expect(fieldOf(card, field).props.description).toBe(field.description);
  });

  it.each(TEXT_FIELDS)('says beside %s that it is too long while it is typed, and sends nothing', async (_, field) => {
    const card = await openCard(ANSWERS);
    field.open(card);
    type(card, field, 'x'.repeat(field.rule.most + 1));
    expect(markOf(card, field)).toEqual({
      error: true,
      validationMessage: `At most ${field.rule.most.toLocaleString('en-GB')} characters (1 over)`,
    });
    expect(sendable(card, field)).toBe(false);

    type(card, field, 'x'.repeat(field.rule.most));
    expect(markOf(card, field)).toEqual({ error: undefined, validationMessage: undefined });
    expect(sendable(card, field)).toBe(true);
  });

  it.each(LIST_FIELDS)(
    'says beside %s which item is too long, or that there are too many, and sends nothing',
    async (_, field) => {
      const card = await openCard(ANSWERS);
      field.open(card);
      const items = (count: number) => Array.from({ length: count }, (_, i) => `Item ${i + 1}`);
      const { each, most } = field.rule;

      type(card, field, ['First', 'x'.repeat(each.most + 1)].join(field.separator));
      expect(markOf(card, field)).toEqual({ error: true, validationMessage: field.tooLong });
      expect(sendable(card, field)).toBe(false);

      type(card, field, items(most + 1).join(field.separator));
      expect(markOf(card, field)).toEqual({ error: true, validationMessage: field.tooMany });
      expect(sendable(card, field)).toBe(false);

      type(card, field, [...items(most - 1), 'x'.repeat(each.most)].join(field.separator));
      expect(markOf(card, field)).toEqual({ error: undefined, validationMessage: undefined });
      expect(sendable(card, field)).toBe(true);
    },
  );
});

describe('the reason for a status change, typed with a tab', () => {
  const reasonField = TEXT_FIELDS[0]![1];

  it('takes a tab pasted into the reason as the space untag_key_account reads it as', async () => {
    const card = await openCard(ANSWERS);
    reasonField.open(card);
    type(card, reasonField, 'Moved work\tin-house');
    expect(markOf(card, reasonField)).toEqual({ error: undefined, validationMessage: undefined });
    press(card, reasonField.send);
    await card.waitFor(() => expect(callsTo(card.spy, 'untag_key_account')).toHaveLength(1));
    const [sent] = callsTo(card.spy, 'untag_key_account') as Array<{ reason: string }>;
    expect(statusReasonSchema.parse(sent!.reason)).toBe('Moved work in-house');
  });

  it('holds a reason with tabs and line breaks to the lengths tag_key_account holds it to', async () => {
    const card = await openCard();
    reasonField.open(card);
    const most = STATUS_CHANGE_TEXT.reason.most;
    for (const reason of [
      'Bi\t',
      'B\ti',
      '\t\tBig\r\n',
      `${'x'.repeat(250)}\r\n${'x'.repeat(most - 251)}`,
      `${'x'.repeat(250)}\r\n${'x'.repeat(most - 250)}`,
    ]) {
      type(card, reasonField, reason);
      expect({ reason, sendable: sendable(card, reasonField) }).toEqual({
        reason,
        sendable: statusReasonSchema.safeParse(reason).success,
      });
    }
  });
});

/** A text field, the path its function names it by, and what fills it in validly. */
const REFUSED: Array<[string, { uid: string; path: string; field: FormField }]> = [
  ...TEXT_FIELDS.filter(([, f]) => f.send !== 'Add metric').map(
    ([what, field]): [string, { uid: string; path: string; field: FormField }] => [
      what,
      {
        field,
        uid: {
          reason: 'untag_key_account',
          businessObjective: 'save_account_plan',
          'objective-0-title': 'save_account_plan',
          'objective-0-measure': 'save_account_plan',
          'custom_new_services-label': 'save_account_plan',
          eventNote: 'record_review_event',
          summary: 'log_review',
          'action-0-text': 'log_review',
          'competitor-0-name': 'save_competition',
          'competitor-0-services': 'save_competition',
        }[field.name]!,
        path: {
          reason: 'reason',
          businessObjective: 'plan.businessObjective',
          'objective-0-title': 'plan.objectives.0.title',
          'objective-0-measure': 'plan.objectives.0.measure',
          'custom_new_services-label': 'plan.quarterlyTargets.rows.1.label',
          eventNote: 'note',
          summary: 'summary',
          'action-0-text': 'actions.0.text',
          'competitor-0-name': 'competition.competitors.0.name',
          'competitor-0-services': 'competition.competitors.0.services',
        }[field.name]!,
      },
    ],
  ),
  [
    "a scale's steps",
    { field: LIST_FIELDS[3]![1], uid: 'save_account_plan', path: 'plan.quarterlyTargets.rows.2.scale.1' },
  ],
  ['the topics', { field: LIST_FIELDS[0]![1], uid: 'record_contact_stance', path: 'decisionTopics.0' }],
  ['our strengths', { field: LIST_FIELDS[1]![1], uid: 'save_competition', path: 'competition.strengths.0' }],
  ['our weaknesses', { field: LIST_FIELDS[2]![1], uid: 'save_competition', path: 'competition.weaknesses.0' }],
];

describe('what a function refuses in typed text', () => {
  it.each(REFUSED)('is put beside %s, and the alert points to it', async (_, { uid, path, field }) => {
    const card = await openCard({
      [uid]: failed(
        'KAM.INVALID_PARAMETERS',
        'Keystone received something it cannot use. Check the highlighted fields and try again.',
        [{ path, message: 'cannot contain control characters' }],
      ),
    });
    field.open(card);
    type(card, field, field.valid ?? 'Fine words');
    press(card, field.send);
    await card.waitFor(() =>
      expect(markOf(card, field)).toEqual({ error: true, validationMessage: 'cannot contain control characters' }),
    );
    expect(card.findAll(Alert).map((alert) => alert.text ?? '')).toContainEqual(
      expect.stringContaining('Fix the highlighted fields'),
    );
  });
});
