import {
  Alert,
  Button,
  DateInput,
  Input,
  LoadingSpinner,
  Select,
  TableCell,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../src/app/cards/KeyAccountCard.tsx';
import type { CardData } from '../../../src/contracts/index.ts';
import {
  callsTo,
  cardData,
  emptyPlan,
  failed,
  NOW,
  ok,
  openEverySection,
  renderer,
  serveChange,
  withText,
} from '../ui/test-utils.ts';

// The plan editor as a manager meets it: a new plan from the template, rows of every unit, and figures
// typed as people type them, each refusal named and marked beside its field.

afterEach(() => vi.restoreAllMocks());

const TASKS_SYNCED = { synced: true, message: null };
type SentPlan = {
  plan: {
    quarterlyTargets: {
      fiscalYear: number;
      rows: Array<{ metric: string; unit: string; targets: Record<string, number | null> }>;
    };
    investment: { hours: Record<string, number | null>; money: Record<string, number | null> };
    objectives: Array<{ dueAt: number | null }>;
  };
};

async function openEditor(data: CardData, actions: Record<string, object> = {}) {
  const spy = serveChange({ uid: 'card_data', before: data, after: data }, actions);
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  card.find(Button, withText(data.plan.revision === 0 ? 'Start the plan' : 'Edit the plan')).trigger('onClick');
  const type = (name: string, text: string) => card.find(Input, { name }).trigger('onChange', text as never);
  const sent = () => callsTo(spy, 'save_account_plan') as SentPlan[];
  return { ...card, spy, type, sent };
}

const newPlan = () =>
  cardData({ plan: { ...emptyPlan(), quarterlyTargets: { ...emptyPlan().quarterlyTargets, rows: [] } } });

describe('a new plan in the editor', () => {
  it("starts from the account-plan template's six rows, each filled from HubSpot, income in pounds", async () => {
    const { findAll, find, type, waitFor, sent } = await openEditor(newPlan(), {
      save_account_plan: ok({ tasks: TASKS_SYNCED }),
    });
    const rowNames = findAll(Input)
      .filter((i) => String(i.props.name).endsWith('-label'))
      .map((i) => i.props.value);
    expect(rowNames).toEqual([
      'Friends and allies',
      'Enemies and protesters',
      'Meetings per quarter',
      'New services used',
      'New opportunities secured',
      'Increase in income over last year',
    ]);
    ['£15k', '£22k', '£25k', '£28k'].forEach((text, i) => type(`income_increase-Q${i + 1}-target`, text));
    ['-1', '-3', '-6', '-8'].forEach((text, i) => type(`enemies_and_protesters-Q${i + 1}-target`, text));
    find(TextArea, { name: 'businessObjective' }).trigger('onChange', 'Their first call for advice' as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(sent()).toHaveLength(1));
    const rows = sent()[0]!.plan.quarterlyTargets.rows;
    expect(rows.find((r) => r.metric === 'income_increase')).toMatchObject({
      unit: 'currency',
      targets: { Q1: 15_000, Q2: 22_000, Q3: 25_000, Q4: 28_000 },
    });
    expect(rows.find((r) => r.metric === 'enemies_and_protesters')?.targets).toEqual({
      Q1: -1,
      Q2: -3,
      Q3: -6,
      Q4: -8,
    });
  });

  it('can start empty, add a qualitative row from the catalogue, reorder and remove rows, and pick the fiscal year', async () => {
    const { find, findAll, waitFor, sent } = await openEditor(newPlan(), {
      save_account_plan: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Start with no metrics instead')).trigger('onClick');
    find(Select, { name: 'catalogueMetric' }).trigger('onChange', 'relationship_health' as never);
    find(Button, withText('Add metric')).trigger('onClick');
    find(Select, { name: 'catalogueMetric' }).trigger('onChange', 'meetings' as never);
    find(Button, withText('Add metric')).trigger('onClick');
    find(Input, { name: 'relationship_health-Q1-target' }).trigger('onChange', 'Warm' as never);
    findAll(Button, withText('Move up'))[1]!.trigger('onClick');
    find(Select, { name: 'fiscalYear' }).trigger('onChange', (emptyPlan().quarterlyTargets.fiscalYear + 1) as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(sent()).toHaveLength(1));
    const targets = sent()[0]!.plan.quarterlyTargets;
    expect(targets.fiscalYear).toBe(emptyPlan().quarterlyTargets.fiscalYear + 1);
    expect(targets.rows.map((r) => r.metric)).toEqual(['meetings', 'relationship_health']);
    expect(targets.rows[1]).toMatchObject({
      unit: 'scale',
      scale: ['Cold', 'Cool', 'Warm', 'Strong'],
      targets: { Q1: 3 },
    });
  });
});

describe('figures as people type them', () => {
  it("refuses 2.5 meetings, 'abc' and £15k in a count, naming and marking each field, and sends nothing", async () => {
    const { find, findAll, type, sent } = await openEditor(cardData());
    type('meetings-Q1-target', '2.5');
    type('meetings-Q2-target', 'abc');
    type('custom_new_services-Q1-actual', '£15k');
    find(Button, withText('Save the plan')).trigger('onClick');
    expect(find(Input, { name: 'meetings-Q1-target' }).props).toMatchObject({
      error: true,
      validationMessage: 'a count is a whole number: 2.5 is not (type 2 or 3)',
    });
    expect(find(Input, { name: 'meetings-Q2-target' }).props.validationMessage).toBe('"abc" is not a number');
    expect(find(Input, { name: 'meetings-Q2-target' }).props.value).toBe('abc');
    expect(find(Input, { name: 'meetings-Q3-target' }).props.error).toBeUndefined();
    expect(findAll(Text).map((t) => t.text)).toContain(
      'Meetings per quarter, Q1 target: a count is a whole number: 2.5 is not (type 2 or 3)',
    );
    expect(sent()).toHaveLength(0);
  });

  it('names fields the function refused in words, not schema paths', async () => {
    const { find, findAll, waitFor } = await openEditor(cardData(), {
      save_account_plan: failed('KAM.INVALID_PARAMETERS', 'Keystone received something it cannot use.', [
        { path: 'plan.quarterlyTargets.rows.0.targets.Q1', message: 'a count is a whole number (not 2.5)' },
        { path: 'plan.businessObjective', message: 'must be at most 2,000 characters' },
      ]),
    });
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(find(Alert, { title: 'The plan was not saved' })).toBeDefined());
    const lines = findAll(Text).map((t) => t.text);
    expect(lines).toContain('Meetings per quarter, Q1 target: a count is a whole number (not 2.5)');
    expect(lines).toContain('12-month business objective: must be at most 2,000 characters');
    expect(find(Input, { name: 'meetings-Q1-target' }).props.error).toBe(true);
  });

  it('refuses −4 meetings a quarter and 100,000,000 hours in a quarter beside their fields, and sends nothing', async () => {
    const { find, findAll, type, sent } = await openEditor(cardData());
    type('meetings-Q1-target', '-4');
    type('investment-hours-Q1', '100000000');
    type('investment-hours-Q2', '12.5');
    find(Button, withText('Save the plan')).trigger('onClick');
    expect(find(Input, { name: 'meetings-Q1-target' }).props).toMatchObject({
      error: true,
      validationMessage: 'a count cannot be negative (-4): only a change since the plan year began can be',
    });
    expect(find(Input, { name: 'investment-hours-Q1' }).props).toMatchObject({
      error: true,
      validationMessage: 'a quarter holds at most 2,208 hours (92 days of 24 hours), not 100,000,000',
    });
    expect(find(Input, { name: 'investment-hours-Q2' }).props.error).toBeUndefined();
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        'Meetings per quarter, Q1 target: a count cannot be negative (-4): only a change since the plan year began can be',
        'Q1 hours spent: a quarter holds at most 2,208 hours (92 days of 24 hours), not 100,000,000',
      ]),
    );
    expect(sent()).toHaveLength(0);
  });

  it('records what the programme spends each quarter, in hours and pounds', async () => {
    const { find, type, waitFor, sent } = await openEditor(cardData(), {
      save_account_plan: ok({ tasks: TASKS_SYNCED }),
    });
    type('investment-hours-Q1', '40');
    type('investment-money-Q1', '£2.5k');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]!.plan.investment).toEqual({
      hours: { Q1: 40, Q2: null, Q3: null, Q4: null },
      money: { Q1: 2_500, Q2: null, Q3: null, Q4: null },
    });
  });

  it("warns that another fiscal year takes the grid's figures with it, and only when there are figures", async () => {
    const { find, maybeFind } = await openEditor(cardData());
    const year = cardData().plan.quarterlyTargets.fiscalYear;
    const warning = () => maybeFind(Alert, { title: `The grid moves to fiscal year ${year + 1}` });
    find(Select, { name: 'fiscalYear' }).trigger('onChange', (year + 1) as never);
    // The plan's own grid has figures: moving them is said before saving.
    expect(warning()?.text).toContain(`${year}'s are not kept`);
    find(Select, { name: 'fiscalYear' }).trigger('onChange', year as never);
    expect(warning()).toBeNull();
  });

  it('says nothing of moving a grid that holds no figure yet', async () => {
    const { find, maybeFind } = await openEditor(newPlan());
    find(Button, withText('Start with no metrics instead')).trigger('onClick');
    const year = emptyPlan().quarterlyTargets.fiscalYear;
    find(Select, { name: 'fiscalYear' }).trigger('onChange', (year + 1) as never);
    expect(maybeFind(Alert, { title: `The grid moves to fiscal year ${year + 1}` })).toBeNull();
  });

  it('asks before saving an objective due on a day already gone, and saves once confirmed', async () => {
    const { find, waitFor, sent } = await openEditor(cardData(), { save_account_plan: ok({ tasks: TASKS_SYNCED }) });
    find(DateInput, { name: 'objective-0-due' }).trigger('onChange', { year: 1999, month: 0, date: 1 } as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    expect(find(Alert, { title: 'Due in the past?' }).text).toContain(
      'Objective 1 is due on 1 Jan 1999, which has passed.',
    );
    expect(sent()).toHaveLength(0);
    find(Button, withText('Save with this date')).trigger('onClick');
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]!.plan.objectives[0]!.dueAt).toBeLessThan(NOW);
  });
});

describe('who owns each objective and when it is due', () => {
  it('offers no "Nobody" as the owner of an objective and marks owner and due date required, as a team role is not', async () => {
    const { find } = await openEditor(cardData());
    expect(find(Select, { name: 'objective-0-owner' }).props).toMatchObject({
      required: true,
      options: [
        { value: '70', label: 'Maria Lopez' },
        { value: '71', label: 'Sam Patel' },
      ],
    });
    expect(find(DateInput, { name: 'objective-0-due' }).props.required).toBe(true);
    expect(find(Select, { name: 'accountManager' }).props.options).toContainEqual({ value: '', label: 'Nobody' });
  });

  it('says beside a new objective that it needs an owner and a due date, and sends nothing until it has them', async () => {
    const { find, findAll, waitFor, sent } = await openEditor(cardData(), {
      save_account_plan: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Add an objective')).trigger('onClick');
    find(Input, { name: 'objective-1-title' }).trigger('onInput', 'Join their supplier panel' as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    expect(find(Select, { name: 'objective-1-owner' }).props).toMatchObject({
      error: true,
      validationMessage: 'pick who owns this objective',
    });
    expect(find(DateInput, { name: 'objective-1-due' }).props).toMatchObject({
      error: true,
      validationMessage: 'pick when this objective is due',
    });
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        'Objective 2, owner: pick who owns this objective',
        'Objective 2, due date: pick when this objective is due',
      ]),
    );
    expect(sent()).toHaveLength(0);

    find(Select, { name: 'objective-1-owner' }).trigger('onChange', '71' as never);
    find(DateInput, { name: 'objective-1-due' }).trigger('onChange', { year: 2099, month: 0, date: 1 } as never);
    expect(find(Select, { name: 'objective-1-owner' }).props.error).toBeUndefined();
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]!.plan.objectives[1]).toMatchObject({ ownerId: '71' });
  });
});

describe('investment against benefit on the card', () => {
  it("sets each quarter's spend against the income gained, and the year so far per £100 spent, hours alike in both", async () => {
    const data = cardData();
    const withSpend = cardData({
      plan: {
        ...data.plan,
        investment: {
          hours: { Q1: 12.5, Q2: 12.5, Q3: 12.5, Q4: 12.5 },
          money: { Q1: 2_000, Q2: 3_000, Q3: null, Q4: null },
          incomeGained: { Q1: 15_000, Q2: 12_000, Q3: 0, Q4: null },
          year: { hours: 50, money: 5_000, incomeGained: 27_000, incomePerMoneySpent: 5.4 },
        },
      },
    });
    serveChange({ uid: 'card_data', before: withSpend, after: withSpend }, {});
    const shown = renderer('crm.record.tab');
    shown.render(<KeyAccountCard />);
    await shown.waitFor(() => expect(shown.maybeFind(LoadingSpinner)).toBeNull());
    await openEverySection(shown);
    // Half hours are shown as typed, not rounded up to 13 in each quarter while the year says 50.
    expect(shown.findAll(TableCell).map((c) => c.text)).toEqual(
      expect.arrayContaining(['£2,000 and 12.5 h for £15,000 gained', '£0 and 12.5 h']),
    );
    expect(shown.findByTestId(Text, 'investment-year').text).toBe(
      'This plan year so far: £5,000 and 50 h spent; £27,000 gained, £540 gained for each £100 spent.',
    );
  });
});

describe('problems once they are fixed', () => {
  const emptyTitle = failed(
    'KAM.INVALID_PARAMETERS',
    'Keystone received something it cannot use. Check the highlighted fields and try again.',
    [{ path: 'plan.objectives.0.title', message: 'cannot be empty' }],
  );
  const titled = (parameters: Record<string, unknown>) =>
    (parameters as SentPlan & { plan: { objectives: Array<{ title: string }> } }).plan.objectives[0]!.title === ''
      ? emptyTitle
      : ok({ tasks: TASKS_SYNCED });

  it("drops the function's refusal of a field once it is corrected, and a new save does not stack it on the question", async () => {
    const { find, findAll, maybeFind, waitFor, sent } = await openEditor(cardData(), { save_account_plan: titled });
    const title = () => find(Input, { name: 'objective-0-title' });
    title().trigger('onInput', '' as never);
    find(DateInput, { name: 'objective-0-due' }).trigger('onChange', { year: 2020, month: 0, date: 1 } as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    find(Button, withText('Save with this date')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert, { title: 'The plan was not saved' })).not.toBeNull());
    expect(title().props).toMatchObject({ error: true, validationMessage: 'cannot be empty' });
    expect(find(Alert, { title: 'The plan was not saved' }).text).toContain(
      'Keystone received something it cannot use. Fix the highlighted fields and try again.',
    );
    expect(findAll(Text).map((t) => t.text)).toContain('Objective 1: cannot be empty');

    title().trigger('onInput', 'Win the audit tender' as never);
    expect(title().props.error).toBeUndefined();
    expect(maybeFind(Alert, { title: 'The plan was not saved' })).toBeNull();

    find(Button, withText('Save the plan')).trigger('onClick');
    expect(find(Alert, { title: 'Due in the past?' }).text).toContain(
      'Objective 1 is due on 1 Jan 2020, which has passed.',
    );
    expect(maybeFind(Alert, { title: 'The plan was not saved' })).toBeNull();
    find(Button, withText('Save with this date')).trigger('onClick');
    await waitFor(() => expect(sent()).toHaveLength(2));
  });

  it('drops what the editor found in a figure once it is retyped', async () => {
    const { find, maybeFind, type } = await openEditor(cardData());
    type('meetings-Q1-target', '2.5');
    find(Button, withText('Save the plan')).trigger('onClick');
    expect(find(Input, { name: 'meetings-Q1-target' }).props.error).toBe(true);
    type('meetings-Q1-target', '2');
    expect(find(Input, { name: 'meetings-Q1-target' }).props.error).toBeUndefined();
    expect(maybeFind(Alert, { title: 'The plan was not saved' })).toBeNull();
  });

  it('names a refused field the editor has no field for in words, without pointing to highlighted fields', async () => {
    const { find, findAll, waitFor } = await openEditor(cardData(), {
      save_account_plan: failed(
        'KAM.INVALID_PARAMETERS',
        'Keystone received something it cannot use. Check the highlighted fields and try again.',
        [{ path: 'plan.objectives.0.objectiveKey', message: 'must be a key from card_data' }],
      ),
    });
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(find(Alert, { title: 'The plan was not saved' })).toBeDefined());
    const alert = find(Alert, { title: 'The plan was not saved' }).text ?? '';
    expect(alert).toContain('Keystone received something it cannot use:');
    expect(alert).not.toContain('highlighted');
    expect(alert).not.toContain('plan.objectives');
    expect(findAll(Text).map((t) => t.text)).toContain('Objective 1, key: must be a key from card_data');
  });
});
