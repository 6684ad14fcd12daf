import type { z } from 'zod';

// Validation returns a value, never throws: callers at the edge turn it into their own error shape.
export interface ValidationIssue {
  /** Dotted path into the input, e.g. `weights.prestige` or `targets.2.values.Q1`; empty for the root. */
  path: string;
  message: string;
}

export type Validated<T> = { success: true; data: T } | { success: false; errors: ValidationIssue[] };

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** One line per issue, for logs and error messages: `weights.prestige: Too small: expected number to be >=0`. */
export function describeIssues(errors: readonly ValidationIssue[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}
