import { describe, expect, it } from 'vitest';
import {
  BurstPacer,
  burstWindowFrom,
  InvocationPace,
  LONGEST_HOLD_MS,
  ROOM_FOR_OTHERS,
} from '../../src/crm/rate-limit.ts';

const headers = (remaining: number) => ({
  'x-hubspot-ratelimit-remaining': String(remaining),
  'x-hubspot-ratelimit-max': '190',
  'x-hubspot-ratelimit-interval-milliseconds': '10000',
});
const window = (remaining: number) => burstWindowFrom(headers(remaining));

describe('burstWindowFrom', () => {
  it("reads HubSpot's rate-limit headers, and nothing from an answer without them", () => {
    expect(window(42)).toEqual({ remaining: 42, max: 190, intervalMs: 10_000 });
    expect(burstWindowFrom({ 'content-type': 'application/json' })).toBeNull();
  });
});

describe('BurstPacer', () => {
  it('never waits when HubSpot sends no rate-limit headers', () => {
    const pacer = new BurstPacer();
    pacer.observe(null, 0);
    pacer.record(1_000, 0);
    expect(pacer.pauseBefore(4, 0)).toBe(0);
  });

  it('says how many requests a run may have in the window at once: the window less the reserve, unknown before an answer told it', () => {
    const pacer = new BurstPacer(10);
    expect(pacer.capacity()).toBeNull();
    pacer.observe(window(100), 0);
    expect(pacer.capacity()).toBe(180);
  });

  it('works its reserve out from the window once an answer tells its size, when given a rule', () => {
    const pacer = new BurstPacer((max) => max / 5);
    pacer.observe(window(190), 0);
    expect(pacer.capacity()).toBe(152);
    pacer.record(148, 0);
    expect(pacer.pauseBefore(4, 0)).toBe(0);
    pacer.record(4, 0);
    expect(pacer.pauseBefore(1, 0)).toBeGreaterThan(0);
  });

  it('lets a run use the window up to its reserve without waiting', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(190), 0);
    pacer.record(176, 0);
    expect(pacer.pauseBefore(4, 0)).toBe(0);
    pacer.record(4, 0);
    expect(pacer.pauseBefore(4, 0)).toBeGreaterThan(0);
  });

  it('waits exactly until the requests that filled the window age out of it', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(190), 0);
    for (let t = 0; t < 180; t += 4) pacer.record(4, t * 10);
    // 180 sent between 0 and 1,760 ms: the first four free up at 10,000 ms.
    expect(pacer.pauseBefore(4, 2_000)).toBe(8_000);
    expect(pacer.pauseBefore(4, 10_001)).toBe(0);
  });

  it('counts what others used before it started as spread over the past interval', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(0), 50_000);
    const pause = pacer.pauseBefore(4, 50_000);
    expect(pause).toBeGreaterThan(0);
    expect(pause).toBeLessThan(1_000);
  });
});

describe('BurstPacer carried across slices', () => {
  it('remembers how long ago its requests in the window were sent, and a resumed pacer waits for them', () => {
    const first = new BurstPacer(10);
    first.observe(window(190), 0);
    first.record(176, 1_000);
    first.record(4, 3_000);
    expect(first.remember(4_000)).toEqual({
      window: { remaining: 190, max: 190, intervalMs: 10_000 },
      sentAgoMs: [...Array<number>(176).fill(3_000), 1_000, 1_000, 1_000, 1_000],
    });

    // The next slice starts 50 s later by its own clock: the 176 sent 3 s before the memory free up 7 s in.
    const next = new BurstPacer(10);
    next.resume(first.remember(4_000)!, 50_000);
    expect(next.pauseBefore(4, 50_000)).toBe(7_000);
  });

  it('remembers nothing before an answer told the window', () => {
    expect(new BurstPacer().remember(0)).toBeNull();
  });

  it('drops what it remembers beyond what the window counts as used: those requests have aged out meanwhile', () => {
    const pacer = new BurstPacer(10);
    pacer.resume(
      { window: window(190)!, sentAgoMs: [...Array<number>(100).fill(9_000), ...Array<number>(80).fill(1_000)] },
      0,
    );
    // HubSpot counts 81 used (the 80 recent ones and this answer's request): the 100 older ones are gone.
    pacer.record(1, 0);
    pacer.observe(window(109), 0);
    expect(pacer.remember(0)!.sentAgoMs).toHaveLength(81);
    expect(pacer.pauseBefore(4, 0)).toBe(0);
  });

  it('adds what others used beyond what it remembers, spread over the past interval', () => {
    const pacer = new BurstPacer(10);
    pacer.resume({ window: window(190)!, sentAgoMs: [500] }, 0);
    pacer.observe(window(0), 0);
    expect(pacer.remember(0)!.sentAgoMs).toHaveLength(190);
  });
});

describe('BurstPacer learning from every answer', () => {
  it('counts requests it was not told of as sent just now, so it waits for them too', () => {
    const pacer = new BurstPacer(10);
    pacer.observe(window(190), 0);
    pacer.record(100, 0);
    // HubSpot counts 176 used at 1 s: 76 more than recorded (another page's reads, or another app).
    pacer.observe(window(14), 1_000);
    expect(pacer.pauseBefore(4, 1_000)).toBe(0);
    pacer.record(4, 1_000);
    // Full to the reserve: room comes back when the first 100 age out at 10 s, not before.
    expect(pacer.pauseBefore(4, 1_000)).toBe(9_000);
    expect(pacer.remember(1_000)!.sentAgoMs.filter((ago) => ago === 0)).toHaveLength(80);
  });
});

describe('a pacer that yields to people', () => {
  // As recalculation reserves: a twentieth of the window (at least 10), and what others sent and as much again.
  const yielding = () => new BurstPacer((max, others) => Math.max(10, Math.round(max / 20)) + others);

  it('takes all but 10 of the window while nobody else sends', () => {
    const pacer = yielding();
    // The run's first request, then its answer: the one request in the window is the run's own.
    pacer.record(1, 0);
    pacer.observe(window(189), 0);
    expect(pacer.othersInWindow(0)).toBe(0);
    pacer.record(175, 100);
    expect(pacer.pauseBefore(4, 200)).toBe(0);
    pacer.record(4, 200);
    expect(pacer.pauseBefore(1, 200)).toBeGreaterThan(0);
  });

  it("backs off when the headers say people's cards are sending, and takes the window back as they stop", () => {
    const pacer = yielding();
    // The run's first request, then its answer: the one request in the window is the run's own.
    pacer.record(1, 0);
    pacer.observe(window(189), 0);
    // 60 requests the run did not send went in the next second: HubSpot's Remaining says so.
    pacer.observe(window(190 - 61), 1_000);
    expect(pacer.othersInWindow(1_000)).toBe(60);
    // Room left for the run: 190 less 10, less the people's 60 and 60 more for their bursts, less its own 1.
    expect(pacer.pauseBefore(59, 1_000)).toBe(0);
    expect(pacer.pauseBefore(60, 1_000)).toBeGreaterThan(0);
    // Once their requests age out of the window, the run may have it all again (but 10).
    expect(pacer.othersInWindow(11_001)).toBe(0);
    expect(pacer.pauseBefore(180, 11_001)).toBe(0);
  });
});

describe("InvocationPace: a person's invocation holding back for other people's cards", () => {
  const evenWait = (used: number, allowed: number) => Math.ceil(10_000 * (1 - allowed / used));
  /** What an invocation that has taken `sent` requests leaves others of a window of 190. */
  const roomForOthers = (sent: number) =>
    Math.ceil(
      Math.min(190 * ROOM_FOR_OTHERS.most, 190 * ROOM_FOR_OTHERS.least + ROOM_FOR_OTHERS.perRequestSent * sent),
    );

  it('sends at once before any answer told the window, and while the window has room beyond what it leaves others', () => {
    const pace = new InvocationPace();
    expect(pace.take(0)).toBe(0);
    expect(pace.roomForOthers(190)).toBe(roomForOthers(1));
    pace.observe(window(roomForOthers(2) + 1), 100);
    expect(pace.take(100)).toBe(0);
  });

  it('waits while the window is nearly full, as long as the requests in it take to age out at an even pace', () => {
    const pace = new InvocationPace();
    pace.take(0);
    // 180 of 190 used; it leaves others their room and sends one more.
    pace.observe(window(10), 1_000);
    const allowed = 190 - roomForOthers(1) - 1;
    expect(pace.take(1_400)).toBe(evenWait(180, allowed) + 1_000 - 1_400);
    // The next one waits for more to age out: the room it now leaves others grew, and one more was just taken.
    const next = 190 - roomForOthers(2) - 1 - 1;
    expect(pace.take(1_400)).toBe(evenWait(180, next) + 1_000 - 1_400);
    pace.observe(window(roomForOthers(3) + 1), 2_000);
    expect(pace.take(2_000)).toBe(0);
  });

  it('leaves others more the more it has sent itself, up to its share of the window', () => {
    const light = new InvocationPace();
    const heavy = new InvocationPace();
    light.take(0);
    for (let i = 0; i < 100; i++) heavy.take(0);
    expect(heavy.roomForOthers(190)).toBe(Math.ceil(190 * ROOM_FOR_OTHERS.most));
    for (const pace of [light, heavy]) pace.observe(window(roomForOthers(1) + 1), 0);
    expect(light.take(0)).toBe(0);
    expect(heavy.take(0)).toBeGreaterThan(0);
  });

  it('doubles its waits when an answer after a hold still finds the window full, not for each answer of one round', () => {
    const pace = new InvocationPace();
    pace.take(0);
    pace.take(0);
    // Both answers of the round find the window a little too full: the first wait is the even one.
    const used = 190 - roomForOthers(2) - 1 + 5;
    pace.observe(window(190 - used), 0);
    pace.observe(window(190 - used), 0);
    const first = pace.take(0);
    expect(first).toBe(evenWait(used, 190 - roomForOthers(2) - 1));
    // The held request's answer finds it as full still: the next wait doubles.
    pace.observe(window(190 - used), first);
    expect(pace.take(first)).toBe(Math.ceil(2 * 10_000 * (1 - (190 - roomForOthers(3) - 1) / used)));
  });

  it('holds one request back no longer than an answer stays fresh, and ignores answers without the headers', () => {
    const pace = new InvocationPace();
    for (let i = 0; i < 100; i++) pace.take(0);
    // A full window, and its share to leave others: it would take seconds for that much to age out.
    pace.observe(window(0), 0);
    pace.observe(null, 0);
    expect(pace.take(0)).toBe(LONGEST_HOLD_MS);
  });

  it("lets the requests it holds back go one after another at half the window's pace, not together", () => {
    const pace = new InvocationPace();
    for (let i = 0; i < 100; i++) pace.take(0);
    pace.observe(window(0), 0);
    const holds = Array.from({ length: 5 }, () => pace.take(0));
    const gap = Math.ceil((2 * 10_000) / 190);
    expect(holds[0]).toBe(LONGEST_HOLD_MS);
    for (let i = 1; i < holds.length; i++) expect(holds[i]! - holds[i - 1]!).toBeGreaterThanOrEqual(gap - 1);
  });
});
