import { Button, Flex, List, LoadingSpinner, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../../src/app/cards/KeyAccountCard.tsx';
import type { CardData, KeyContact } from '../../../../src/contracts/index.ts';
import {
  callsTo,
  cardData,
  COMPANY_ID,
  contact,
  ok,
  openEverySection,
  relationships,
  renderer,
  serveChange,
  USER_ID,
  viewerPermissions,
  withText,
} from '../../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

/** All the text below a node, at any depth: a node's own `text` holds only its direct text. */
type Node = { text: string | null; childNodes?: readonly Node[] };
const textBelow = (node: Node): string =>
  node.childNodes ? node.childNodes.map(textBelow).join('') : (node.text ?? '');

/** The tab with card_data answering `first`, then `after` once a departure was recorded or undone. */
async function renderCard(first: CardData, after: CardData = first) {
  const spy = serveChange(
    { uid: 'card_data', before: first, after },
    { record_contact_departure: ok({}) },
    { client_satisfaction: ok({ companyId: COMPANY_ID, readAt: 0, surveys: [], responsesRead: 0 }) },
  );
  const card = renderer('crm.record.tab');
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  return { ...card, spy };
}

const imogen = contact({ contactId: '602', name: 'Imogen Price', jobTitle: 'Operations Director' });
const leo = (departure: KeyContact['departure']) =>
  contact({ contactId: '601', name: 'Leo Wright', jobTitle: 'Operations Director', departure });
const retired = {
  leftAt: Date.UTC(2026, 10, 20),
  replacedBy: { contactId: '602', name: 'Imogen Price' },
  reason: 'retired' as const,
};
const withContacts = (contacts: KeyContact[], overrides: Partial<CardData> = {}) =>
  cardData({ relationships: relationships({ contacts }), ...overrides });

describe('the relationship map and those who have left', () => {
  it('keeps a departed contact on the map, marked as left, in the words the table uses', async () => {
    const card = await renderCard(withContacts([imogen, leo(retired)]));
    const leoOnTheMap = card.findByTestId(Tile, 'map-person-601');
    expect(leoOnTheMap.findAll(Tag).map((t) => t.text)).toContain('Has left');
    expect(card.findByTestId(Text, 'map-departure-601').text).toBe('Retired on 20 Nov 2026, replaced by Imogen Price');
    // Off the chart itself: listed after it, under "Have left".
    expect(textBelow(card.findByTestId(Flex, 'map-departed'))).toMatch(/^Have left.*Leo Wright/);
  });

  it("offers a manager the table's undo of a departure from the map", async () => {
    const card = await renderCard(withContacts([imogen, leo(retired)]), withContacts([imogen, leo(null)]));
    card.findByTestId(Tile, 'map-person-601').find(Button, withText('Edit')).trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Button, withText('Leo Wright has not left: undo'))).not.toBeNull());
    card.find(Button, withText('Leo Wright has not left: undo')).trigger('onClick');
    await card.waitFor(() => expect(card.maybeFindByTestId(Flex, 'map-departed')).toBeNull());
    expect(callsTo(card.spy, 'record_contact_departure')).toEqual([
      { userId: USER_ID, companyId: COMPANY_ID, contactId: '601', left: false, actionId: expect.any(String) },
    ]);
  });

  it('offers no undo to someone who may not record departures', async () => {
    const card = await renderCard(withContacts([imogen, leo(retired)], { permissions: viewerPermissions() }));
    expect(card.findByTestId(Tile, 'map-person-601').maybeFind(Button, withText('Edit'))).toBeNull();
  });
});

describe('coverage findings', () => {
  it('titles each warning as its message speaks: nobody in touch, allies out of touch', async () => {
    const warnings = [
      {
        kind: 'out_of_touch' as const,
        message: 'Nobody at this client has heard from us in the last 90 days.',
        contactIds: [],
      },
      {
        kind: 'stale_allies' as const,
        message: 'Nobody of ours has ever been in touch with Imogen Price: who of ours will get to know them?',
        contactIds: ['602'],
      },
    ];
    const card = await renderCard(
      cardData({ relationships: relationships({ coverage: { score: 10, reasons: [], warnings } }) }),
    );
    const findings = textBelow(card.findByTestId(Flex, 'coverage-findings').find(List));
    expect(findings).toContain('Nobody in touch: Nobody at this client has heard from us in the last 90 days.');
    expect(findings).toContain('Allies out of touch: Nobody of ours has ever been in touch with Imogen Price');
    expect(findings).not.toContain('Single-threaded');
  });

  it("lists coverage's single-threaded warning and the map's finding of the same kind both, each once", async () => {
    const errors = vi.spyOn(console, 'error');
    const warnings = [
      {
        kind: 'single_threaded' as const,
        message: 'Only Imogen Price at this client has heard from us in the last 90 days.',
        contactIds: ['602'],
      },
    ];
    const card = await renderCard(
      cardData({
        relationships: relationships({ contacts: [imogen], coverage: { score: 10, reasons: [], warnings } }),
      }),
    );
    const findings = card.findByTestId(Flex, 'coverage-findings').find(List).findAll(Text).map(textBelow);
    expect(findings.filter((f) => f.startsWith('Single-threaded: Only Imogen Price'))).toHaveLength(1);
    expect(findings.filter((f) => f.startsWith('Held by one of our people only: Imogen Price'))).toHaveLength(1);
    expect(errors.mock.calls.flat().join(' ')).not.toContain('same key');
  });
});
