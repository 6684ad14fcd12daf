import { z } from 'zod';
import { describeIssues, validate } from '../../src/kam/shared/validation.ts';

// What a run of the peak-hour benchmark plays: the firm, its users' busy hour, and how fast the
// clock runs. Each option can be given as `--name value` after `npm run bench peak --` or as
// PEAK_NAME in the environment (the command line wins); `--smoke` plays a tiny firm in seconds.

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** `--name` alone, true or 1: yes; false or 0: no. */
const flag = z.preprocess(
  (v) => (v === true || v === 'true' || v === '1' ? true : v === false || v === 'false' || v === '0' ? false : v),
  z.boolean(),
);

export const peakOptionsSchema = z
  .object({
    /** Sales staff opening company records. */
    users: count(1, 1_000).default(350),
    /** Company records each opens in the busy hour. */
    views: count(1, 500).default(40),
    /** Share of views that go on to open the Key account tab. */
    tabShare: z.coerce
      .number()
      .min(0)
      .max(1)
      .default(1 / 3),
    /**
     * Minutes of the busy hour played, from its start; arrivals are even over the hour, so counts scale by
     * 60 / minutes. The whole hour by default: the recalculation scores every company in about its first
     * half and only then weighs relationships, whose calls the day's projection needs.
     */
    minutes: z.coerce.number().min(0.5).max(60).default(60),
    /** How many times faster than the wall clock HubSpot's time runs: 3 keeps up on two shared cores with today's Keystone. */
    speed: z.coerce.number().min(1).max(50).default(3),
    /** Added to every HubSpot request (ms of HubSpot time), as for functions far from HubSpot's API. */
    latencyMs: count(0, 2_000).default(100),
    /** Busy hours' worth of views in a working day, to project the day's calls. */
    dayInBusyHours: z.coerce.number().min(1).max(24).default(5),
    /** Seeds the portal and the users' hour alike. */
    seed: count(0, 2 ** 32 - 1).default(1),
    /** A tiny firm, few users and a few minutes: checks the benchmark works, in seconds. Its figures mean nothing. */
    smoke: flag.default(false),
    /** Whether an admin runs a portfolio recalculation through the hour; without it, what the users alone meet. */
    recalculation: flag.default(true),
    /** Where generated portals are kept between runs (one at a time). */
    cacheDir: z.string().min(1).default('.sandbox/bench'),
  })
  .strict();
export type PeakOptions = z.output<typeof peakOptionsSchema>;

/** What `--smoke` changes: few users, two busy minutes (at 120 views an hour each), a fast clock. */
const SMOKE: Partial<Record<keyof PeakOptions, string>> = { users: '6', views: '120', minutes: '2', speed: '20' };

const toKey = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const envName = (key: string) => `PEAK_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** Options from `--name value` arguments (a bare `--smoke` is true), then PEAK_* variables, then the defaults. */
export function parsePeakOptions(args: readonly string[], env: Record<string, string | undefined>): PeakOptions {
  const given: Record<string, string> = {};
  for (const key of Object.keys(peakOptionsSchema.shape)) {
    const value = env[envName(key)];
    if (value !== undefined) given[key] = value;
  }
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (!flag.startsWith('--')) throw new Error(`peak: expected --name value, got "${flag}"`);
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) given[toKey(flag)] = 'true';
    else given[toKey(flag)] = args[++i]!;
  }
  const smoke = given.smoke === 'true' || given.smoke === '1';
  const parsed = validate(peakOptionsSchema, smoke ? { ...SMOKE, ...given } : given);
  if (!parsed.success) throw new Error(`peak: ${describeIssues(parsed.errors)}`);
  return parsed.data;
}
