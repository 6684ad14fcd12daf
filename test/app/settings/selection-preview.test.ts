import { describe, expect, it } from 'vitest';
import { isScorable, previewSelection } from '../../../src/app/settings/selection-preview.ts';
import { companyFacts, settings } from '../ui/test-utils.ts';

// Facts at or above every "full score" level score 100; a company with no facts scores nothing.
const star = (companyId: string, revenue: number) =>
  companyFacts({
    companyId,
    revenueLast12Months: revenue,
    potentialRevenue: 500_000,
    totalSpendInOurArea: revenue * 10,
    marginPercent: 50,
    prestige: 10,
    strategicFit: 10,
    referralCount: 9,
  });
const unknown = (companyId: string, revenue: number | null) =>
  companyFacts({
    companyId,
    revenueLast12Months: revenue,
    potentialRevenue: null,
    marginPercent: null,
    prestige: null,
    strategicFit: null,
    referralCount: null,
  });

describe('the selection preview', () => {
  it('counts the companies the weights and thresholds would make key accounts, and their share of revenue', () => {
    const facts = [star('1', 300_000), star('2', 300_000), unknown('3', 400_000)];
    expect(previewSelection(facts, settings().selection)).toEqual({
      companies: 3,
      key: 2,
      candidates: 0,
      keyNow: 0,
      candidatesNow: 0,
      keyRevenueShare: 0.6,
      qualifyingRevenueShare: 0.6,
    });
  });

  it('moves with the thresholds: raised above every score nobody qualifies, lowered a company becomes a candidate', () => {
    const selection = settings().selection;
    const facts = [star('1', 300_000)];
    const withThresholds = (key: number, candidate: number) =>
      previewSelection(facts, { ...selection, thresholds: { ...selection.thresholds, key, candidate } });
    expect(withThresholds(70, 50)).toMatchObject({ key: 1, candidates: 0 });
    expect(withThresholds(100, 100)).toMatchObject({ key: 0, candidates: 0, qualifyingRevenueShare: 0 });
    expect(withThresholds(100, 90)).toMatchObject({ key: 0, candidates: 1, qualifyingRevenueShare: 1 });
  });

  it('counts by score whatever status each company has now, and how many of them hold that status already', () => {
    // The portfolio page counts statuses: the preview says how many of those it counts by score are tagged so.
    const facts = [
      { ...star('1', 300_000), status: 'key' as const },
      { ...star('2', 300_000), status: 'candidate' as const },
      { ...star('3', 300_000), status: 'former' as const },
    ];
    const selection = settings().selection;
    expect(previewSelection(facts, selection)).toMatchObject({ key: 3, keyNow: 1, candidates: 0, candidatesNow: 0 });
    const raised = { ...selection, thresholds: { ...selection.thresholds, key: 100, candidate: 90 } };
    expect(previewSelection(facts, raised)).toMatchObject({ key: 0, keyNow: 0, candidates: 3, candidatesNow: 1 });
  });

  it("previews with a new portal's defaults: a company known on purchases alone has enough data to qualify", () => {
    // Historic and potential purchases carry 5 of the 12 default weight points: above the default minimum of 40%.
    const partlyKnown = companyFacts({
      revenueLast12Months: 300_000,
      potentialRevenue: 500_000,
      marginPercent: null,
      prestige: null,
      strategicFit: null,
      referralCount: null,
    });
    expect(previewSelection([partlyKnown], settings().selection)).toMatchObject({ key: 1 });
  });

  it('has no revenue share when no company has known revenue', () => {
    expect(previewSelection([unknown('1', null)], settings().selection).keyRevenueShare).toBeNull();
  });
});

describe('whether the form can be previewed', () => {
  it('needs every weight and threshold to be a number', () => {
    const selection = settings().selection;
    expect(isScorable(selection)).toBe(true);
    expect(isScorable({ ...selection, weights: { ...selection.weights, prestige: Number.NaN } })).toBe(false);
  });

  it('needs one weight above zero and the candidate threshold at or below the key threshold', () => {
    const selection = settings().selection;
    const zero = Object.fromEntries(Object.keys(selection.weights).map((k) => [k, 0])) as typeof selection.weights;
    expect(isScorable({ ...selection, weights: zero })).toBe(false);
    expect(isScorable({ ...selection, thresholds: { ...selection.thresholds, candidate: 80, key: 70 } })).toBe(false);
  });

  it('previews only what saving would accept: no negative weight, no score beyond 100', () => {
    const selection = settings().selection;
    expect(isScorable({ ...selection, weights: { ...selection.weights, prestige: -3 } })).toBe(false);
    expect(isScorable({ ...selection, thresholds: { ...selection.thresholds, key: 150 } })).toBe(false);
  });
});
