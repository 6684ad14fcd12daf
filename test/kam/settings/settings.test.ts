import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  parseSettings,
  SETTINGS_VERSION,
  settingsSchema,
  type Settings,
} from '../../../src/kam/settings/index.ts';
import { REVIEW_CADENCES, reviewCadenceSchema, type Validated } from '../../../src/kam/shared/index.ts';

function parsed(input: unknown): Settings {
  const result = parseSettings(input);
  if (!result.success) throw new Error(`expected valid settings, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

function errorsOf(result: Validated<unknown>) {
  if (result.success) throw new Error('expected the settings to be rejected');
  return result.errors;
}

describe('settings defaults', () => {
  it('parses an empty document to the current version with every section filled in', () => {
    const settings = parsed({});
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.selection.thresholds.key).toBeGreaterThanOrEqual(settings.selection.thresholds.candidate);
    expect(Object.values(settings.selection.weights).some((w) => w > 0)).toBe(true);
    expect(settings.reviews.defaultCadence).toBe('quarterly');
    expect(settings.coverage.staleAfterDays).toBeGreaterThan(0);
    expect(settings.access).toEqual({ managerTeamIds: [], managerUserIds: [], adminUserIds: [] });
    expect(settings.hubspotSync).toEqual({ syncTargetAccountFlag: true, writeIcpTier: true });
    expect(settings.fiscalYearStartMonth).toBe(1);
  });

  it('gives the same configuration from defaultSettings() as from parsing {}', () => {
    expect(defaultSettings()).toEqual(parsed({}));
  });

  it('keeps the defaults of the weights an admin did not touch', () => {
    const settings = parsed({ selection: { weights: { prestige: 9 } } });
    expect(settings.selection.weights.prestige).toBe(9);
    expect(settings.selection.weights.historicPurchases).toBe(defaultSettings().selection.weights.historicPurchases);
  });

  it('round-trips: parsing parsed settings changes nothing', () => {
    const settings = parsed({
      selection: { thresholds: { key: 80, candidate: 60 } },
      access: { adminUserIds: ['123'] },
    });
    expect(parsed(settings)).toEqual(settings);
  });
});

describe('settings validation', () => {
  it('rejects a negative weight with its path', () => {
    expect(errorsOf(parseSettings({ selection: { weights: { prestige: -1 } } }))).toEqual([
      { path: 'selection.weights.prestige', message: 'Weights run from 0 to 100' },
    ]);
  });

  it('rejects weights that are all zero', () => {
    const zero = {
      historicPurchases: 0,
      potentialPurchases: 0,
      shareOfWallet: 0,
      profitability: 0,
      prestige: 0,
      advocacy: 0,
      strategicFit: 0,
    };
    expect(errorsOf(parseSettings({ selection: { weights: zero } }))).toEqual([
      { path: 'selection.weights', message: 'At least one selection criterion needs a weight above 0' },
    ]);
  });

  it('rejects a candidate threshold above the key threshold', () => {
    // In the settings page's words, beside both fields.
    const message = '"Candidate from score" (60) cannot be above "Key account from score" (40)';
    expect(errorsOf(parseSettings({ selection: { thresholds: { key: 40, candidate: 60 } } }))).toEqual([
      { path: 'selection.thresholds.candidate', message },
      { path: 'selection.thresholds.key', message },
    ]);
  });

  it('accepts equal key and candidate thresholds', () => {
    expect(parseSettings({ selection: { thresholds: { key: 60, candidate: 60 } } }).success).toBe(true);
  });

  it('rejects ICP tier cut-offs out of order', () => {
    expect(
      errorsOf(parseSettings({ selection: { icpTierCutoffs: { tier_1: 50, tier_2: 60, tier_3: 10 } } })).map(
        (e) => e.path,
      ),
    ).toEqual(['selection.icpTierCutoffs.tier_1', 'selection.icpTierCutoffs.tier_2']);
    expect(errorsOf(parseSettings({ selection: { icpTierCutoffs: { tier_1: 30, tier_2: 55, tier_3: 10 } } }))).toEqual([
      {
        path: 'selection.icpTierCutoffs.tier_1',
        message: '"Tier 2 from score" (55) cannot be above "Tier 1 from score" (30)',
      },
      {
        path: 'selection.icpTierCutoffs.tier_2',
        message: '"Tier 2 from score" (55) cannot be above "Tier 1 from score" (30)',
      },
    ]);
  });

  it('rejects a threshold above 100 and a fiscal month of 13, each with its path', () => {
    const paths = errorsOf(parseSettings({ selection: { thresholds: { key: 120 } }, fiscalYearStartMonth: 13 })).map(
      (e) => e.path,
    );
    expect(paths).toEqual(['selection.thresholds.key', 'fiscalYearStartMonth']);
  });

  it('rejects a contract warning share above 1, a negative overdue tolerance and a staleness of 0 days', () => {
    const paths = errorsOf(
      parseSettings({
        portfolio: { singleContractShareWarning: 1.5 },
        reviews: { overdueAfterDays: -1 },
        coverage: { staleAfterDays: 0 },
      }),
    ).map((e) => e.path);
    expect(paths).toEqual([
      'reviews.overdueAfterDays',
      'coverage.staleAfterDays',
      'portfolio.singleContractShareWarning',
    ]);
  });

  it("says the bounds of a number of days in the admin's words, for a part day as for one out of range", () => {
    const messages = errorsOf(
      parseSettings({ reviews: { overdueAfterDays: 100_000 }, coverage: { staleAfterDays: 2.5 } }),
    ).map((e) => e.message);
    expect(messages).toEqual(['Whole days from 0 to 365', 'Whole days from 1 to 730']);
  });

  it('rejects an unknown review cadence', () => {
    expect(errorsOf(parseSettings({ reviews: { defaultCadence: 'weekly' } })).map((e) => e.path)).toEqual([
      'reviews.defaultCadence',
    ]);
  });

  it('takes the review cadences from the one shared list, so a cadence added there is one settings accept', () => {
    expect(settingsSchema.shape.reviews.unwrap().shape.defaultCadence.unwrap()).toBe(reviewCadenceSchema);
    expect(
      REVIEW_CADENCES.map((cadence) => parsed({ reviews: { defaultCadence: cadence } }).reviews.defaultCadence),
    ).toEqual(REVIEW_CADENCES);
  });

  it('rejects HubSpot ids that are not digits', () => {
    expect(errorsOf(parseSettings({ access: { managerTeamIds: ['12', 'sales'] } }))).toEqual([
      { path: 'access.managerTeamIds.1', message: 'HubSpot ids are digits only' },
    ]);
  });

  it('rejects unknown fields so a typo does not silently fall back to a default', () => {
    expect(errorsOf(parseSettings({ selection: { wieghts: {} } }))).toEqual([
      { path: 'selection', message: expect.stringContaining('wieghts') },
    ]);
  });

  it('rejects an unknown version', () => {
    expect(errorsOf(parseSettings({ version: 7 }))).toEqual([
      { path: 'version', message: 'Unknown settings version 7; expected 1 or 2' },
    ]);
  });

  it('rejects something that is not a settings document', () => {
    expect(errorsOf(parseSettings('quarterly'))).toEqual([
      { path: '', message: expect.stringMatching(/expected object/) },
    ]);
  });
});

describe('migration from version 1', () => {
  const v1 = {
    version: 1,
    weights: { revenue: 5, potential: 3, profitability: 2, prestige: 1, referrals: 4, strategicFit: 2 },
    keyThreshold: 65,
    candidateThreshold: 45,
    revenueForFullScore: 100_000,
    reviewCadence: 'monthly',
    staleContactDays: 60,
    managerUserIds: ['42'],
    syncTargetAccount: false,
  };

  it('carries every version 1 setting to its place in the current version', () => {
    const settings = parsed(v1);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.selection.weights).toEqual({
      historicPurchases: 5,
      potentialPurchases: 3,
      shareOfWallet: 0,
      profitability: 2,
      prestige: 1,
      advocacy: 4,
      strategicFit: 2,
    });
    expect(settings.selection.fullScoreAt.historicPurchases).toBe(100_000);
    expect(settings.selection.fullScoreAt.potentialPurchases).toBe(100_000);
    expect(settings.selection.thresholds).toMatchObject({ key: 65, candidate: 45 });
    expect(settings.reviews.defaultCadence).toBe('monthly');
    expect(settings.coverage.staleAfterDays).toBe(60);
    expect(settings.access.managerUserIds).toEqual(['42']);
    expect(settings.hubspotSync.syncTargetAccountFlag).toBe(false);
  });

  it('fills what version 1 did not have with the defaults', () => {
    const settings = parsed(v1);
    const defaults = defaultSettings();
    expect(settings.selection.icpTierCutoffs).toEqual(defaults.selection.icpTierCutoffs);
    expect(settings.hubspotSync.writeIcpTier).toBe(true);
    expect(settings.access.adminUserIds).toEqual([]);
  });

  it('reads a bare version 1 document as the defaults', () => {
    expect(parsed({ version: 1 })).toEqual(defaultSettings());
  });

  it('reports version 1 shape errors with version 1 paths', () => {
    expect(errorsOf(parseSettings({ ...v1, weights: { revenue: -2 } })).map((e) => e.path)).toEqual([
      'weights.revenue',
    ]);
  });

  it('reports rules broken only after upgrading, saying so', () => {
    const [error] = errorsOf(parseSettings({ ...v1, keyThreshold: 30, candidateThreshold: 50 }));
    expect(error?.path).toBe('selection.thresholds.candidate');
    expect(error?.message).toMatch(/^after upgrading from version 1: /);
  });
});
