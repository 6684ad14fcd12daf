// The numbers an admin types on the settings page, with their bounds in the admin's words. Free of zod,
// so the page checks every field at once, before sending, by the rules saving applies.

export interface NumberRule {
  least: number;
  most: number;
  /** Whether only whole numbers are allowed (days). */
  whole: boolean;
  message: string;
}

const days = (least: number, most: number): NumberRule => ({
  least,
  most,
  whole: true,
  message: `Whole days from ${least} to ${most}`,
});

export const SETTINGS_NUMBER_RULES = {
  // Relative weights: only their proportions matter, so admins may think in points or percent. Bounded
  // above too: a weight of 1e308 was once saved, and every score that used it came out as Infinity.
  weight: { least: 0, most: 100, whole: false, message: 'Weights run from 0 to 100' },
  score: { least: 0, most: 100, whole: false, message: 'Scores run from 0 to 100' },
  overdueAfterDays: days(0, 365),
  staleAfterDays: days(1, 730),
} as const satisfies Record<string, NumberRule>;

/** What is wrong with a typed value by its rule, in the admin's words; null when nothing is. */
export function numberProblem(rule: NumberRule, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number';
  const outside = value < rule.least || value > rule.most || (rule.whole && !Number.isInteger(value));
  return outside ? rule.message : null;
}
