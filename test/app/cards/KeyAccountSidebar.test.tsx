import {
  Button,
  DescriptionListItem,
  ErrorState,
  hubspot,
  LoadingSpinner,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyAccountSidebar } from '../../../src/app/cards/KeyAccountSidebar.tsx';
import { ACCOUNT_SUMMARY_PROPERTY as P } from '../../../src/contracts/account-summary.ts';
import { DAY, NOW, renderer, withText } from '../ui/test-utils.ts';

// The sidebar reads what is stored on the company with HubSpot's CRM data hook, in the user's own
// session: the test renderer's mock of useCrmProperties stands in for HubSpot's answer.

type Stored = Partial<Record<(typeof P)[keyof typeof P], string>>;

const KEY_ACCOUNT: Stored = {
  [P.status]: 'key',
  [P.score]: '78.4',
  [P.suggestedStatus]: 'key',
  [P.scoredAt]: new Date(NOW - 2 * DAY).toISOString(),
  [P.coverageScore]: '64',
  [P.topRisk]: 'Only Tom Baker at this client has heard from us in the last 90 days.',
  [P.coverageScoredAt]: new Date(NOW - DAY).toISOString(),
  [P.nextReviewDue]: new Date(Date.UTC(2026, 11, 4, 12)).toISOString(),
};

// The sidebar asks the browser's clock whether the review is past due: the test's clock is the fixtures'.
beforeEach(() => vi.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => vi.restoreAllMocks());

function renderSidebar(stored: Stored, refetch: () => Promise<void> = async () => undefined) {
  const serverless = vi.spyOn(hubspot, 'serverless');
  const sidebar = renderer('crm.record.sidebar');
  const asked: string[][] = [];
  sidebar.mocks.useCrmProperties.willCall((names) => {
    asked.push([...names]);
    return {
      properties: Object.fromEntries(names.map((name) => [name, stored[name as keyof Stored] ?? null])),
      error: null,
      isLoading: false,
      isRefetching: false,
      refetch,
    };
  });
  sidebar.render(<KeyAccountSidebar />);
  return { ...sidebar, serverless, asked };
}

const glance = (find: ReturnType<typeof renderer>['find'], label: string) =>
  find(DescriptionListItem, { label }).find(Text).text;

describe('the key account sidebar', () => {
  it('shows status, score, coverage and the next review from the company record, and calls no app function', () => {
    const { find, findByTestId, serverless, asked } = renderSidebar(KEY_ACCOUNT);
    expect(find(StatusTag).text).toBe('Key account');
    expect(glance(find, 'Score')).toBe('78 of 100');
    expect(glance(find, 'Relationship coverage')).toBe('64 of 100');
    expect(glance(find, 'Next review')).toBe('4 Dec 2026 · Upcoming');
    expect(glance(find, 'Top risk')).toBe('Only Tom Baker at this client has heard from us in the last 90 days.');
    expect(findByTestId(Text, 'computed-at').text).toBe(
      'As of the last change: scored 22 Nov 2026, coverage weighed 23 Nov 2026.',
    );
    expect(serverless).not.toHaveBeenCalled();
    expect(new Set(asked.flat())).toEqual(new Set(Object.values(P)));
  });

  it('reads the record again when HubSpot says it changed (as the tab card does after an action)', async () => {
    let refetched = 0;
    const { mocks } = renderSidebar(KEY_ACCOUNT, async () => {
      refetched += 1;
    });
    // HubSpot's test renderer runs effects after render: vitest's waitFor lets them run.
    await vi.waitFor(() => expect(mocks.actions.onCrmPropertiesUpdate.calls).toHaveLength(1));
    const [subscription] = mocks.actions.onCrmPropertiesUpdate.calls as unknown as Array<[string, () => void]>;
    const [properties, onChange] = subscription!;
    expect(properties).toBe('*');
    onChange();
    expect(refetched).toBe(1);
  });

  it('says why no review is scheduled for an account without a plan, and what was never weighed', () => {
    const { find, findByTestId } = renderSidebar({ [P.status]: 'key' });
    expect(glance(find, 'Next review')).toBe('Not scheduled: no plan yet');
    expect(glance(find, 'Score')).toBe('Not scored yet');
    expect(glance(find, 'Relationship coverage')).toBe('Not weighed yet: the next recalculation weighs it');
    expect(glance(find, 'Top risk')).toBe('Not known: the Key account tab weighs its relationships');
    expect(findByTestId(Text, 'computed-at').text).toBe('Open the Key account tab for the details.');
  });

  it('says that coverage is weighed for key accounts and candidates only, and that a weighed account has no risk', () => {
    const ordinary = renderSidebar({ [P.status]: 'none', [P.suggestedStatus]: 'none' });
    expect(glance(ordinary.find, 'Relationship coverage')).toBe(
      'Weighed for key accounts and candidates only: the Key account tab shows it',
    );
    const suggested = renderSidebar({ [P.status]: 'none', [P.suggestedStatus]: 'candidate' });
    expect(glance(suggested.find, 'Relationship coverage')).toBe('Not weighed yet: the next recalculation weighs it');
    const weighed = renderSidebar({ [P.status]: 'key', [P.coverageScore]: '80' });
    expect(glance(weighed.find, 'Top risk')).toBe('Nothing stands out');
  });

  it('shows a company outside the key accounts out of the review cycle, whatever review date it kept', () => {
    const { find } = renderSidebar({ [P.status]: 'former', [P.nextReviewDue]: new Date(NOW - 10 * DAY).toISOString() });
    expect(glance(find, 'Next review')).toBe('None: not a key account');
    expect(glance(find, 'Top risk')).toBe('Not known: the Key account tab weighs its relationships');
  });

  it('names a review past due as the top risk first', () => {
    const { find } = renderSidebar({ ...KEY_ACCOUNT, [P.nextReviewDue]: new Date(NOW - 3 * DAY).toISOString() });
    expect(glance(find, 'Top risk')).toBe('The account review is due (was due 3 days ago).');
    expect(glance(find, 'Next review')).toBe('21 Nov 2026 · Due');
  });

  it('says a review falling due today is due today, not that it was', () => {
    const { find } = renderSidebar({ ...KEY_ACCOUNT, [P.nextReviewDue]: new Date(NOW - 60_000).toISOString() });
    expect(glance(find, 'Top risk')).toBe('The account review is due today.');
    expect(glance(find, 'Next review')).toBe('24 Nov 2026 · Due');
  });

  it("calls a review overdue once the portal's days of grace have passed, as the Reviews tab does", () => {
    const twelveDaysPast = { ...KEY_ACCOUNT, [P.nextReviewDue]: new Date(NOW - 12 * DAY).toISOString() };
    const overdue = renderSidebar({ ...twelveDaysPast, [P.reviewOverdueAfterDays]: '7' });
    expect(glance(overdue.find, 'Next review')).toBe('12 Nov 2026 · Overdue');
    expect(glance(overdue.find, 'Top risk')).toBe('The account review is overdue (was due 12 days ago).');

    const withinGrace = renderSidebar({ ...twelveDaysPast, [P.reviewOverdueAfterDays]: '14' });
    expect(glance(withinGrace.find, 'Next review')).toBe('12 Nov 2026 · Due');
  });

  it('judges a review date stored without its days of grace by the default days of grace', () => {
    const { find } = renderSidebar({ ...KEY_ACCOUNT, [P.nextReviewDue]: new Date(NOW - 8 * DAY).toISOString() });
    expect(glance(find, 'Next review')).toBe('16 Nov 2026 · Overdue');
  });

  it('tells a company that is not a key account what its score suggests', () => {
    const { find, findByTestId } = renderSidebar({
      ...KEY_ACCOUNT,
      [P.status]: 'none',
      [P.suggestedStatus]: 'candidate',
    });
    expect(find(StatusTag).text).toBe('Not a key account');
    expect(findByTestId(Text, 'qualify-hint').text).toBe('Its score suggests: Candidate.');
  });

  it('tells a candidate or key account whose score now suggests less so, and says nothing when the score agrees', () => {
    const hint = (status: string, suggested: string) =>
      renderSidebar({ ...KEY_ACCOUNT, [P.status]: status, [P.suggestedStatus]: suggested }).maybeFind(Text, {
        testId: 'qualify-hint',
      })?.text ?? null;
    expect(hint('candidate', 'none')).toBe('Its score suggests: Not a key account.');
    expect(hint('key', 'candidate')).toBe('Its score suggests: Candidate.');
    expect(hint('candidate', 'candidate')).toBeNull();
    expect(hint('key', 'key')).toBeNull();
    expect(hint('none', 'none')).toBeNull();
    // A former key account is out of the programme, where a score that suggests none puts it.
    expect(hint('former', 'none')).toBeNull();
    expect(hint('former', 'key')).toBe('Its score suggests: Key account.');
  });

  it('does not pass on a suggestion of "not a key account" that stands on too little data', () => {
    const hint = (enoughData: boolean | undefined) =>
      renderSidebar({
        ...KEY_ACCOUNT,
        [P.status]: 'candidate',
        [P.suggestedStatus]: 'none',
        [P.scoreBreakdown]: JSON.stringify({ completeness: 0.2, enoughData, missing: [], criteria: [] }),
      }).findByTestId(Text, 'qualify-hint').text;
    expect(hint(false)).toBe(
      'Too little of its data is known for its score to suggest a status: the Key account tab says what to fill in.',
    );
    expect(hint(true)).toBe('Its score suggests: Not a key account.');
    // Stored before the breakdown said so: the suggestion stands as stored.
    expect(hint(undefined)).toBe('Its score suggests: Not a key account.');
  });

  it('says a plain company scored on too little data is not known, rather than leaving its score bare', () => {
    const hint = (enoughData: boolean) =>
      renderSidebar({
        ...KEY_ACCOUNT,
        [P.status]: 'none',
        [P.score]: '0',
        [P.suggestedStatus]: 'none',
        [P.scoreBreakdown]: JSON.stringify({ completeness: 0.25, enoughData, missing: [], criteria: [] }),
      }).maybeFind(Text, { testId: 'qualify-hint' })?.text ?? null;
    expect(hint(false)).toBe(
      'Too little of its data is known for its score to suggest a status: the Key account tab says what to fill in.',
    );
    expect(hint(true)).toBeNull();
  });

  it("shows HubSpot's message with a retry when the record cannot be read, and a spinner while it loads", () => {
    const refetch = vi.fn(async () => undefined);
    const sidebar = renderer('crm.record.sidebar');
    sidebar.mocks.useCrmProperties.nextResult({
      properties: {},
      error: new Error('HubSpot did not respond.'),
      isLoading: false,
      isRefetching: false,
      refetch,
    });
    sidebar.render(<KeyAccountSidebar />);
    expect(sidebar.find(ErrorState).find(Text).text).toBe('HubSpot did not respond.');
    sidebar.find(Button, withText('Try again')).trigger('onClick');
    expect(refetch).toHaveBeenCalledTimes(1);

    const loading = renderer('crm.record.sidebar');
    loading.mocks.useCrmProperties.nextResult({
      properties: {},
      error: null,
      isLoading: true,
      isRefetching: false,
      refetch,
    });
    loading.render(<KeyAccountSidebar />);
    expect(loading.find(LoadingSpinner).props.label).toBe('Loading the key account…');
  });
});
