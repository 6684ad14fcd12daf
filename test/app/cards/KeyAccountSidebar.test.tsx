import { Button, DescriptionListItem, ErrorState, LoadingSpinner, StatusTag, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountSidebar } from '../../../src/app/cards/KeyAccountSidebar.tsx';
import type { CardData } from '../../../src/contracts/index.ts';
import {
  callsTo,
  cardData,
  COMPANY_ID,
  failed,
  notKeyYet,
  ok,
  relationships,
  renderer,
  reviews,
  serveFunctions,
  trigger,
  USER_ID,
  withText,
} from '../ui/test-utils.ts';

afterEach(() => vi.restoreAllMocks());

async function renderSidebar(data: CardData) {
  const spy = serveFunctions({ card_data: ok(data) });
  const sidebar = renderer('crm.record.sidebar');
  sidebar.render(<KeyAccountSidebar />);
  await sidebar.waitFor(() => expect(sidebar.maybeFind(LoadingSpinner)).toBeNull());
  return { ...sidebar, spy };
}

const glance = (find: ReturnType<typeof renderer>['find'], label: string) =>
  find(DescriptionListItem, { label }).find(Text).text;

describe('the key account sidebar', () => {
  it('shows status, score, coverage and the next review at a glance, from one card_data call', async () => {
    const { find, spy } = await renderSidebar(cardData());
    expect(find(StatusTag).text).toBe('Key account');
    expect(glance(find, 'Score')).toBe('78 of 100');
    expect(glance(find, 'Relationship coverage')).toBe('64 of 100');
    expect(glance(find, 'Next review')).toBe('4 Dec 2026 · Upcoming');
    // The portal id (the renderer's mock portal, 123) lets card_data skip reading the schemas.
    expect(callsTo(spy, 'card_data')).toEqual([{ userId: USER_ID, companyId: COMPANY_ID, portalId: 123 }]);
  });

  it('reloads when HubSpot says the record changed (as the tab card does after an action)', async () => {
    const spy = serveFunctions({
      card_data: vi
        .fn()
        .mockReturnValueOnce(ok(cardData({ keyAccount: notKeyYet() })))
        .mockReturnValue(ok(cardData())),
    });
    const sidebar = renderer('crm.record.sidebar');
    sidebar.render(<KeyAccountSidebar />);
    await sidebar.waitFor(() => expect(sidebar.find(StatusTag).text).toBe('Not a key account'));
    const [subscription] = sidebar.mocks.actions.onCrmPropertiesUpdate.calls as unknown as Array<[string, () => void]>;
    const [properties, onChange] = subscription!;
    expect(properties).toBe('*');
    onChange();
    await sidebar.waitFor(() => expect(sidebar.find(StatusTag).text).toBe('Key account'));
    expect(callsTo(spy, 'card_data')).toHaveLength(2);
  });

  it('says why no review is scheduled for an account without a plan', async () => {
    const { find } = await renderSidebar(cardData({ reviews: reviews({ nextDueAt: null, status: 'not_scheduled' }) }));
    expect(glance(find, 'Next review')).toBe('Not scheduled: no plan yet');
  });

  it('names an overdue review as the top risk first', async () => {
    const data = cardData({
      reviews: reviews({ status: 'overdue', nextDueAt: Date.UTC(2026, 10, 14, 12) }),
      relationships: relationships({
        coverage: {
          score: 30,
          reasons: [],
          warnings: [{ kind: 'single_threaded', message: 'Only Tom Baker hears from us', contactIds: ['501'] }],
        },
      }),
    });
    const { find } = await renderSidebar(data);
    expect(glance(find, 'Top risk')).toBe('The account review is overdue (was due 10 days ago).');
  });

  it('prefers a departed key contact over other relationship warnings', async () => {
    const data = cardData({
      relationships: relationships({
        coverage: {
          score: 30,
          reasons: [],
          warnings: [
            { kind: 'single_threaded', message: 'Only Tom Baker hears from us', contactIds: ['501'] },
            { kind: 'departed_key_contacts', message: 'Tom Baker has left Acme', contactIds: ['501'] },
          ],
        },
      }),
    });
    const { find } = await renderSidebar(data);
    expect(glance(find, 'Top risk')).toBe('Tom Baker has left Acme');
  });

  it('falls back to a change that calls for a review, and says so when nothing stands out', async () => {
    expect(
      glance((await renderSidebar(cardData({ reviews: reviews({ triggered: [trigger()] }) }))).find, 'Top risk'),
    ).toBe('Tom Baker changed title from CFO to Board adviser: a review is called for.');
    vi.restoreAllMocks();
    expect(glance((await renderSidebar(cardData())).find, 'Top risk')).toBe('Nothing stands out');
  });

  it('tells a company that is not a key account what would qualify it, and one without contacts that it has none', async () => {
    const { find, findByTestId } = await renderSidebar(
      cardData({ keyAccount: notKeyYet(), relationships: relationships({ contacts: [] }) }),
    );
    expect(find(StatusTag).text).toBe('Not a key account');
    expect(findByTestId(Text, 'qualify-hint').text).toContain('from a score of 50');
    expect(glance(find, 'Relationship coverage')).toBe('No contacts yet');
  });

  it("shows the function's message with a retry when card_data fails", async () => {
    const spy = serveFunctions({
      card_data: vi
        .fn()
        .mockReturnValueOnce(failed('KAM.HUBSPOT_UNAVAILABLE', 'HubSpot did not respond.'))
        .mockReturnValue(ok(cardData())),
    });
    const { render, find, waitFor } = renderer('crm.record.sidebar');
    render(<KeyAccountSidebar />);
    await waitFor(() => expect(find(ErrorState).find(Text).text).toBe('HubSpot did not respond.'));
    find(Button, withText('Try again')).trigger('onClick');
    await waitFor(() => expect(find(StatusTag).text).toBe('Key account'));
    expect(callsTo(spy, 'card_data')).toHaveLength(2);
  });
});
