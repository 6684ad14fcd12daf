import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_PROPERTY } from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { collectAll } from '../../../src/crm/paging.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { decodeCursor } from '../../../src/keystone/portfolio-recalculation/cursor.ts';
import { recalculateSlice, type SliceResult } from '../../../src/keystone/portfolio-recalculation/index.ts';
import {
  NOW,
  anOwner,
  loadAccounts,
  startSandboxPortal,
  type LoadableAccount,
  type SandboxPortal,
} from '../../app/functions/account-portal.ts';

// A page of key accounts whose relationships take more requests than HubSpot's burst window holds,
// recalculated against the sandbox under a burst limit of 50 requests per 10 s (real time: this test
// waits for the window five times, about 50 s). Each account's read alone fits a window; together they
// do not. Their one contact's meetings come 500 to an answer, so the read follows that contact's own
// paging, and the pacing counts those further pages as it counts the rest.

const BURST = { burstPer10s: 50, searchPerSecond: 5 };
const ours = anOwner({ firstName: 'Olga', lastName: 'Ours' });

/** A key account with one contact we met `meetings` times (one batch read per 100 of them). */
const keyAccountMet = (name: string, contactId: string, meetings: number): LoadableAccount => ({
  owners: [ours],
  company: { name, [COMPANY_PROPERTY.status]: 'key' },
  contacts: [{ id: contactId }],
  activities: Array.from({ length: meetings }, (_, i) => ({
    type: 'meetings' as const,
    ownerId: ours.id,
    contactIds: [contactId],
    daysAgo: 1 + (i % 30),
  })),
});

describe('recalculating a page of very large key accounts under the burst limit', () => {
  let portal: SandboxPortal;
  let heavy: string[];
  let giant: string;
  let slices: SliceResult[];
  let refused: number;
  beforeAll(async () => {
    portal = await startSandboxPortal({}, { attempts: 1 });
    // 34 requests each alone (30, and four further pages of the contact's meetings), under the 35 a slice
    // may send at once; the giant weighs its 4,000 most recent meetings, over 50 requests alone, more than
    // any slice may.
    const ids = await loadAccounts(portal, [
      keyAccountMet('Alpha', '9101', 2_500),
      keyAccountMet('Beta', '9201', 2_500),
      keyAccountMet('Giant', '9401', 5_000),
    ]);
    heavy = ids.slice(0, 2).map((a) => a.companyId);
    giant = ids[2]!.companyId;
    await portal.control.setRateLimit(BURST);
    slices = [];
    refused = 0;
    let cursor: string | null = null;
    const started = performance.now();
    do {
      // Each invocation starts at its own time, as in HubSpot: the pacer's memory in the cursor is timed from it.
      const invokedAt = NOW + Math.round(performance.now() - started);
      const slice: SliceResult = await recalculateSlice(portal.client, {
        cursor,
        budgetMs: 7_000,
        settings: defaultSettings(),
        now: invokedAt,
        elapsed: () => performance.now(),
        objectTypes: new ObjectTypeResolver(portal.client),
      });
      slices.push(slice);
      if (slice.interruptedBy === 'KAM.HUBSPOT_RATE_LIMITED') refused++;
      if (slice.interruptedBy) await new Promise((resolve) => setTimeout(resolve, slice.retryAfterMs!));
      cursor = slice.cursor;
      if (slices.length > 10) throw new Error('recalculation never finished');
    } while (!slices.at(-1)!.done);
  }, 120_000);
  afterAll(() => portal.close());

  it('finishes with no 429, the page spread over several slices that each stop to wait for the window, keeping what they read', () => {
    expect(refused).toBe(0);
    const waits = slices.slice(0, -1);
    expect(waits.length).toBeGreaterThan(0);
    expect(
      waits.every(
        (s) =>
          s.interruptedBy === 'KAM.BURST_WINDOW_FULL' &&
          s.retryAfterMs! > 0 &&
          s.retryAfterMs! <= 10_000 &&
          s.processed === 0,
      ),
    ).toBe(true);
    expect(slices.at(-1)).toMatchObject({ done: true, processed: 3, interruptedBy: null });
    // A slice read Alpha alone before it stopped, and its cursor keeps that score for the next.
    const kept = waits.map((s) => decodeCursor(s.cursor!).coverage?.scores[heavy[0]!] ?? null);
    expect(kept.some((score) => score !== null && score > 0)).toBe(true);
  });

  it('writes every heavy key account a coverage score, and says which account is too large to read in any invocation', async () => {
    const companies = await collectAll((after) =>
      portal.client.crm.objects.basicApi.getPage('companies', 100, after, [COMPANY_PROPERTY.coverageScore]),
    );
    const coverage = new Map(companies.map((c) => [String(c.id), c.properties[COMPANY_PROPERTY.coverageScore] ?? '']));
    for (const id of heavy) expect(Number(coverage.get(id))).toBeGreaterThan(0);
    expect(coverage.get(giant)).toBe('');
    expect(slices.flatMap((s) => s.coverageNotRead)).toEqual([giant]);
  });
});
