import { z } from 'zod';
import { describeIssues, validate } from '../../src/kam/shared/validation.ts';

/** Fewest companies that still leave room for every story next to ordinary clients. */
export const MIN_DEMO_COMPANIES = 60;

export const demoOptionsSchema = z.object({
  /** Same seed (and the same other options) → byte-identical portal. */
  seed: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 32 - 1)
    .default(1),
  /** Client companies, including the few prospects that have never bought. */
  companies: z.number().int().min(MIN_DEMO_COMPANIES).max(20_000).default(2_000),
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
