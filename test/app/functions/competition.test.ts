import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as cardDataMain } from '../../../src/app/functions/card_data.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import { main as saveCompetitionMain } from '../../../src/app/functions/save_competition.ts';
import type { SaveCompetitionParameters } from '../../../src/contracts/index.ts';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { COMPETITORS_MAX, PROPERTY_VALUE_MAX_CHARS } from '../../../src/kam/competition/index.ts';
import {
  anOwner,
  configureAccess,
  loadAccount,
  NOW,
  startSandboxPortal,
  type SandboxPortal,
} from './account-portal.ts';
import { onTestClock, testClock } from '../../clock.ts';

const cardData = onTestClock(cardDataMain);
const saveCompetition = onTestClock(saveCompetitionMain);
const savePlan = onTestClock(saveAccountPlanMain);

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });

const COMPETITION: SaveCompetitionParameters['competition'] = {
  competitors: [
    { name: 'Grant & Co', services: 'payroll, year-end audit', relationshipStrength: 'strong' },
    { name: 'Brightline', services: 'IT advisory', relationshipStrength: 'weak' },
  ],
  strengths: ['Partner-level access to the finance director'],
  weaknesses: ['Nobody of ours knows their IT team'],
};

describe('save_competition', () => {
  let portal: SandboxPortal;
  let companyId: string;
  const save = (overrides: Partial<SaveCompetitionParameters> = {}) =>
    saveCompetition({
      parameters: { companyId, userId: manager.userId, baseRevision: 0, competition: COMPETITION, ...overrides },
    });
  const shown = async () => {
    const answer = await cardData({ parameters: { companyId, userId: salesperson.userId } });
    if (answer.status !== 'ok') throw new Error(answer.message);
    return answer.relationships.competition;
  };
  const stored = async () =>
    (await portal.client.crm.companies.basicApi.getById(companyId, [COMPANY_PROPERTY.competition])).properties[
      COMPANY_PROPERTY.competition
    ];

  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    ({ companyId } = await loadAccount(portal, { owners: [admin, manager, salesperson], contacts: [] }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });
  });

  it('saves competitors and our strengths and weaknesses on the company, and the card shows them', async () => {
    expect(await shown()).toMatchObject({ competitors: [], strengths: [], weaknesses: [], revision: 0, savedBy: null });
    const answer = await save();
    expect(answer).toMatchObject({
      status: 'ok',
      revision: 1,
      savedAt: NOW,
      savedBy: { name: 'Max Manager' },
      competition: COMPETITION,
    });
    expect(await shown()).toEqual({
      ...COMPETITION,
      revision: 1,
      savedBy: expect.objectContaining({ name: 'Max Manager' }),
      savedAt: NOW,
      unreadable: false,
    });
    expect(await save({ baseRevision: 1, competition: { ...COMPETITION, weaknesses: [] } })).toMatchObject({
      revision: 2,
    });
    expect((await shown()).weaknesses).toEqual([]);
  });

  it('records a change of the competition as a review trigger, its revision the evidence', async () => {
    const triggers = async () => {
      const answer = await cardData({ parameters: { companyId, userId: salesperson.userId } });
      if (answer.status !== 'ok') throw new Error(answer.message);
      return answer.reviews.triggered.filter((t) => t.kind === 'competition_changed');
    };
    // Review triggers count from the plan's start.
    const plan = await savePlan({
      parameters: {
        companyId,
        userId: manager.userId,
        baseRevision: 0,
        plan: {
          businessObjective: 'Grow',
          team: {},
          objectives: [],
          quarterlyTargets: { fiscalYear: new Date(NOW).getUTCFullYear(), rows: [] },
        },
      },
    });
    expect(plan).toMatchObject({ status: 'ok' });
    testClock.advance(60_000);
    await save();
    // The first record is where the plan starts, not a change.
    expect(await triggers()).toEqual([]);
    testClock.advance(60_000);
    await save({ baseRevision: 1, competition: { ...COMPETITION, strengths: [] } });
    expect(await triggers()).toMatchObject([
      {
        kind: 'competition_changed',
        message: 'Competitors or our strengths and weaknesses were updated (revision 2)',
        evidence: { property: 'competition', from: '1', to: '2' },
      },
    ]);
  });

  it('refuses a save from a revision someone else has moved on from, and keeps their save', async () => {
    await save();
    const late = await save({ competition: { ...COMPETITION, strengths: [] } });
    expect(late).toMatchObject({ status: 'error', code: 'KAM.COMPETITION_CHANGED_ELSEWHERE' });
    expect((await shown()).strengths).toEqual(COMPETITION.strengths);
  });

  it('lets only one of two saves from the same revision through', async () => {
    const answers = await Promise.all([
      save({ actionId: 'first-press-1' }),
      save({ actionId: 'second-press', competition: { ...COMPETITION, strengths: [] } }),
    ]);
    const codes = answers.map((a) => (a.status === 'ok' ? 'ok' : a.code)).sort();
    expect(codes).toEqual(['KAM.COMPETITION_CHANGED_ELSEWHERE', 'ok']);
    expect((await shown()).revision).toBe(1);
  });

  it('completes the same press of Save sent again after its answer was lost, without a second revision', async () => {
    const first = await save({ actionId: 'one-press-of-save' });
    const again = await save({ actionId: 'one-press-of-save' });
    expect(again).toEqual(first);
    expect((await shown()).revision).toBe(1);
  });

  it('stands when HubSpot wrote the competition but its answer was lost', async () => {
    await portal.control.injectFault({ kind: 'lostAnswer', mode: 'drop', method: 'PATCH', times: 1 });
    expect(await save({ actionId: 'press-with-lost-answer' })).toMatchObject({ status: 'ok', revision: 1 });
    expect(await shown()).toMatchObject({ revision: 1, competitors: COMPETITION.competitors });
  });

  it('refuses bad input with the field at fault, and writes nothing', async () => {
    await portal.control.resetStats();
    const tooMany = Array.from({ length: COMPETITORS_MAX + 1 }, (_, i) => ({
      name: `Rival ${i}`,
      services: 'audit',
      relationshipStrength: 'weak' as const,
    }));
    const answers = await Promise.all([
      save({ competition: { ...COMPETITION, competitors: tooMany } }),
      save({
        competition: {
          ...COMPETITION,
          competitors: [COMPETITION.competitors[0]!, { ...COMPETITION.competitors[0]!, name: 'grant & co ' }],
        },
      }),
      save({
        competition: {
          ...COMPETITION,
          competitors: [{ name: 'X', services: 'tax', relationshipStrength: 'overwhelming' as never }],
        },
      }),
      save({ competition: { ...COMPETITION, strengths: ['a'.repeat(201)] } }),
      save({ competition: { ...COMPETITION, weaknesses: ['line\u0000break'] } }),
      save({
        competition: { ...COMPETITION, competitors: [{ name: ' ', services: 'tax', relationshipStrength: 'weak' }] },
      }),
      save({ baseRevision: -1 }),
    ]);
    expect(answers.map((a) => (a.status === 'error' ? [a.code, a.issues?.map((i) => i.path)] : a))).toEqual([
      ['KAM.INVALID_PARAMETERS', ['competition.competitors']],
      ['KAM.INVALID_PARAMETERS', ['competition.competitors.1.name']],
      ['KAM.INVALID_PARAMETERS', ['competition.competitors.0.relationshipStrength']],
      ['KAM.INVALID_PARAMETERS', ['competition.strengths.0']],
      ['KAM.INVALID_PARAMETERS', ['competition.weaknesses.0']],
      ['KAM.INVALID_PARAMETERS', ['competition.competitors.0.name']],
      ['KAM.INVALID_PARAMETERS', ['baseRevision']],
    ]);
    expect(await portal.writes()).toEqual([]);
    expect(await stored()).toBeNull();
  });

  it('refuses someone who is not a manager, and writes nothing', async () => {
    await portal.control.resetStats();
    expect(await save({ userId: salesperson.userId })).toMatchObject({ status: 'error', code: 'KAM.NOT_A_MANAGER' });
    expect(await portal.writes()).toEqual([]);
  });

  it('keeps the largest competition the bounds allow inside what HubSpot holds in one property', async () => {
    const longest = (n: number) => '"\\'.repeat(n);
    const largest = {
      competitors: Array.from({ length: COMPETITORS_MAX }, (_, i) => ({
        name: `${i}${longest(49)}`.slice(0, 100),
        services: longest(150),
        relationshipStrength: 'moderate' as const,
      })),
      strengths: Array.from({ length: 10 }, (_, i) => `${i}${longest(99)}`.slice(0, 200)),
      weaknesses: Array.from({ length: 10 }, (_, i) => `${i}${longest(99)}`.slice(0, 200)),
    };
    expect(await save({ competition: largest })).toMatchObject({ status: 'ok', revision: 1 });
    expect((await stored())!.length).toBeLessThan(PROPERTY_VALUE_MAX_CHARS);
  });

  it('shows a damaged value as empty and unreadable, and a save repairs it', async () => {
    await portal.client.crm.companies.basicApi.update(companyId, {
      properties: { [COMPANY_PROPERTY.competition]: '{not json' },
    });
    expect(await shown()).toMatchObject({ competitors: [], revision: 0, unreadable: true });
    expect(await save()).toMatchObject({ status: 'ok', revision: 1 });
    expect(await shown()).toMatchObject({ unreadable: false, competitors: COMPETITION.competitors });
  });
});
