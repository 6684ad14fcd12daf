import {
  Alert,
  BarChart,
  Button,
  DateInput,
  EmptyState,
  ErrorState,
  hubspot,
  Input,
  LoadingSpinner,
  Select,
  StatusTag,
  TableCell,
  Tabs,
  Tag,
  Text,
  TextArea,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../src/app/cards/KeyAccountCard.tsx';
import { CARD_SECTIONS } from '../../../src/contracts/card-sections.ts';
import type { CardData } from '../../../src/contracts/index.ts';
import {
  callsTo,
  cardData,
  COMPANY_ID,
  DAY,
  NOW,
  person,
  contact,
  deferred,
  emptyPlan,
  failed,
  keyAccount,
  notKeyYet,
  ok,
  openEverySection,
  sectionLoads,
  sectionOf,
  relationships,
  reviews,
  serveChange,
  serveFunctions,
  trigger,
  renderer,
  USER_ID,
  viewerPermissions,
  withText,
} from '../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

const caller = { userId: USER_ID, companyId: COMPANY_ID };
const MOCK_PORTAL_ID = 123; // the renderer's mock portal
const TASKS_SYNCED = { synced: true, message: null };

/** Renders the tab card with card_data answering `first`, then `after` once anything changed. */
async function renderCard(first: CardData, actions: Record<string, object> = {}, after: CardData = first) {
  const spy = serveChange({ uid: 'card_data', before: first, after }, actions);
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  return { ...card, spy };
}

describe('the key account tab while loading and on failure', () => {
  it('shows a spinner until the Status section answers, and asks for this company as this user', async () => {
    const answer = deferred<unknown>();
    const spy = vi.spyOn(hubspot, 'serverless').mockReturnValue(answer.promise);
    const { render, find, findAll, waitFor } = renderer('crm.record.tab');
    render(<KeyAccountCard />);
    expect(find(LoadingSpinner).props.label).toBe('Loading the key account…');
    answer.resolve(sectionOf(ok(cardData()), 'status'));
    await waitFor(() => expect(findAll(StatusTag).map((t) => t.text)).toContain('Key account'));
    expect(spy.mock.calls).toEqual([
      ['card_section', { parameters: { ...caller, portalId: MOCK_PORTAL_ID, section: 'status' } }],
    ]);
  });

  it('reads each other section only when it is opened, and after an action only what the action changed', async () => {
    const spy = serveChange({ uid: 'card_data', before: cardData(), after: cardData() }, { tag_key_account: ok({}) });
    const card = renderer('crm.record.tab');
    card.render(<KeyAccountCard />);
    await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
    expect(callsTo(spy, 'card_section')).toHaveLength(1);

    card.find(Tabs).trigger('onSelectedChange', 'relationships' as never);
    await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
    card.find(Tabs).trigger('onSelectedChange', 'status' as never);
    card.find(Tabs).trigger('onSelectedChange', 'relationships' as never);
    expect([sectionLoads(spy, 'status'), sectionLoads(spy, 'relationships'), sectionLoads(spy, 'plan')]).toEqual([
      1, 1, 0,
    ]);
  });

  it('reloads only the Status section after a status change, not the sections opened beside it', async () => {
    const { find, waitFor, spy } = await renderCard(cardData({ keyAccount: notKeyYet() }), {
      tag_key_account: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Tag as key account…')).trigger('onClick');
    find(TextArea, { name: 'reason' }).trigger('onInput', 'Biggest growth potential' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(sectionLoads(spy, 'status')).toBe(2));
    expect(CARD_SECTIONS.map((section) => sectionLoads(spy, section))).toEqual([2, 1, 1, 1]);
  });

  it("shows the function's message and loads again on retry", async () => {
    const spy = serveFunctions({
      card_data: vi
        .fn()
        .mockReturnValueOnce(failed('KAM.SETUP_REQUIRED', 'Keystone is not set up in this portal yet.'))
        .mockReturnValue(ok(cardData())),
    });
    const { render, find, findAll, waitFor } = renderer('crm.record.tab');
    render(<KeyAccountCard />);
    await waitFor(() => expect(find(ErrorState).find(Text).text).toBe('Keystone is not set up in this portal yet.'));
    find(Button, withText('Try again')).trigger('onClick');
    await waitFor(() => expect(findAll(StatusTag).map((t) => t.text)).toContain('Key account'));
    expect(sectionLoads(spy, 'status')).toBe(2);
  });
});

describe('the Status section', () => {
  it('shows the status, the score, each criterion in its own unit and who tagged it, when and why', async () => {
    const { findAll, findByTestId } = await renderCard(cardData());
    const texts = findAll(Text).map((t) => t.text);
    expect(texts).toContain('Score 78 of 100');
    expect(findByTestId(Text, 'status-change').text).toBe(
      'Key account since 25 Oct 2026, set by Maria Lopez: “Largest client in the region”',
    );
    const cellTexts = findAll(TableCell).map((c) => c.text);
    expect(cellTexts).toEqual(
      expect.arrayContaining(['Historic purchases', '£180,000', '25%', '18', 'Prestige', '8 of 10']),
    );
  });

  it('tells a company that is not a key account what would qualify it and what data is missing', async () => {
    const { findByTestId, findAll } = await renderCard(cardData({ keyAccount: notKeyYet() }));
    expect(findByTestId(Text, 'qualify-hint').text).toBe(
      'It would qualify as a candidate from a score of 50 and as a key account from 70; it scores 42 now.',
    );
    expect(findAll(Text).map((t) => t.text)).toContain(
      'To score it fully, fill in: Potential annual revenue on the company.',
    );
  });

  it('lets a manager tag the company with a reason, calling tag_key_account and showing the new status after', async () => {
    const tagged = cardData({ keyAccount: keyAccount({ reason: 'Biggest growth potential' }) });
    const { find, findAll, findByTestId, waitFor, spy } = await renderCard(
      cardData({ keyAccount: notKeyYet() }),
      { tag_key_account: ok({ tasks: TASKS_SYNCED }) },
      tagged,
    );
    find(Button, withText('Tag as key account…')).trigger('onClick');
    // Typed, never blurred: the click sends what the box shows.
    find(TextArea, { name: 'reason' }).trigger('onInput', 'Biggest growth potential' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'status-change').text).toContain('Biggest growth potential'));
    expect(callsTo(spy, 'tag_key_account')).toEqual([
      { ...caller, status: 'key', expectedStatus: 'none', reason: 'Biggest growth potential', portalId: 123 },
    ]);
    expect(findAll(StatusTag).map((t) => t.text)).toContain('Key account');
  });

  it('tells HubSpot the record changed after an action, so the sidebar and the record follow', async () => {
    const { find, findByTestId, waitFor, mocks } = await renderCard(
      cardData({ keyAccount: notKeyYet() }),
      { tag_key_account: ok({ tasks: TASKS_SYNCED }) },
      cardData(),
    );
    expect(mocks.actions.refreshObjectProperties.calls).toEqual([]);
    find(Button, withText('Tag as key account…')).trigger('onClick');
    find(TextArea, { name: 'reason' }).trigger('onInput', 'Biggest growth potential' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'status-change')).toBeDefined());
    expect(mocks.actions.refreshObjectProperties.calls).toHaveLength(1);
  });

  it('ends key account status with untag_key_account and keeps the form open with the message when it fails', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), {
      untag_key_account: failed('KAM.NOT_A_MANAGER', 'Only key account managers can do this.'),
    });
    find(Button, withText('End key account status…')).trigger('onClick');
    find(TextArea, { name: 'reason' }).trigger('onChange', 'Contract ended' as never);
    find(Button, withText('Set to former key account')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: 'The status was not changed' }).text).toContain(
        'Only key account managers can do this.',
      ),
    );
    expect(callsTo(spy, 'untag_key_account')).toEqual([
      { ...caller, status: 'former', expectedStatus: 'key', reason: 'Contract ended', portalId: 123 },
    ]);
    expect(sectionLoads(spy, 'status')).toBe(1);
    expect(findAll(StatusTag).map((t) => t.text)).toContain('Key account');
  });

  it('offers a candidate whose score qualifies it the key account status first, sending the status it shows', async () => {
    const candidate = keyAccount({
      status: 'candidate',
      score: { ...keyAccount().score, total: 81, suggestedStatus: 'key' },
    });
    const { find, waitFor, spy } = await renderCard(cardData({ keyAccount: candidate }), {
      tag_key_account: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Change status…')).trigger('onClick');
    expect(find(Select, { name: 'status' }).props.options).toEqual([
      { value: 'key', label: 'Key account' },
      { value: 'none', label: 'Not a key account' },
    ]);
    find(TextArea, { name: 'reason' }).trigger('onInput', 'Scores 81 and the board backs it' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'tag_key_account')).toHaveLength(1));
    expect(callsTo(spy, 'tag_key_account')).toEqual([
      {
        ...caller,
        status: 'key',
        expectedStatus: 'candidate',
        reason: 'Scores 81 and the board backs it',
        portalId: 123,
      },
    ]);
  });

  it('shows the whole status history: each change with when, who and why', async () => {
    const history = [
      { status: 'former', previousStatus: 'key', at: NOW, changedBy: person('Max Manager'), reason: 'Moved in-house' },
      { status: 'key', previousStatus: null, at: NOW - 40 * DAY, changedBy: null, reason: null },
    ] as const;
    const { findAll } = await renderCard(
      cardData({ keyAccount: keyAccount({ status: 'former', history: history.map((h) => ({ ...h })) }) }),
    );
    const cells = findAll(TableCell).map((c) => c.text);
    expect(cells).toEqual(
      expect.arrayContaining(['Key account → Former key account', 'Max Manager', 'Moved in-house']),
    );
    expect(cells).toEqual(expect.arrayContaining(['Key account', 'Outside Keystone', '—']));
  });

  it('will not send a status change without a reason', async () => {
    const { find } = await renderCard(cardData());
    find(Button, withText('End key account status…')).trigger('onClick');
    expect(find(Button, withText('Set to former key account')).props.disabled).toBe(true);
  });

  it('enables the status button while the reason is typed, before the box loses focus', async () => {
    const { find } = await renderCard(cardData({ keyAccount: notKeyYet() }));
    find(Button, withText('Tag as key account…')).trigger('onClick');
    find(TextArea, { name: 'reason' }).trigger('onInput', 'Bi' as never);
    expect(find(Button, withText('Set to key account')).props.disabled).toBe(true);
    find(TextArea, { name: 'reason' }).trigger('onInput', 'Big' as never);
    expect(find(Button, withText('Set to key account')).props.disabled).toBe(false);
    expect(find(TextArea, { name: 'reason' }).props.value).toBe('Big');
  });
});

describe('the client strategy on the Status tab', () => {
  it('shows the strategy the team recorded, or how to record it', async () => {
    const recorded = await renderCard(
      cardData({ keyAccount: keyAccount({ clientStrategy: 'Sell the European arm' }) }),
    );
    expect(recorded.findByTestId(Text, 'client-strategy').text).toBe('Sell the European arm');
    const missing = await renderCard(cardData());
    expect(missing.findByTestId(Text, 'client-strategy').text).toContain(
      'write how the client sees itself in the company\'s "Client strategy" field',
    );
  });
});

describe('the Relationships section', () => {
  it('says what to do when the company has no contacts yet', async () => {
    const { find } = await renderCard(cardData({ relationships: relationships({ contacts: [] }) }));
    expect(find(EmptyState).props.title).toBe('No contacts yet');
    expect(find(EmptyState).find(Text).text).toContain('Associate the people you know at Acme Ltd');
  });

  it('shows coverage, its warnings and each contact with stance, decision power, last touch and who holds them', async () => {
    const data = cardData({
      relationships: relationships({
        coverage: {
          score: 40,
          reasons: ['1 of 2 key contacts touched'],
          warnings: [
            { kind: 'single_person_dependency', message: 'Only Maria Lopez knows anyone at Acme', contactIds: ['501'] },
          ],
        },
      }),
    });
    const { find, findAll } = await renderCard(data);
    expect(find(Alert, { title: 'Depends on one of our people' }).text).toBe('Only Maria Lopez knows anyone at Acme');
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining(['Coverage 40 of 100', 'Tom Baker', 'CFO · supervisor unknown', 'on budget']),
    );
    expect(find(Select, { name: 'stance-501' }).props.value).toBe('ally');
    expect(find(Select, { name: 'power-502' }).props.value).toBe('influences');
  });

  it('says when coverage weighs only some of the activities of a large account, in grouped numbers', async () => {
    const large = await renderCard(
      cardData({ relationships: relationships({ activities: { logged: 31_250, weighed: 10_000 } }) }),
    );
    expect(large.findByTestId(Text, 'activities-weighed').text).toBe(
      'Coverage weighs 10,000 of the 31,250 meetings, calls and emails logged with these contacts, the most recent of each kind: one card cannot read more from HubSpot at once.',
    );
    const { maybeFindByTestId } = await renderCard(cardData());
    expect(maybeFindByTestId(Text, 'activities-weighed')).toBeNull();
  });

  it("marks key contacts and says what a contact's stance was before the current one", async () => {
    const converted = contact({
      stanceHistory: [
        { stance: 'ally', at: Date.UTC(2026, 2, 3, 12) },
        { stance: 'protester', at: Date.UTC(2025, 8, 1) },
      ],
    });
    const { findByTestId, findAll } = await renderCard(
      cardData({ relationships: relationships({ contacts: [converted] }) }),
    );
    expect(findByTestId(Text, 'stance-history-501').text).toBe('was Protester until 3 Mar 2026');
    expect(findAll(Tag).map((t) => t.text)).toEqual(['Key contact', 'Decision maker']);
  });

  it('records a stance change in one click and reloads the card', async () => {
    const after = cardData({ relationships: relationships({ contacts: [contact({ stance: 'supporter' })] }) });
    const { find, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) }, after);
    find(Select, { name: 'stance-501' }).trigger('onChange', 'supporter' as never);
    await waitFor(() => expect(find(Select, { name: 'stance-501' }).props.value).toBe('supporter'));
    expect(callsTo(spy, 'record_contact_stance')).toEqual([{ ...caller, contactId: '501', stance: 'supporter' }]);
  });

  it('clears a decision power when set back to unknown', async () => {
    const { find, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) });
    find(Select, { name: 'power-501' }).trigger('onChange', '' as never);
    await waitFor(() => expect(sectionLoads(spy, 'relationships')).toBe(2));
    expect(callsTo(spy, 'record_contact_stance')).toEqual([{ ...caller, contactId: '501', decisionPower: null }]);
  });

  it('records that a contact left and who replaced them', async () => {
    const after = cardData({
      relationships: relationships({
        contacts: [
          contact({ departure: { leftAt: Date.UTC(2026, 10, 20), replacedBy: { contactId: '502', name: 'Ann Lee' } } }),
        ],
      }),
    });
    const { find, findAll, findByTestId, waitFor, spy } = await renderCard(
      cardData(),
      { record_contact_departure: ok({}) },
      after,
    );
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Select, { name: 'replacedBy' }).trigger('onChange', '502' as never);
    find(Button, withText('Mark Tom Baker as left')).trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Text, 'departure-501').text).toBe('Left on 20 Nov 2026, replaced by Ann Lee'),
    );
    expect(callsTo(spy, 'record_contact_departure')).toEqual([
      { ...caller, contactId: '501', left: true, replacedByContactId: '502' },
    ]);
  });

  it('undoes a departure recorded by mistake', async () => {
    const departed = cardData({
      relationships: relationships({
        contacts: [contact({ departure: { leftAt: Date.UTC(2026, 10, 20), replacedBy: null } })],
      }),
    });
    const { find, findAll, maybeFindByTestId, waitFor, spy } = await renderCard(
      departed,
      { record_contact_departure: ok({}) },
      cardData(),
    );
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Button, withText('Tom Baker has not left: undo')).trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Text, 'departure-501')).toBeNull());
    expect(callsTo(spy, 'record_contact_departure')).toEqual([{ ...caller, contactId: '501', left: false }]);
  });

  it('keeps a refused stance change on screen with the message, and the old stance', async () => {
    const { find, waitFor } = await renderCard(cardData(), {
      record_contact_stance: failed('KAM.CONTACT_NOT_AT_COMPANY', 'That contact is not associated with this company.'),
    });
    find(Select, { name: 'stance-501' }).trigger('onChange', 'enemy' as never);
    await waitFor(() =>
      expect(find(Alert, { title: 'The change was not saved' }).text).toContain('not associated with this company'),
    );
    expect(find(Select, { name: 'stance-501' }).props.value).toBe('ally');
  });

  it('saves the topics a contact decides on as a list', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) });
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Input, { name: 'topics' }).trigger('onChange', 'budget; IT suppliers ;' as never);
    find(Button, withText('Save topics')).trigger('onClick');
    await waitFor(() =>
      expect(callsTo(spy, 'record_contact_stance')).toEqual([
        { ...caller, contactId: '501', decisionTopics: ['budget', 'IT suppliers'] },
      ]),
    );
  });
});

describe('the Plan section', () => {
  it('invites a manager to start a plan when there is none', async () => {
    const { find } = await renderCard(cardData({ plan: emptyPlan() }));
    expect(find(EmptyState).props.title).toBe('No account plan yet');
    expect(find(EmptyState).find(Button).text).toBe('Start the plan');
  });

  it('shows the objective, the team, the objectives and the quarterly grid as actual of target, with a chart', async () => {
    const { findAll, find } = await renderCard(cardData());
    const texts = findAll(Text).map((t) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Become their only audit and tax adviser',
        'Maria Lopez',
        'Sam Patel',
        'Not appointed',
        'Win the audit tender',
      ]),
    );
    const cells = findAll(TableCell).map((c) => c.text);
    expect(cells).toEqual(expect.arrayContaining(['3 of 5 (behind)', '6 of 5 (on track)', '– of 6']));
    expect(find(BarChart).props.data).toEqual([
      { quarter: 'Q1', series: 'Target', value: 5 },
      { quarter: 'Q1', series: 'Actual', value: 3 },
      { quarter: 'Q2', series: 'Target', value: 5 },
      { quarter: 'Q2', series: 'Actual', value: 6 },
      { quarter: 'Q3', series: 'Target', value: 6 },
      { quarter: 'Q4', series: 'Target', value: 6 },
    ]);
  });

  it('saves an edited plan against the revision it started from, then shows the saved plan', async () => {
    const saved = cardData({
      plan: { ...cardData().plan, revision: 5, businessObjective: 'Be their first call for audit, tax and advisory' },
    });
    const { find, findAll, waitFor, spy } = await renderCard(
      cardData(),
      { save_account_plan: ok({ tasks: TASKS_SYNCED }) },
      saved,
    );
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(TextArea, { name: 'businessObjective' }).trigger(
      'onChange',
      'Be their first call for audit, tax and advisory' as never,
    );
    find(Input, { name: 'custom_new_services-Q3-actual' }).trigger('onChange', '2' as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() =>
      expect(findAll(Text).map((t) => t.text)).toContain('Be their first call for audit, tax and advisory'),
    );
    const [sent] = callsTo(spy, 'save_account_plan') as Array<{
      baseRevision: number;
      plan: {
        team: unknown;
        objectives: unknown[];
        quarterlyTargets: { rows: Array<{ metric: string; actuals: unknown }> };
      };
    }>;
    expect(sent).toMatchObject({
      ...caller,
      baseRevision: 4,
      plan: {
        businessObjective: 'Be their first call for audit, tax and advisory',
        team: { relationshipPartner: '70', accountManager: '71', researcher: null },
      },
    });
    expect(sent!.plan.objectives).toEqual([
      {
        objectiveKey: 'obj-1',
        title: 'Win the audit tender',
        measure: 'Signed contract',
        ownerId: '70',
        dueAt: cardData().plan.objectives[0]!.dueAt,
        status: 'open',
      },
    ]);
    expect(sent!.plan.quarterlyTargets.rows[1]).toEqual({
      metric: 'custom_new_services',
      label: 'New services used',
      unit: 'count',
      measure: 'per_quarter',
      baseline: null,
      targets: { Q1: 1, Q2: 1, Q3: 1, Q4: 1 },
      actuals: { Q1: 0, Q2: 1, Q3: 2, Q4: null },
    });
    expect(sent!.plan.quarterlyTargets.rows[0]).toMatchObject({ metric: 'meetings', actuals: {} });
  });

  it("adds a manager's own metric and a new objective with its owner and due date", async () => {
    const { find, waitFor, spy } = await renderCard(cardData(), { save_account_plan: ok({ tasks: TASKS_SYNCED }) });
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Input, { name: 'newMetric' }).trigger('onChange', 'Referrals received' as never);
    find(Button, withText('Add metric')).trigger('onClick');
    find(Button, withText('Add an objective')).trigger('onClick');
    find(Input, { name: 'objective-1-title' }).trigger('onChange', 'Present at their board' as never);
    find(Select, { name: 'objective-1-owner' }).trigger('onChange', '71' as never);
    find(DateInput, { name: 'objective-1-due' }).trigger('onChange', { year: 2027, month: 2, date: 31 } as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'save_account_plan')).toHaveLength(1));
    const [sent] = callsTo(spy, 'save_account_plan') as Array<{
      plan: { objectives: unknown[]; quarterlyTargets: { rows: unknown[] } };
    }>;
    expect(sent!.plan.objectives[1]).toEqual({
      title: 'Present at their board',
      measure: '',
      ownerId: '71',
      dueAt: Date.UTC(2027, 2, 31, 12),
      status: 'open',
    });
    expect(sent!.plan.quarterlyTargets.rows[2]).toEqual({
      metric: 'custom_referrals_received',
      label: 'Referrals received',
      unit: 'count',
      measure: 'level',
      baseline: null,
      targets: { Q1: null, Q2: null, Q3: null, Q4: null },
      actuals: { Q1: null, Q2: null, Q3: null, Q4: null },
    });
  });

  it('enables Add metric while its name is typed, before the field loses focus', async () => {
    const { find } = await renderCard(cardData());
    find(Button, withText('Edit the plan')).trigger('onClick');
    expect(find(Button, withText('Add metric')).props.disabled).toBe(true);
    find(Input, { name: 'newMetric' }).trigger('onInput', 'R' as never);
    expect(find(Button, withText('Add metric')).props.disabled).toBe(false);
    find(Input, { name: 'newMetric' }).trigger('onInput', '  ' as never);
    expect(find(Button, withText('Add metric')).props.disabled).toBe(true);
  });

  it('saves an objective title that was typed and not yet committed by leaving the field', async () => {
    const { find, waitFor, spy } = await renderCard(cardData(), { save_account_plan: ok({ tasks: TASKS_SYNCED }) });
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Input, { name: 'objective-0-title' }).trigger('onInput', 'Win the audit and tax tender' as never);
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'save_account_plan')).toHaveLength(1));
    const [sent] = callsTo(spy, 'save_account_plan') as Array<{ plan: { objectives: Array<{ title: string }> } }>;
    expect(sent!.plan.objectives[0]!.title).toBe('Win the audit and tax tender');
  });

  it('shows each problem the function found beside its field', async () => {
    const { find, waitFor } = await renderCard(cardData(), {
      save_account_plan: failed('KAM.INVALID_PARAMETERS', 'Keystone received something it cannot use.', [
        { path: 'plan.objectives.1.ownerId', message: 'pick who owns this objective' },
      ]),
    });
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Add an objective')).trigger('onClick');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() =>
      expect(find(Select, { name: 'objective-1-owner' }).props).toMatchObject({
        error: true,
        validationMessage: 'pick who owns this objective',
      }),
    );
    expect(find(Select, { name: 'objective-0-owner' }).props.error).toBeUndefined();
  });

  it("keeps the editor open with the function's message when someone else saved first", async () => {
    const { find, waitFor } = await renderCard(cardData(), {
      save_account_plan: failed(
        'KAM.PLAN_CHANGED_ELSEWHERE',
        'Someone else saved this plan while you were editing. Reload the plan, then make your changes again.',
      ),
    });
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: 'The plan was not saved' }).text).toContain('Someone else saved this plan'),
    );
    expect(find(Button, withText('Save the plan')).props.disabled).toBe(false);
  });
});

describe('the Reviews section', () => {
  it('shows when the next review is due, the changes that call for one with their evidence, and the history', async () => {
    const { findByTestId, findAll } = await renderCard(cardData({ reviews: reviews({ triggered: [trigger()] }) }));
    expect(findByTestId(Text, 'next-review').text).toBe('Next quarterly review 4 Dec 2026 (in 10 days)');
    const texts = findAll(Text).map((t) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Tom Baker changed title from CFO to Board adviser',
        '19 Nov 2026 · Job title: CFO → Board adviser',
        'Plan updated',
        'Added the tax objective',
      ]),
    );
  });

  it('words the evidence of each change as people say it: stances by label, owners by name', async () => {
    const triggered = [
      trigger({
        kind: 'stance_worsened',
        message: 'Chloe Evans is a new enemy',
        evidence: { objectType: 'contacts', objectId: '502', property: 'stance', from: null, to: 'enemy' },
      }),
      trigger({
        kind: 'our_owner_changed',
        message: 'The company owner changed',
        evidence: { objectType: 'companies', objectId: COMPANY_ID, property: 'owner', from: '70', to: '99' },
      }),
      trigger({
        kind: 'objective_achieved',
        message: 'Objective achieved: Win the tender',
        evidence: { objectType: 'objectives', objectId: '9', property: 'status', from: null, to: 'achieved' },
      }),
      trigger({
        kind: 'new_buyer',
        message: 'Ann Lee is a new budget holder',
        evidence: {
          objectType: 'contacts',
          objectId: '503',
          property: 'buyingRoles',
          from: null,
          to: 'INFLUENCER;BUDGET_HOLDER',
        },
      }),
      trigger({
        kind: 'client_strategy_changed',
        message: "The client's strategy changed",
        evidence: {
          objectType: 'companies',
          objectId: COMPANY_ID,
          property: 'strategy',
          from: 'Grow in Europe',
          to: 'Sell the European arm to a competitor and invest the proceeds in the Asian business',
        },
      }),
    ];
    triggered.push(
      trigger({
        kind: 'new_parent_company',
        message: 'The client has a new parent company: Megacorp Holdings',
        evidence: { objectType: 'companies', objectId: COMPANY_ID, property: 'parentCompany', from: null, to: '42' },
      }),
    );
    const { findAll } = await renderCard(
      cardData({ reviews: reviews({ triggered, companyNames: { 42: 'Megacorp Holdings' } }) }),
    );
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        '19 Nov 2026 · Parent company: none → Megacorp Holdings',
        '19 Nov 2026 · Stance: not recorded → Enemy',
        '19 Nov 2026 · Company owner: Maria Lopez → owner 99',
        '19 Nov 2026 · Objective: Achieved',
        '19 Nov 2026 · Buying roles: none → Influencer, Budget holder',
        '19 Nov 2026 · Client strategy: “Grow in Europe” → “Sell the European arm to a competitor and invest the procee…”',
      ]),
    );
  });

  it('marks an overdue review', async () => {
    const { findAll } = await renderCard(
      cardData({ reviews: reviews({ status: 'overdue', nextDueAt: Date.UTC(2026, 10, 1) }) }),
    );
    expect(findAll(StatusTag, { variant: 'danger' }).map((t) => t.text)).toContain('Overdue');
  });

  it('logs a triggered review with its outcome and the triggers it answers, then shows it in the history', async () => {
    const logged = cardData({
      reviews: reviews({
        history: [
          {
            ...reviews().history[0]!,
            reviewId: 'rev-2',
            kind: 'triggered',
            outcomes: ['escalate'],
            summary: 'Meet the new CFO',
          },
        ],
      }),
    });
    const { find, findAll, waitFor, spy } = await renderCard(
      cardData({ reviews: reviews({ triggered: [trigger()] }) }),
      { log_review: ok({ tasks: TASKS_SYNCED }) },
      logged,
    );
    find(Button, withText('Log a review…')).trigger('onClick');
    find(ToggleGroup, { name: 'outcomes' }).trigger('onChange', ['escalate'] as never);
    find(TextArea, { name: 'summary' }).trigger('onChange', 'Meet the new CFO' as never);
    find(Button, withText('Log the review')).trigger('onClick');
    await waitFor(() => expect(findAll(Text).map((t) => t.text)).toContain('Meet the new CFO'));
    expect(callsTo(spy, 'log_review')).toEqual([
      {
        ...caller,
        kind: 'triggered',
        outcomes: ['escalate'],
        summary: 'Meet the new CFO',
        triggers: [trigger()],
        // The press's own id: a retry of the same review sends it again.
        actionId: expect.any(String),
      },
    ]);
  });

  it('warns when a review was logged but its HubSpot task could not be moved on, and says how to repair it', async () => {
    const card = await renderCard(cardData(), {
      log_review: ok({ tasks: { synced: false, message: 'HubSpot did not respond.' } }),
    });
    card.find(Button, withText('Log a review…')).trigger('onClick');
    card.find(TextArea, { name: 'summary' }).trigger('onChange', 'Quarterly review held' as never);
    card.find(Button, withText('Log the review')).trigger('onClick');
    await card.waitFor(() =>
      expect(card.mocks.actions.addAlert.calls).toEqual([
        [
          {
            type: 'warning',
            title: 'Saved, but the HubSpot tasks were not updated',
            message: 'HubSpot did not respond. Save again to bring the tasks in line.',
          },
        ],
      ]),
    );
  });

  it('does not alert when the tasks were brought in line', async () => {
    const { find, waitFor, spy, mocks } = await renderCard(cardData(), {
      save_account_plan: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(sectionLoads(spy, 'plan')).toBe(2));
    expect(mocks.actions.addAlert.calls).toEqual([]);
  });

  it('enables Log the review while the decision is typed, before the box loses focus', async () => {
    const { find } = await renderCard(cardData());
    find(Button, withText('Log a review…')).trigger('onClick');
    expect(find(Button, withText('Log the review')).props.disabled).toBe(true);
    find(TextArea, { name: 'summary' }).trigger('onInput', 'Renew' as never);
    expect(find(Button, withText('Log the review')).props.disabled).toBe(false);
  });
});

describe('the tab for someone who may not edit', () => {
  it('shows everything read-only with the reason, and no edit controls', async () => {
    const { findAll, maybeFind } = await renderCard(
      cardData({ permissions: viewerPermissions(), reviews: reviews({ triggered: [trigger()] }) }),
    );
    expect(findAll(Text).filter((t) => t.text === viewerPermissions().readOnlyReason)).toHaveLength(4);
    expect(findAll(Button).map((b) => b.text)).toEqual([]);
    expect(maybeFind(Select, { name: 'stance-501' })).toBeNull();
    expect(findAll(Text).map((t) => t.text)).toContain('Ally');
  });
});

describe('the tab after a change', () => {
  it('offers the choices that fit the new status when the form is opened again', async () => {
    const { find, findByTestId, waitFor } = await renderCard(
      cardData({ keyAccount: notKeyYet() }),
      { tag_key_account: ok({ tasks: TASKS_SYNCED }) },
      cardData(),
    );
    find(Button, withText('Tag as key account…')).trigger('onClick');
    find(TextArea, { name: 'reason' }).trigger('onChange', 'Biggest growth potential' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'status-change')).toBeTruthy());
    find(Button, withText('End key account status…')).trigger('onClick');
    expect(find(Select, { name: 'status' }).props.value).toBe('former');
    expect(find(TextArea, { name: 'reason' }).props.value).toBe('');
  });
});
