import {
  Accordion,
  Alert,
  BarChart,
  Button,
  DateInput,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  hubspot,
  Input,
  List,
  LoadingSpinner,
  Select,
  StatusTag,
  Table,
  TableCell,
  TableHeader,
  TableRow,
  Tabs,
  Tag,
  Text,
  TextArea,
  Tile,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../src/app/cards/KeyAccountCard.tsx';
import { CARD_SECTIONS } from '../../../src/contracts/card-sections.ts';
import { statusReasonSchema } from '../../../src/contracts/tag-key-account.ts';
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
  objective,
  criterion,
  ok,
  openEverySection,
  sectionLoads,
  sectionOf,
  relationships,
  reviews,
  serveChange,
  serveFunctions,
  targetRow,
  trigger,
  renderer,
  USER_ID,
  viewerPermissions,
  withText,
} from '../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

/** All the text below a node, at any depth: a node's own `text` holds only its direct text. */
type Node = { text: string | null; childNodes?: readonly Node[] };
const textBelow = (node: Node): string =>
  node.childNodes ? node.childNodes.map(textBelow).join('') : (node.text ?? '');

const NO_SURVEYS = { companyId: COMPANY_ID, readAt: 0, surveys: [], responsesRead: 0 };

const caller = { userId: USER_ID, companyId: COMPANY_ID };
const MOCK_PORTAL_ID = 123; // the renderer's mock portal
const TASKS_SYNCED = { synced: true, message: null };

/** Renders the tab card with card_data answering `first`, then `after` once anything changed. */
async function renderCard(
  first: CardData,
  actions: Record<string, object> = {},
  after: CardData = first,
  satisfaction: object = ok(NO_SURVEYS),
) {
  const spy = serveChange({ uid: 'card_data', before: first, after }, actions, { client_satisfaction: satisfaction });
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

  it('sends later sections the session the first answered with, and loads nothing again for it', async () => {
    const spy = serveFunctions({ card_data: ok(cardData()) });
    const card = renderer('crm.record.tab');
    card.render(<KeyAccountCard />);
    await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
    card.find(Tabs).trigger('onSelectedChange', 'plan' as never);
    await card.waitFor(() => expect(sectionLoads(spy, 'plan')).toBe(1));
    const sent = callsTo(spy, 'card_section') as Array<{ section: string; session?: string }>;
    expect(sent.map(({ section, session }) => [section, session])).toEqual([
      ['status', undefined],
      ['plan', 'sealed by status'],
    ]);
  });

  it('reloads only the Status section after a status change, not the sections opened beside it', async () => {
    const { find, waitFor, spy } = await renderCard(cardData({ keyAccount: notKeyYet() }), {
      tag_key_account: ok({ tasks: TASKS_SYNCED }),
    });
    find(Button, withText('Tag as key account…')).trigger('onClick');
    find(Input, { name: 'reason' }).trigger('onInput', 'Biggest growth potential' as never);
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

  it('suggests no status from a score on too little data, as the sidebar says', async () => {
    const scoreLine = async (enoughData: boolean) => {
      const unknown = keyAccount({
        status: 'none',
        score: { ...keyAccount().score, total: 0, completeness: 0.25, enoughData, suggestedStatus: 'none' },
      });
      const { findAll } = await renderCard(cardData({ keyAccount: unknown }));
      return findAll(Text).find((t) => t.text?.startsWith('Based on'))?.text;
    };
    expect(await scoreLine(false)).toBe("Based on 25% of the criteria's weight · too little known to suggest a status");
    expect(await scoreLine(true)).toBe("Based on 25% of the criteria's weight · suggested: Not a key account");
  });

  it('counts advocacy in referrals, one or many', async () => {
    const referrals = (value: number) =>
      keyAccount({
        score: {
          ...keyAccount().score,
          criteria: [criterion({ criterion: 'advocacy', label: 'Advocacy and referrals', value, unit: 'count' })],
        },
      });
    for (const [value, shown] of [
      [5, '5 referrals'],
      [1, '1 referral'],
    ] as const) {
      const { findAll } = await renderCard(cardData({ keyAccount: referrals(value) }));
      expect(findAll(TableCell).map((c) => c.text)).toContain(shown);
    }
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

  it('shows a score just under a threshold as under it, with points that add up to it', async () => {
    const nearly = notKeyYet();
    nearly.score = {
      ...nearly.score,
      total: 49.6,
      criteria: [
        criterion({ contribution: 24.8 }),
        criterion({ criterion: 'prestige', label: 'Prestige', unit: 'rating', value: 8, contribution: 24.8 }),
      ],
    };
    const { findAll, findByTestId } = await renderCard(cardData({ keyAccount: nearly }));
    expect(findAll(Text).map((t) => t.text)).toContain('Score 49 of 100');
    expect(findByTestId(Text, 'qualify-hint').text).toBe(
      'It would qualify as a candidate from a score of 50 and as a key account from 70; it scores 49 now.',
    );
    const criteriaTable = findAll(Table).find((t) => t.findAll(TableHeader).some((h) => h.text === 'Points'))!;
    const points = criteriaTable
      .findAll(TableRow)
      .slice(1)
      .map((row) => Number(row.findAll(TableCell).at(-1)!.text));
    expect(points).toEqual([25, 24]);
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
    find(Input, { name: 'reason' }).trigger('onInput', 'Biggest growth potential' as never);
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
    find(Input, { name: 'reason' }).trigger('onInput', 'Biggest growth potential' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'status-change')).toBeDefined());
    expect(mocks.actions.refreshObjectProperties.calls).toHaveLength(1);
  });

  it('ends key account status with untag_key_account and keeps the form open with the message when it fails', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), {
      untag_key_account: failed('KAM.NOT_A_MANAGER', 'Only key account managers can do this.'),
    });
    find(Button, withText('End key account status…')).trigger('onClick');
    find(Input, { name: 'reason' }).trigger('onChange', 'Contract ended' as never);
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

  it('marks the reason the function refused, points to it, and drops the mark once the reason is rewritten', async () => {
    const { find, waitFor } = await renderCard(cardData(), {
      untag_key_account: failed('KAM.INVALID_PARAMETERS', 'Check the highlighted fields.', [
        { path: 'reason', message: 'cannot contain control characters' },
      ]),
    });
    find(Button, withText('End key account status…')).trigger('onClick');
    find(Input, { name: 'reason' }).trigger('onChange', 'Contract\u0007ended' as never);
    find(Button, withText('Set to former key account')).trigger('onClick');
    await waitFor(() =>
      expect(find(Input, { name: 'reason' }).props).toMatchObject({
        error: true,
        validationMessage: 'cannot contain control characters',
      }),
    );
    expect(find(Alert, { title: 'The status was not changed' }).text).toContain('Fix the highlighted fields');
    expect(find(Alert, { title: 'The status was not changed' }).text).not.toContain('reason:');
    find(Input, { name: 'reason' }).trigger('onChange', 'Contract ended' as never);
    await waitFor(() => expect(find(Input, { name: 'reason' }).props.error).toBeUndefined());
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
    find(Input, { name: 'reason' }).trigger('onInput', 'Scores 81 and the board backs it' as never);
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

  it('takes the reason on one line, as it goes on the timeline note, and states its limits on the field', async () => {
    const { find, maybeFind } = await renderCard(cardData());
    find(Button, withText('End key account status…')).trigger('onClick');
    expect(maybeFind(TextArea, { name: 'reason' })).toBeNull();
    expect(find(Input, { name: 'reason' }).props).toMatchObject({
      required: true,
      description: 'Goes on the company timeline with your name: at least 3 characters, at most 500.',
    });
  });

  it('says beside the reason that it is too short or too long while it is typed, and holds the button', async () => {
    const { find } = await renderCard(cardData({ keyAccount: notKeyYet() }));
    find(Button, withText('Tag as key account…')).trigger('onClick');
    const typed = (reason: string) => {
      find(Input, { name: 'reason' }).trigger('onInput', reason as never);
      const { error, validationMessage } = find(Input, { name: 'reason' }).props;
      return { error, validationMessage, disabled: find(Button, withText('Set to key account')).props.disabled };
    };
    expect(typed('')).toEqual({ error: undefined, validationMessage: undefined, disabled: true });
    expect(typed('Bi')).toEqual({ error: true, validationMessage: 'At least 3 characters', disabled: true });
    expect(typed('  Bi  ')).toEqual({ error: true, validationMessage: 'At least 3 characters', disabled: true });
    expect(typed('x'.repeat(501))).toEqual({
      error: true,
      validationMessage: 'At most 500 characters (1 over)',
      disabled: true,
    });
    expect(typed('x'.repeat(500))).toEqual({ error: undefined, validationMessage: undefined, disabled: false });
  });

  it('holds the reason to the lengths tag_key_account holds it to', async () => {
    const { find } = await renderCard(cardData({ keyAccount: notKeyYet() }));
    find(Button, withText('Tag as key account…')).trigger('onClick');
    for (const reason of ['Bi', 'Big', ' Big ', 'x'.repeat(500), 'x'.repeat(501)]) {
      find(Input, { name: 'reason' }).trigger('onInput', reason as never);
      const sendable = !find(Button, withText('Set to key account')).props.disabled;
      expect({ reason, sendable }).toEqual({ reason, sendable: statusReasonSchema.safeParse(reason).success });
    }
  });

  it('tells a key account whose score does not qualify it so, without claiming it once qualified', async () => {
    const lapsed = keyAccount({ score: { ...keyAccount().score, total: 26.4, suggestedStatus: 'none' } });
    const { findByTestId } = await renderCard(cardData({ keyAccount: lapsed }));
    expect(findByTestId(Text, 'qualify-hint').text).toBe(
      'Its score of 26 does not qualify it as a key account (from 70): review whether it should stay one.',
    );
  });

  it('says nothing of qualifying to a key account that still qualifies', async () => {
    const { maybeFind } = await renderCard(cardData());
    expect(maybeFind(Text, { testId: 'qualify-hint' })).toBeNull();
  });

  it.each([80, 12])(
    'does not call a key account with too little data to score unqualified, whatever its partial score (%d)',
    async (total) => {
      const unscored = keyAccount({
        score: { ...notKeyYet().score, total, completeness: 0.3, enoughData: false, suggestedStatus: 'none' },
      });
      const { findByTestId, findAll } = await renderCard(cardData({ keyAccount: unscored }));
      expect(findByTestId(Text, 'qualify-hint').text).toBe(
        'Too little of its data is known to say whether it still qualifies as a key account.',
      );
      expect(findAll(Text).map((t) => t.text)).toContain(
        'To score it fully, fill in: Potential annual revenue on the company.',
      );
    },
  );

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
    find(Input, { name: 'reason' }).trigger('onInput', 'Bi' as never);
    expect(find(Button, withText('Set to key account')).props.disabled).toBe(true);
    find(Input, { name: 'reason' }).trigger('onInput', 'Big' as never);
    expect(find(Button, withText('Set to key account')).props.disabled).toBe(false);
    expect(find(Input, { name: 'reason' }).props.value).toBe('Big');
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

  it('shows coverage and its findings, each naming the people it is about, and each contact on the map', async () => {
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
    const { findByTestId, findAll } = await renderCard(data);
    const findings = findByTestId(Flex, 'coverage-findings');
    expect(textBelow(findings.find(List))).toContain(
      'Depends on one of our people: Only Maria Lopez knows anyone at Acme',
    );
    // Neither contact has reports on record, nor peers: the map's gaps name both.
    expect(textBelow(findings.find(List))).toContain('No reports known: Tom Baker, Ann Lee');
    expect(textBelow(findings.find(List))).toContain('Held by one of our people only: Tom Baker, Ann Lee');
    expect(textBelow(findings.find(Accordion, { title: 'How the score is made' }))).toContain(
      '1 of 2 key contacts touched',
    );
    const tom = findByTestId(Tile, 'map-person-501');
    expect(tom.findAll(Tag).map((t) => [t.text, t.props.variant])).toEqual(
      expect.arrayContaining([
        ['Ally', 'success'],
        ['Has the final say on budget', 'info'],
        ['Only one of ours', 'warning'],
        ['No reports known', 'error'],
      ]),
    );
    expect(textBelow(tom)).toContain('Held by Maria Lopez; last touch 12 days ago');
    expect(findAll(Text).map((t) => t.text)).toContain('Coverage 40 of 100');
  });

  it('keeps the table as a second view, with who reports to whom and the earlier stance', async () => {
    const converted = contact({
      keyContactLabel: true,
      stanceHistory: [
        { stance: 'ally', at: Date.UTC(2026, 2, 3, 12) },
        { stance: 'protester', at: Date.UTC(2025, 8, 1) },
      ],
    });
    const card = await renderCard(cardData({ relationships: relationships({ contacts: [converted] }) }));
    card.find(ToggleGroup, { name: 'relationships-view' }).trigger('onChange', 'table' as never);
    await card.waitFor(() => expect(card.maybeFind(TableCell)).not.toBeNull());
    expect(card.findByTestId(Text, 'stance-history-501').text).toBe('Protester 1 Sept 2025 → Ally 3 Mar 2026');
    const contactsTable = card.findAll(Table).find((table) => textBelow(table).includes('Tom Baker'))!;
    expect(contactsTable.findAll(Tag).map((t) => t.text)).toEqual(['Key contact', 'Decision maker']);
    expect(card.findAll(Text).map((t) => t.text)).toEqual(expect.arrayContaining(['CFO · supervisor unknown', 'Ally']));
  });

  it('draws reports under their supervisor and opens the edit form right under the person clicked', async () => {
    const data = cardData({
      relationships: relationships({
        contacts: [
          contact(),
          contact({
            contactId: '502',
            name: 'Ann Lee',
            reportsTo: { contactId: '501', name: 'Tom Baker', left: false },
          }),
        ],
      }),
    });
    const card = await renderCard(data);
    const rows = () => card.findByTestId(Flex, 'relationship-map').childNodes;
    expect(rows()).toHaveLength(2);
    card.findByTestId(Tile, 'map-person-502').find(Button, withText('Edit')).trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Heading)).not.toBeNull());
    const [, annRow] = rows();
    expect(textBelow(annRow!)).toContain('Ann Lee');
    expect((annRow as typeof annRow & { find: typeof card.find }).find(Heading).text).toBe('Ann Lee');
    expect(card.find(Select, { name: 'stance-502' }).props.value).toBe('ally');
    // Closing a branch hides who reports there.
    card.findByTestId(Tile, 'map-person-501').find(Button, withText('▾ 1 below')).trigger('onClick');
    await card.waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('folds a long list of reports into one row a click opens', async () => {
    const reports = Array.from({ length: 20 }, (_, i) =>
      contact({
        contactId: `6${String(i).padStart(2, '0')}`,
        name: `Report ${i}`,
        watched: false,
        reportsTo: { contactId: '501', name: 'Tom Baker', left: false },
      }),
    );
    const card = await renderCard(cardData({ relationships: relationships({ contacts: [contact(), ...reports] }) }));
    // Nobody below Tom is a key contact, so his branch starts closed.
    expect(card.findByTestId(Flex, 'relationship-map').childNodes).toHaveLength(1);
    card.findByTestId(Tile, 'map-person-501').find(Button, withText('▸ 20 below')).trigger('onClick');
    await card.waitFor(() =>
      expect(card.maybeFind(Button, withText('Show 14 more reporting to Tom Baker'))).not.toBeNull(),
    );
    card.find(Button, withText('Show 14 more reporting to Tom Baker')).trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Flex, 'relationship-map').childNodes).toHaveLength(21));
  });

  it('says when coverage weighs only some of the activities of a large account, in grouped numbers', async () => {
    const large = await renderCard(
      cardData({ relationships: relationships({ activities: { logged: 31_250, weighed: 4_000 } }) }),
    );
    expect(large.findByTestId(Text, 'activities-weighed').text).toBe(
      "Coverage weighs 4,000 of the 31,250 meetings, calls and emails logged with these contacts, the most recent of each kind: one card reads no more, to leave HubSpot's shared limit to the rest of the firm.",
    );
    const { maybeFindByTestId } = await renderCard(cardData());
    expect(maybeFindByTestId(Text, 'activities-weighed')).toBeNull();
  });

  it("says why the programme watches each contact, and shows a contact's whole stance path", async () => {
    const converted = contact({
      stanceHistory: [
        { stance: 'supporter', at: Date.UTC(2026, 2, 3, 12) },
        { stance: 'neutral', at: Date.UTC(2026, 0, 10, 12) },
        { stance: 'protester', at: Date.UTC(2025, 8, 1, 12) },
      ],
    });
    const quiet = contact({
      contactId: '502',
      name: 'Una Known',
      watched: false,
      watchedBecause: [],
      stanceHistory: [],
    });
    const { findByTestId } = await renderCard(
      cardData({ relationships: relationships({ contacts: [converted, quiet] }) }),
    );
    expect(findByTestId(Text, 'stance-history-501').text).toBe(
      'Protester 1 Sept 2025 → Neutral 10 Jan 2026 → Supporter 3 Mar 2026',
    );
    expect(findByTestId(Text, 'watched-501').text).toBe(
      'Watched: has a buying role, has a say in decisions, has a stance',
    );
    expect(findByTestId(Text, 'watched-502').text).toMatch(/^Not watched: give them a stance/);
    // Someone who cannot record any of it is told what is missing, not asked to do it.
    const viewer = await renderCard(
      cardData({ relationships: relationships({ contacts: [converted, quiet] }), permissions: viewerPermissions() }),
    );
    expect(viewer.findByTestId(Text, 'watched-502').text).toBe(
      'Not watched: no stance, buying role, say in decisions or key-contact mark is recorded for them',
    );
  });

  it('tags only contacts labelled "Key contact"; one watched for another reason shows that reason, on the map and in the table', async () => {
    const labelled = contact({
      keyContactLabel: true,
      watchedBecause: ['key_contact_label', 'buying_role', 'decision_power', 'stance'],
    });
    const george = contact({
      contactId: '503',
      name: 'George Hargreaves',
      jobTitle: 'Operations Director',
      stance: 'supporter',
      buyingRoles: [],
      decisionPower: null,
      decisionTopics: [],
      watchedBecause: ['stance'],
      keyContactLabel: false,
    });
    const card = await renderCard(cardData({ relationships: relationships({ contacts: [labelled, george] }) }));
    const keyContactTags = (node: { findAll: typeof card.findAll }) =>
      node.findAll(Tag).filter((t) => t.text === 'Key contact').length;

    expect(keyContactTags(card.findByTestId(Tile, 'map-person-501'))).toBe(1);
    expect(keyContactTags(card.findByTestId(Tile, 'map-person-503'))).toBe(0);
    expect(card.findByTestId(Text, 'watched-503').text).toBe('Watched: has a stance');

    card.find(ToggleGroup, { name: 'relationships-view' }).trigger('onChange', 'table' as never);
    await card.waitFor(() => expect(card.maybeFind(TableCell)).not.toBeNull());
    const cellOf = (name: string) => card.findAll(TableCell).find((cell) => textBelow(cell).startsWith(name))!;
    expect(keyContactTags(cellOf('Tom Baker'))).toBe(1);
    expect(keyContactTags(cellOf('George Hargreaves'))).toBe(0);
    expect(textBelow(cellOf('George Hargreaves'))).toContain('Watched: has a stance');
    // His edit panel offers the label the tag would show.
    card.findAll(Button, withText('Edit'))[1]!.trigger('onClick');
    await card.waitFor(() => expect(card.maybeFindByTestId(Flex, 'contact-editor')).not.toBeNull());
    const editor = card.findByTestId(Flex, 'contact-editor');
    expect(editor.find(Heading).text).toBe('George Hargreaves');
    expect(editor.maybeFind(Button, withText('Mark as key contact'))).not.toBeNull();
  });

  it('says of contacts whose supervisor left that they reported to them, on the map and in the table, not that the supervisor is unknown', async () => {
    const victoria = contact({
      contactId: '510',
      name: 'Victoria Roberts',
      jobTitle: 'Managing Director',
      // Nobody recorded in her place: whom Ann reports to now is not known.
      departure: { leftAt: Date.UTC(2026, 10, 20), replacedBy: null, reason: 'retired' },
    });
    const george = contact({ contactId: '511', name: 'George Hargreaves', jobTitle: 'Managing Director' });
    const ann = contact({
      contactId: '512',
      name: 'Ann Lee',
      jobTitle: 'Head of IT',
      reportsTo: { contactId: '510', name: 'Victoria Roberts', left: true },
    });
    const warning = {
      kind: 'supervisors_left' as const,
      message: 'Ann Lee reported to Victoria Roberts, who has left: whom do they report to now?',
      contactIds: ['512'],
    };
    const card = await renderCard(
      cardData({
        relationships: relationships({
          contacts: [george, ann, victoria],
          coverage: { score: 50, reasons: [], warnings: [warning] },
        }),
      }),
    );

    const annOnTheMap = card.findByTestId(Tile, 'map-person-512');
    expect(annOnTheMap.findAll(Tag).map((t) => t.text)).toContain('Supervisor has left');
    expect(annOnTheMap.findAll(Tag).map((t) => t.text)).not.toContain('Supervisor unknown');
    expect(textBelow(annOnTheMap)).toContain('reported to Victoria Roberts, who has left');
    const findings = textBelow(card.findByTestId(Flex, 'coverage-findings').find(List));
    expect(findings).toContain(
      'Supervisor has left: Ann Lee reported to Victoria Roberts, who has left: whom do they report to now?',
    );
    expect(findings).not.toContain('Supervisor unknown');

    card.find(ToggleGroup, { name: 'relationships-view' }).trigger('onChange', 'table' as never);
    await card.waitFor(() => expect(card.maybeFind(TableCell)).not.toBeNull());
    expect(card.findAll(Text).map((t) => t.text)).toContain('Head of IT · reported to Victoria Roberts, who has left');
    expect(card.findByTestId(Text, 'departure-510').text).toBe('Retired on 20 Nov 2026');
  });

  it('marks a contact as a key contact, and unmarks one', async () => {
    const labelled = cardData({ relationships: relationships({ contacts: [contact({ keyContactLabel: true })] }) });
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) }, labelled);
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Button, withText('Mark as key contact')).trigger('onClick');
    await waitFor(() => expect(find(Button, withText('Unmark as key contact'))).toBeTruthy());
    find(Button, withText('Unmark as key contact')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'record_contact_stance')).toHaveLength(2));
    expect(callsTo(spy, 'record_contact_stance')).toEqual([
      { ...caller, contactId: '501', keyContact: true, actionId: expect.any(String) },
      { ...caller, contactId: '501', keyContact: false, actionId: expect.any(String) },
    ]);
    // Each press answered as saved: the next one is an action of its own.
    const [mark, unmark] = callsTo(spy, 'record_contact_stance') as Array<{ actionId: string }>;
    expect(mark!.actionId).not.toBe(unmark!.actionId);
  });

  it('records a stance change in one click from the edit form and reloads the card', async () => {
    const after = cardData({ relationships: relationships({ contacts: [contact({ stance: 'supporter' })] }) });
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) }, after);
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Select, { name: 'stance-501' }).trigger('onChange', 'supporter' as never);
    await waitFor(() => expect(find(Select, { name: 'stance-501' }).props.value).toBe('supporter'));
    expect(callsTo(spy, 'record_contact_stance')).toEqual([
      { ...caller, contactId: '501', stance: 'supporter', actionId: expect.any(String) },
    ]);
  });

  it('clears a decision power when set back to unknown', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) });
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Select, { name: 'power-501' }).trigger('onChange', '' as never);
    await waitFor(() => expect(sectionLoads(spy, 'relationships')).toBe(2));
    expect(callsTo(spy, 'record_contact_stance')).toEqual([
      { ...caller, contactId: '501', decisionPower: null, actionId: expect.any(String) },
    ]);
  });

  it('records why and when a contact left and who replaced them; the button waits for a reason', async () => {
    const after = cardData({
      relationships: relationships({
        contacts: [
          contact({
            departure: {
              leftAt: Date.UTC(2026, 10, 20),
              replacedBy: { contactId: '502', name: 'Ann Lee' },
              reason: 'retired',
            },
          }),
        ],
      }),
    });
    const { find, findAll, findByTestId, waitFor, spy } = await renderCard(
      cardData(),
      { record_contact_departure: ok({}) },
      after,
    );
    find(ToggleGroup, { name: 'relationships-view' }).trigger('onChange', 'table' as never);
    await waitFor(() => expect(findAll(Button, withText('Edit'))).toHaveLength(2));
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Select, { name: 'replacedBy' }).trigger('onChange', '502' as never);
    expect(find(Button, withText('Mark Tom Baker as left')).props.disabled).toBe(true);
    find(Select, { name: 'departureReason' }).trigger('onChange', 'retired' as never);
    find(DateInput, { name: 'leftAt' }).trigger('onChange', { year: 2026, month: 10, date: 20 } as never);
    find(Button, withText('Mark Tom Baker as left')).trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Text, 'departure-501').text).toBe('Retired on 20 Nov 2026, replaced by Ann Lee'),
    );
    expect(callsTo(spy, 'record_contact_departure')).toEqual([
      {
        ...caller,
        contactId: '501',
        left: true,
        reason: 'retired',
        replacedByContactId: '502',
        leftAt: Date.UTC(2026, 10, 20, 12),
        actionId: expect.any(String),
      },
    ]);
  });

  it('marks a departure date the function refused, and drops the mark once another date is picked', async () => {
    const { find, findAll, waitFor } = await renderCard(cardData(), {
      record_contact_departure: failed('KAM.INVALID_PARAMETERS', 'Check the highlighted fields.', [
        { path: 'leftAt', message: 'cannot be in the future' },
      ]),
    });
    find(ToggleGroup, { name: 'relationships-view' }).trigger('onChange', 'table' as never);
    await waitFor(() => expect(findAll(Button, withText('Edit'))).toHaveLength(2));
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Select, { name: 'departureReason' }).trigger('onChange', 'retired' as never);
    find(DateInput, { name: 'leftAt' }).trigger('onChange', { year: 2027, month: 0, date: 20 } as never);
    find(Button, withText('Mark Tom Baker as left')).trigger('onClick');
    await waitFor(() =>
      expect(find(DateInput, { name: 'leftAt' }).props).toMatchObject({
        error: true,
        validationMessage: 'cannot be in the future',
      }),
    );
    expect(find(Alert, { title: 'The departure was not recorded' }).text).toContain('Fix the highlighted fields');
    find(DateInput, { name: 'leftAt' }).trigger('onChange', { year: 2026, month: 10, date: 20 } as never);
    await waitFor(() => expect(find(DateInput, { name: 'leftAt' }).props.error).toBeUndefined());
  });

  it('undoes a departure recorded by mistake, from the table where departed contacts stay', async () => {
    const departed = cardData({
      relationships: relationships({
        contacts: [contact({ departure: { leftAt: Date.UTC(2026, 10, 20), replacedBy: null, reason: null } })],
      }),
    });
    const { find, findAll, maybeFindByTestId, waitFor, spy } = await renderCard(
      departed,
      { record_contact_departure: ok({}) },
      cardData(),
    );
    find(ToggleGroup, { name: 'relationships-view' }).trigger('onChange', 'table' as never);
    await waitFor(() => expect(findAll(Button, withText('Edit'))).toHaveLength(1));
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Button, withText('Tom Baker has not left: undo')).trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Text, 'departure-501')).toBeNull());
    expect(callsTo(spy, 'record_contact_departure')).toEqual([
      { ...caller, contactId: '501', left: false, actionId: expect.any(String) },
    ]);
  });

  it('keeps a refused stance change on screen with the message, and the old stance', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), {
      record_contact_stance: failed('KAM.CONTACT_NOT_AT_COMPANY', 'That contact is not associated with this company.'),
    });
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Select, { name: 'stance-501' }).trigger('onChange', 'enemy' as never);
    await waitFor(() =>
      expect(find(Alert, { title: 'The change was not saved' }).text).toContain('not associated with this company'),
    );
    expect(find(Select, { name: 'stance-501' }).props.value).toBe('ally');
    // Chosen again after the error, it is the same action: the function does not write it twice.
    find(Select, { name: 'stance-501' }).trigger('onChange', 'enemy' as never);
    await waitFor(() => expect(callsTo(spy, 'record_contact_stance')).toHaveLength(2));
    const [first, again] = callsTo(spy, 'record_contact_stance') as Array<{ actionId: string }>;
    expect(again!.actionId).toBe(first!.actionId);
  });

  it('shows which competitors the client also uses, how strongly, and our strengths and weaknesses', async () => {
    const { findByTestId } = await renderCard(cardData());
    const section = findByTestId(Flex, 'competition');
    expect(section.findAll(TableCell).map((c) => textBelow(c))).toEqual([
      'Grant & Co',
      'payroll, year-end audit',
      'Strong relationships',
    ]);
    expect(section.find(Tag).props.variant).toBe('error');
    expect(textBelow(section)).toContain('Our strengths' + 'Partner-level access to the CFO');
    expect(textBelow(section)).toContain('Our weaknesses' + 'Nobody of ours knows their IT team');
    expect(textBelow(section)).toContain('Recorded by Maria Lopez on');
  });

  it('saves edited competitors and points against the revision shown, one point a line', async () => {
    const { find, findByTestId, waitFor, spy } = await renderCard(cardData(), {
      save_competition: ok({ revision: 3 }),
    });
    find(Button, withText('Edit competitors and our position')).trigger('onClick');
    find(Button, withText('Add a competitor')).trigger('onClick');
    find(Input, { name: 'competitor-1-name' }).trigger('onChange', 'Brightline' as never);
    find(Input, { name: 'competitor-1-services' }).trigger('onChange', 'IT advisory' as never);
    find(Select, { name: 'competitor-1-strength' }).trigger('onChange', 'weak' as never);
    find(TextArea, { name: 'weaknesses' }).trigger('onChange', 'No one in IT\n\n  Fees seen as high  ' as never);
    find(Button, withText('Save')).trigger('onClick');
    await waitFor(() => expect(sectionLoads(spy, 'relationships')).toBe(2));
    const [sent] = callsTo(spy, 'save_competition') as Array<Record<string, unknown>>;
    expect(sent).toMatchObject({
      ...caller,
      baseRevision: 2,
      competition: {
        competitors: [
          { name: 'Grant & Co', services: 'payroll, year-end audit', relationshipStrength: 'strong' },
          { name: 'Brightline', services: 'IT advisory', relationshipStrength: 'weak' },
        ],
        strengths: ['Partner-level access to the CFO'],
        weaknesses: ['No one in IT', 'Fees seen as high'],
      },
    });
    expect(sent!.actionId).toEqual(expect.any(String));
    expect(findByTestId(Flex, 'competition').maybeFind(TextArea)).toBeNull();
  });

  it('keeps the competitors form open with the message when the save is refused', async () => {
    const { find, waitFor } = await renderCard(cardData(), {
      save_competition: failed('KAM.COMPETITION_CHANGED_ELSEWHERE', 'Someone else saved the competitors.'),
    });
    find(Button, withText('Edit competitors and our position')).trigger('onClick');
    find(Button, withText('Save')).trigger('onClick');
    await waitFor(() =>
      expect(find(Alert, { title: 'The competitors were not saved' }).text).toContain('Someone else saved'),
    );
    expect(find(TextArea, { name: 'strengths' }).props.value).toBe('Partner-level access to the CFO');
  });

  it("shows the client's latest survey score and trend per kind, naming who answered last", async () => {
    const at = Date.UTC(2026, 4, 4, 12);
    const card = await renderCard(cardData(), {}, cardData(), {
      ...ok(NO_SURVEYS),
      responsesRead: 5,
      surveys: [
        {
          kind: 'NPS',
          latest: { kind: 'NPS', value: 8, at, contactId: '502' },
          responses: 14,
          score: -42.9,
          trend: -66.7,
        },
        {
          kind: 'CSAT',
          latest: { kind: 'CSAT', value: 2, at, contactId: '502' },
          responses: 4,
          score: 1.5,
          trend: 0.5,
        },
        { kind: 'CES', latest: { kind: 'CES', value: 6, at, contactId: '999' }, responses: 1, score: 6, trend: null },
      ],
    });
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'satisfaction-NPS')).not.toBeNull());
    // Each figure on the scale HubSpot's survey of its kind answers on; below zero with a true minus sign.
    expect(card.findByTestId(Text, 'satisfaction-NPS').text).toBe(
      'Net Promoter Score: −42.9 (from −100 to 100) over the last year (14 answers); the last half-year 66.7 lower than the half-year before. Latest 8 out of 10 from Ann Lee on 4 May 2026.',
    );
    expect(card.findByTestId(Text, 'satisfaction-CSAT').text).toBe(
      'Customer satisfaction: 1.5 out of 2 over the last year (4 answers); the last half-year 0.5 higher than the half-year before. Latest 2 out of 2 from Ann Lee on 4 May 2026.',
    );
    expect(card.findByTestId(Text, 'satisfaction-CES').text).toBe(
      'Customer effort: 6 out of 7 over the last year (1 answer). Latest 6 out of 7 from a contact on 4 May 2026.',
    );
    expect(callsTo(card.spy, 'client_satisfaction')).toEqual([caller]);
  });

  it('says how to start a survey when nobody at the client has answered one', async () => {
    const card = await renderCard(cardData());
    await card.waitFor(() =>
      expect(textBelow(card.findByTestId(Flex, 'satisfaction'))).toContain(
        'Nobody at Acme Ltd has answered a HubSpot survey yet',
      ),
    );
    expect(textBelow(card.findByTestId(Flex, 'satisfaction'))).toContain('Service > Feedback Surveys');
  });

  it('marks topics the function refused until they are retyped', async () => {
    const { find, findAll, waitFor } = await renderCard(cardData(), {
      record_contact_stance: failed('KAM.INVALID_PARAMETERS', 'Check the highlighted fields.', [
        { path: 'decisionTopics.0', message: 'cannot contain control characters' },
      ]),
    });
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Input, { name: 'topics' }).trigger('onChange', 'bud\u0007get' as never);
    find(Button, withText('Save topics')).trigger('onClick');
    await waitFor(() =>
      expect(find(Input, { name: 'topics' }).props).toMatchObject({
        error: true,
        validationMessage: 'cannot contain control characters',
      }),
    );
    expect(find(Alert, { title: 'The change was not saved' }).text).toContain('Fix the highlighted fields');
    find(Input, { name: 'topics' }).trigger('onChange', 'budget' as never);
    await waitFor(() => expect(find(Input, { name: 'topics' }).props.error).toBeUndefined());
  });

  it('saves the topics a contact decides on as a list', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(cardData(), { record_contact_stance: ok({}) });
    findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    find(Input, { name: 'topics' }).trigger('onChange', 'budget; IT suppliers ;' as never);
    find(Button, withText('Save topics')).trigger('onClick');
    await waitFor(() =>
      expect(callsTo(spy, 'record_contact_stance')).toEqual([
        { ...caller, contactId: '501', decisionTopics: ['budget', 'IT suppliers'], actionId: expect.any(String) },
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

  it('tells a manager in plain words what starting a plan begins from, naming the buttons as they read', async () => {
    const { find } = await renderCard(cardData({ plan: emptyPlan() }));
    const words = find(EmptyState)
      .findAll(Text)
      .map((t) => t.text)
      .join(' ');
    expect(words).toContain('“Start the plan” to begin from six suggested rows');
    expect(words).toContain('filled in from HubSpot');
    expect(words).toContain('“Start with no metrics instead” for an empty plan');
    expect(words).not.toMatch(/SMART|template|from none/);
  });

  it('does not tell a viewer who may not edit the plan how to start one', async () => {
    const { find } = await renderCard(cardData({ plan: emptyPlan(), permissions: viewerPermissions() }));
    expect(find(EmptyState).maybeFind(Text, { testId: 'plan-start-hint' })).toBeNull();
  });

  it('tells a manager how to add objectives and targets to a saved plan that has none, and a viewer only that there are none', async () => {
    const { plan } = cardData();
    const bare = { ...plan, objectives: [], quarterlyTargets: { ...plan.quarterlyTargets, rows: [] } };
    const manager = await renderCard(cardData({ plan: bare }));
    expect(manager.findByTestId(Text, 'no-objectives').text).toBe(
      'No SMART objectives yet: add them with “Edit the plan”, each with who owns it and when it is due.',
    );
    expect(manager.findByTestId(Text, 'no-targets').text).toBe(
      'No quarterly targets yet: add the metrics to track with “Edit the plan”, from the account-plan template or your own.',
    );
    const viewer = await renderCard(cardData({ plan: bare, permissions: viewerPermissions() }));
    expect(viewer.findByTestId(Text, 'no-objectives').text).toBe('No SMART objectives yet.');
    expect(viewer.findByTestId(Text, 'no-targets').text).toBe('No quarterly targets yet.');
  });

  it("marks an open objective overdue only once its day has gone by the portal's calendar", async () => {
    // Read at 6 pm in London on 24 Nov 2026; a picked day is stored at noon UTC.
    const evening = Date.UTC(2026, 10, 24, 18);
    const { plan } = cardData();
    const objectives = [
      objective({ objectiveKey: 'today', dueAt: Date.UTC(2026, 10, 24, 12) }),
      objective({ objectiveKey: 'yesterday', dueAt: Date.UTC(2026, 10, 23, 12) }),
      objective({ objectiveKey: 'done', dueAt: Date.UTC(2026, 10, 23, 12), status: 'achieved' }),
    ];
    const { findAll } = await renderCard(cardData({ readAt: evening, plan: { ...plan, objectives } }));
    expect(findAll(StatusTag).map((t) => t.text)).toEqual(expect.arrayContaining(['Open', 'Overdue', 'Achieved']));
    expect(findAll(StatusTag).filter((t) => t.text === 'Overdue')).toHaveLength(1);
  });

  it('keys the grid as actual of target only where a target is set', async () => {
    const keyOf = async (rows: Array<ReturnType<typeof targetRow>>) => {
      const { plan } = cardData();
      const withRows = { ...plan!, quarterlyTargets: { ...plan!.quarterlyTargets, rows } };
      const { findByTestId } = await renderCard(cardData({ plan: withRows }));
      return findByTestId(Text, 'grid-key').text;
    };
    const noTarget = { Q1: null, Q2: null, Q3: null, Q4: null };
    expect(await keyOf([targetRow()])).toBe('Fiscal year 2026 (from 1 Jan 2026) · actual of target');
    expect(await keyOf([targetRow({ targets: noTarget })])).toBe(
      'Fiscal year 2026 (from 1 Jan 2026) · actuals so far: no targets set yet',
    );
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
    expect(find(BarChart).props.options?.title).toBe('Meetings per quarter: target and actual');
    expect(find(BarChart).props.axes.options?.colors).toEqual({ Target: 'orange', Actual: 'aqua' });
  });

  it("names beside a row that runs from the plan year's start the period its figures cover, as the quarterly report does", async () => {
    const base = cardData();
    const rows = [
      targetRow({
        metric: 'income_increase',
        label: 'Increase in income over last year',
        unit: 'currency',
        measure: 'year_to_date',
        targets: { Q1: 15_000, Q2: 117_000, Q3: null, Q4: null },
        actuals: { Q1: 20_000, Q2: 258_727, Q3: null, Q4: null },
      }),
      targetRow({ metric: 'enemies_and_protesters', label: 'Enemies and protesters', measure: 'change' }),
      targetRow(),
    ];
    const { findAll, find } = await renderCard(
      cardData({ plan: { ...base.plan, quarterlyTargets: { ...base.plan.quarterlyTargets, rows } } }),
    );
    const names = findAll(TableRow)
      .map((row) => row.findAll(TableCell)[0]?.text)
      .filter((name) => name !== undefined);
    expect(names).toEqual(
      expect.arrayContaining([
        'Increase in income over last year (year to date)',
        'Enemies and protesters (change since the plan year began)',
        'Meetings per quarter',
      ]),
    );
    expect(find(Select, { name: 'chartedMetric' }).props.options.map((o) => o.label)).toEqual([
      'Increase in income over last year (year to date)',
      'Enemies and protesters (change since the plan year began)',
      'Meetings per quarter',
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

  it('reads the plan saved meanwhile again when asked, so the next edit starts from it rather than being refused again', async () => {
    const theirs = cardData({ plan: { ...cardData().plan, revision: 5, businessObjective: 'Their new objective' } });
    const { find, findAll, waitFor, spy } = await renderCard(
      cardData(),
      {
        save_account_plan: failed(
          'KAM.PLAN_CHANGED_ELSEWHERE',
          'Someone else saved this plan while you were editing. Reload the plan, then make your changes again.',
        ),
      },
      theirs,
    );
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(find(Button, withText('Reload the plan'))).toBeDefined());
    find(Button, withText('Reload the plan')).trigger('onClick');
    await waitFor(() => expect(findAll(Text).map((t) => t.text)).toContain('Their new objective'));
    expect(sectionLoads(spy, 'plan')).toBe(2);

    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'save_account_plan')).toHaveLength(2));
    expect(callsTo(spy, 'save_account_plan')[1]).toMatchObject({ baseRevision: 5 });
  });

  it('reads the plan again when the editor is cancelled after someone else saved first', async () => {
    const { find, findAll, waitFor, spy } = await renderCard(
      cardData(),
      {
        save_account_plan: failed('KAM.PLAN_CHANGED_ELSEWHERE', 'Someone else saved this plan while you were editing.'),
      },
      cardData({ plan: { ...cardData().plan, revision: 5, businessObjective: 'Their new objective' } }),
    );
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Cancel')).trigger('onClick');
    expect(sectionLoads(spy, 'plan')).toBe(1);
    find(Button, withText('Edit the plan')).trigger('onClick');
    find(Button, withText('Save the plan')).trigger('onClick');
    await waitFor(() => expect(find(Alert, { title: 'The plan was not saved' })).toBeDefined());
    find(Button, withText('Cancel')).trigger('onClick');
    await waitFor(() => expect(findAll(Text).map((t) => t.text)).toContain('Their new objective'));
    expect(sectionLoads(spy, 'plan')).toBe(2);
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
        '19 Nov 2026',
        'Plan updated',
        'Added the tax objective',
      ]),
    );
  });

  it('words the evidence of each change as people say it: roles by label, parent companies by name', async () => {
    const triggered = [
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
        '19 Nov 2026 · Buying roles: none → Influencer, Budget holder',
        '19 Nov 2026 · Client strategy: “Grow in Europe” → “Sell the European arm to a competitor and invest the procee…”',
      ]),
    );
    // The objective's sentence names the change: the line under it is its date alone.
    expect(findAll(Text).map((t) => t.text)).not.toContain('19 Nov 2026 · Objective: Achieved');
  });

  it('marks an overdue review', async () => {
    const { findAll } = await renderCard(
      cardData({ reviews: reviews({ status: 'overdue', nextDueAt: Date.UTC(2026, 10, 1) }) }),
    );
    expect(findAll(StatusTag, { variant: 'danger' }).map((t) => t.text)).toContain('Overdue');
  });

  it('logs a triggered review whose outcomes each have their own words, owner and due date, then shows each under its heading', async () => {
    const owner = cardData().owners[0]!;
    const due = Date.UTC(2026, 11, 15, 12);
    const logged = cardData({
      reviews: reviews({
        history: [
          {
            ...reviews().history[0]!,
            reviewId: 'rev-2',
            kind: 'triggered',
            outcomes: ['celebrate', 'escalate'],
            summary: 'Meet the new CFO',
            actions: [
              {
                outcome: 'celebrate',
                text: 'Thank Dan for the renewal',
                owner: { userId: owner.userId, ownerId: owner.ownerId, name: owner.name },
                dueAt: due,
                taskId: '9001',
              },
              {
                outcome: 'escalate',
                text: 'The new CFO may bring her own suppliers',
                owner: { userId: owner.userId, ownerId: owner.ownerId, name: owner.name },
                dueAt: due,
                taskId: '9002',
              },
            ],
          },
        ],
      }),
    });
    const { find, findAll, findByTestId, waitFor, spy } = await renderCard(
      cardData({ reviews: reviews({ triggered: [trigger()] }) }),
      { log_review: ok({ tasks: TASKS_SYNCED }) },
      logged,
    );
    find(Button, withText('Log a review…')).trigger('onClick');
    find(TextArea, { name: 'summary' }).trigger('onChange', 'Meet the new CFO' as never);
    find(Button, withText('Add an outcome')).trigger('onClick');
    find(Button, withText('Add an outcome')).trigger('onClick');
    find(Select, { name: 'action-0-outcome' }).trigger('onChange', 'celebrate' as never);
    find(TextArea, { name: 'action-0-text' }).trigger('onChange', 'Thank Dan for the renewal' as never);
    find(DateInput, { name: 'action-0-due' }).trigger('onChange', { year: 2026, month: 11, date: 15 } as never);
    find(Select, { name: 'action-0-owner' }).trigger('onChange', owner.ownerId as never);
    find(Select, { name: 'action-1-owner' }).trigger('onChange', owner.ownerId as never);
    find(Select, { name: 'action-1-outcome' }).trigger('onChange', 'escalate' as never);
    find(TextArea, { name: 'action-1-text' }).trigger('onChange', 'The new CFO may bring her own suppliers' as never);
    // Not before every outcome has its date: pressing Log says which one lacks it, and sends nothing.
    find(Button, withText('Log the review')).trigger('onClick');
    expect(find(DateInput, { name: 'action-1-due' }).props.validationMessage).toBe('pick when it is due');
    expect(callsTo(spy, 'log_review')).toEqual([]);
    find(DateInput, { name: 'action-1-due' }).trigger('onChange', { year: 2026, month: 11, date: 15 } as never);
    find(Button, withText('Log the review')).trigger('onClick');
    await waitFor(() => expect(findAll(Text).map((t) => t.text)).toContain('Meet the new CFO'));
    expect(callsTo(spy, 'log_review')).toEqual([
      {
        ...caller,
        kind: 'triggered',
        outcomes: [],
        actions: [
          { outcome: 'celebrate', text: 'Thank Dan for the renewal', ownerId: owner.ownerId, dueAt: due },
          { outcome: 'escalate', text: 'The new CFO may bring her own suppliers', ownerId: owner.ownerId, dueAt: due },
        ],
        summary: 'Meet the new CFO',
        triggers: [trigger()],
        // The press's own id: a retry of the same review sends it again.
        actionId: expect.any(String),
      },
    ]);
    expect(findByTestId(Text, 'review-action-rev-2-escalate-0').text).toBe(
      `The new CFO may bring her own suppliers (${owner.name}, due 15 Dec 2026)`,
    );
    expect(findAll(Text).map((t) => t.text)).toEqual(
      expect.arrayContaining(['Achievements to celebrate', 'Threats to escalate']),
    );
  });

  it('records an event HubSpot cannot see, with what happened, when and what it means', async () => {
    const { find, spy } = await renderCard(cardData(), { record_review_event: ok({ trigger: trigger() }) });
    find(Button, withText('Record an event…')).trigger('onClick');
    find(Select, { name: 'eventKind' }).trigger('onChange', 'supply_chain_changed' as never);
    find(DateInput, { name: 'eventAt' }).trigger('onChange', { year: 2026, month: 10, date: 2 } as never);
    find(TextArea, { name: 'eventNote' }).trigger('onChange', 'They outsourced purchasing to Procura' as never);
    find(Button, withText('Record the event')).trigger('onClick');
    // Recording closes the form before the section reloads, so poll rather than wait for a render.
    await vi.waitFor(() => expect(sectionLoads(spy, 'reviews')).toBe(2));
    expect(callsTo(spy, 'record_review_event')).toEqual([
      {
        ...caller,
        kind: 'supply_chain_changed',
        at: Date.UTC(2026, 10, 2, 12),
        note: 'They outsourced purchasing to Procura',
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

  it('takes the decision as it is typed, before the box loses focus', async () => {
    const { find, waitFor, spy } = await renderCard(cardData(), { log_review: ok({ tasks: TASKS_SYNCED }) });
    find(Button, withText('Log a review…')).trigger('onClick');
    find(TextArea, { name: 'summary' }).trigger('onInput', 'Renew' as never);
    find(Button, withText('Log the review')).trigger('onClick');
    await waitFor(() => expect(callsTo(spy, 'log_review')).toMatchObject([{ summary: 'Renew' }]));
  });
});

describe('the tab for someone who may not edit', () => {
  it('shows everything read-only with the reason, and no edit controls', async () => {
    const { find, findAll, maybeFind } = await renderCard(
      cardData({ permissions: viewerPermissions(), reviews: reviews({ triggered: [trigger()] }) }),
    );
    expect(findAll(Text).filter((t) => t.text === viewerPermissions().readOnlyReason)).toHaveLength(4);
    expect(findAll(Button).map((b) => b.text)).toEqual([]);
    expect(maybeFind(Select, { name: 'stance-501' })).toBeNull();
    // On Relationships the reason comes above the people, not under the competitors at the end.
    const toggle = find(ToggleGroup, { name: 'relationships-view' });
    const isToggle = (node: unknown) => node === toggle;
    const siblings = findAll(Flex).find((f) => f.childNodes.some(isToggle))!.childNodes;
    const reasonAt = siblings.findIndex((n) => 'text' in n && n.text === viewerPermissions().readOnlyReason);
    expect(reasonAt).toBeGreaterThanOrEqual(0);
    expect(reasonAt).toBeLessThan(siblings.findIndex(isToggle));
    expect(findAll(Tag).map((t) => t.text)).toContain('Ally');
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
    find(Input, { name: 'reason' }).trigger('onChange', 'Biggest growth potential' as never);
    find(Button, withText('Set to key account')).trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'status-change')).toBeTruthy());
    find(Button, withText('End key account status…')).trigger('onClick');
    expect(find(Select, { name: 'status' }).props.value).toBe('former');
    expect(find(Input, { name: 'reason' }).props.value).toBe('');
  });

  it('keeps the select and the button on one status when the form was opened before the new status came', async () => {
    const candidate = keyAccount({ status: 'candidate', score: { ...notKeyYet().score, suggestedStatus: 'none' } });
    const dropped = keyAccount({ status: 'none', score: { ...notKeyYet().score, suggestedStatus: 'none' } });
    const reloaded = deferred<unknown>();
    // Answers follow the change, not a count of calls, so no other read can take the candidate's answer.
    let untagged = false;
    let reloading = false;
    serveFunctions({
      card_section: () => {
        if (!untagged) return sectionOf(ok(cardData({ keyAccount: candidate })), 'status');
        reloading = true;
        return reloaded.promise;
      },
      untag_key_account: () => {
        untagged = true;
        return ok({ tasks: TASKS_SYNCED });
      },
    });
    const { find, findAll, render, waitFor, maybeFind } = renderer('crm.record.tab');
    render(<KeyAccountCard />);
    await waitFor(() => expect(maybeFind(LoadingSpinner)).toBeNull());
    find(Button, withText('Change status…')).trigger('onClick');
    find(Input, { name: 'reason' }).trigger('onInput', 'No longer a fit' as never);
    find(Button, withText('Set to not a key account')).trigger('onClick');
    await waitFor(() => expect(reloading).toBe(true));
    // The candidate stays on screen while the new status loads, and the form opens on it again.
    find(Button, withText('Change status…')).trigger('onClick');
    reloaded.resolve(sectionOf(ok(cardData({ keyAccount: dropped })), 'status'));
    await waitFor(() => expect(findAll(StatusTag).map((t) => t.text)).toContain('Not a key account'));
    const select = find(Select, { name: 'status' });
    const shown = select.props.options.find((o) => o.value === select.props.value)?.label;
    expect(shown).toBe('Key account');
    expect(findAll(Button).map((b) => b.text)).toContain(`Set to ${shown!.toLowerCase()}`);
  });
});
