import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planBusyHour, SAVED_FROM } from '../../bench/peak/busy-hour.ts';
import { peakFigures } from '../../bench/peak/figures.ts';
import type { Cast } from '../../bench/peak/firm.ts';
import { parsePeakOptions } from '../../bench/peak/options.ts';
import { playPeakHour } from '../../bench/peak/play-hour.ts';
import { printReport } from '../../bench/peak/report.ts';

// The peak-hour benchmark must keep working as Keystone changes: its smoke run plays a tiny firm end
// to end (sandbox, users and recalculation in their own processes) and prints every figure. Nothing
// here depends on how fast the machine is or on today's date: only on what was played and counted.

const cacheDir = mkdtempSync(join(tmpdir(), 'peak-smoke-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('the peak-hour benchmark', () => {
  it('plays a tiny busy hour and prints each figure beside its target', async () => {
    const options = parsePeakOptions(['--smoke', '--cache-dir', cacheDir], {});
    const result = await playPeakHour(options);
    const figures = peakFigures(result);
    const lines: string[] = [];
    printReport(result, figures, (line) => lines.push(line));

    expect(result.views.length).toBeGreaterThan(5);
    expect(figures.sidebar.loads).toBe(result.views.length);
    expect(figures.sections.status.loads).toBe(result.views.filter((v) => v.tabAt !== null).length);
    const opened = (section: string) => result.views.filter((v) => v.sections.some((s) => s.section === section));
    expect(figures.sections.relationships.loads).toBe(opened('relationships').length);
    // The sidebar reads in the users' own sessions: no app call, every read counted apart by the sandbox.
    expect(figures.sidebar.calls.max).toBe(0);
    expect(figures.sandboxUserSession).toBeGreaterThanOrEqual(result.views.length);
    expect(result.slices.length).toBeGreaterThan(0);
    // The run scores before it weighs relationships; each slice's calls count to one stage.
    const { recalculation } = figures;
    expect(recalculation.companiesScored).toBeGreaterThan(0);
    expect(recalculation.callsByStage.scores + recalculation.callsByStage.relationships).toBe(recalculation.calls);
    // Every request the processes counted reached the sandbox (which may also have seen one still settling).
    expect(figures.users.calls + figures.recalculation.calls).toBeGreaterThan(0);
    expect(figures.sandboxTotal).toBeGreaterThanOrEqual(figures.users.calls + figures.recalculation.calls);
    for (const label of [
      'app calls per sidebar view',
      '  Status',
      '  Relationships',
      '429s seen by users',
      '  sidebar',
      '  tab: Status',
      '  tab: Plan',
      'calls in a day, projected',
      'recalculation ÷ what users leave',
    ]) {
      expect(lines.some((line) => line.startsWith(label))).toBe(true);
    }
    expect(lines.join('\n')).toMatch(/Method: HubSpot's time ran 20× faster/);
  }, 180_000);

  it('plays the hour without a recalculation when told, to show what the users alone meet', async () => {
    const options = parsePeakOptions(['--smoke', '--cache-dir', cacheDir, '--recalculation', 'false'], {});
    const result = await playPeakHour(options);
    const figures = peakFigures(result);
    const lines: string[] = [];
    printReport(result, figures, (line) => lines.push(line));
    expect(result.slices).toEqual([]);
    expect(figures.recalculation.calls).toBe(0);
    expect(figures.day.recalculationRun).toBeNull();
    expect(lines.find((line) => line.startsWith('recalculation ÷ what users leave'))).toMatch(/no recalculation/);
  }, 180_000);
});

describe('the options', () => {
  it('run a recalculation unless told not to, to show what the users alone meet', () => {
    expect(parsePeakOptions([], {}).recalculation).toBe(true);
    expect(parsePeakOptions(['--recalculation', 'false'], {}).recalculation).toBe(false);
    expect(parsePeakOptions([], { PEAK_RECALCULATION: '0' }).recalculation).toBe(false);
    expect(() => parsePeakOptions(['--recalculation', 'sometimes'], {})).toThrow(/recalculation/);
  });
});

describe('the busy hour', () => {
  const cast: Cast = {
    portalId: 1,
    adminUserId: 1,
    records: {},
    associations: 0,
    people: [
      { userId: 1, ownerId: '11', team: 'partners', manager: true },
      { userId: 2, ownerId: '12', team: 'keyAccounts', manager: true },
      { userId: 3, ownerId: '13', team: 'salesNorth', manager: false },
    ],
    companies: {
      id: ['101', '102', '103', '104'],
      fees: [900_000, 40_000, 0, 10_000],
      ownerId: ['12', '12', '13', '13'],
      key: [true, true, false, false],
    },
  };
  const hour = { users: 3, views: 300, tabShare: 1 / 3, minutes: 60, seed: 1 };

  it("is the same hour for the same options, and its first minutes are the full hour's", () => {
    const full = planBusyHour(cast, hour);
    expect(planBusyHour(cast, hour)).toEqual(full);
    const first = planBusyHour(cast, { ...hour, minutes: 10 });
    expect(first.map((v) => v.at)).toEqual(full.filter((v) => v.at < 600_000).map((v) => v.at));
  });

  it("opens the tab on about a third of views, and saves only from managers' tabs on key accounts", () => {
    const views = planBusyHour(cast, hour);
    expect(views).toHaveLength(900);
    expect(views.filter((v) => v.tabAt !== null).length / views.length).toBeCloseTo(1 / 3, 1);
    const savers = views.filter((v) => v.save);
    expect(savers.length).toBeGreaterThan(0);
    for (const v of savers)
      expect([v.userId !== 3, v.key, v.tabAt !== null && v.save!.at > v.tabAt]).toEqual([true, true, true]);
    // A save is made from its section, opened before it.
    for (const v of savers) {
      const from = v.sections.find((s) => s.section === SAVED_FROM[v.save!.kind]);
      expect(from !== undefined && from.at < v.save!.at).toBe(true);
    }
    const tabs = views.filter((v) => v.tabAt !== null);
    expect(tabs.filter((v) => v.sections.length === 0).length).toBeGreaterThan(0);
    expect(views.filter((v) => v.tabAt === null).every((v) => v.sections.length === 0)).toBe(true);
  });

  it('refuses more users than the firm has people', () => {
    expect(() => planBusyHour(cast, { ...hour, users: 4 })).toThrow('the firm has 3 people');
  });
});

describe('the options', () => {
  it('take the command line over the environment over the defaults', () => {
    const options = parsePeakOptions(['--users', '20', '--tab-share', '0.5'], { PEAK_USERS: '10', PEAK_SPEED: '5' });
    expect(options).toMatchObject({ users: 20, speed: 5, tabShare: 0.5, views: 40, minutes: 60, smoke: false });
  });

  it('play a tiny firm fast with --smoke, still overridable', () => {
    expect(parsePeakOptions(['--smoke', '--users', '2'], {})).toMatchObject({
      smoke: true,
      users: 2,
      minutes: 2,
      speed: 20,
    });
  });

  it('name what they refuse', () => {
    expect(() => parsePeakOptions(['--speed', '0'], {})).toThrow(/^peak: speed/);
    expect(() => parsePeakOptions(['users'], {})).toThrow('expected --name value');
    expect(() => parsePeakOptions(['--colour', 'red'], {})).toThrow(/colour/);
  });
});
