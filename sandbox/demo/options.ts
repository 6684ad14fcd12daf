import { z } from 'zod';
import { describeIssues, validate } from '../../src/kam/shared/validation.ts';
import { FIRM_CORE } from './firm.ts';

/** Fewest companies that still leave room for every story next to ordinary clients. */
export const MIN_DEMO_COMPANIES = 60;

const sizeRange = z
  .object({ least: z.number().int().min(1), most: z.number().int().max(50_000) })
  .strict()
  .refine((r) => r.least <= r.most, 'least must not be above most');

export const demoOptionsSchema = z.object({
  /** Same seed (and the same other options) → byte-identical portal. */
  seed: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 32 - 1)
    .default(1),
  /** Client companies, including the few prospects that have never bought. */
  companies: z.number().int().min(MIN_DEMO_COMPANIES).max(40_000).default(2_000),
  /** Our people (HubSpot owners and users): the 25 named partners, account managers, sales and research staff, and as many more as asked. */
  people: z.number().int().min(FIRM_CORE).max(1_000).default(FIRM_CORE),
  /**
   * How big key accounts get, the biggest client first: the n-th largest of K has `most / n^s` contacts
   * (and activities), `s` chosen so the smallest has `least`. Omitted, their fees size them as any
   * client's (10 to 25 contacts, a hundred or so activities).
   */
  keyAccountSize: z.object({ contacts: sizeRange, activities: sizeRange }).strict().optional(),
  /** The portal's "today" in epoch milliseconds: nothing happens after it. */
  now: z.number().int().positive(),
});
export type DemoOptions = z.output<typeof demoOptionsSchema>;
export type DemoOptionsInput = z.input<typeof demoOptionsSchema>;

export function parseDemoOptions(input: unknown): DemoOptions {
  const parsed = validate(demoOptionsSchema, input);
  if (!parsed.success) throw new Error(`Invalid demo portal options: ${describeIssues(parsed.errors)}`);
  return parsed.data;
}
