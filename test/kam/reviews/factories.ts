import type { ChangeEvent, ReviewRecordInput } from '../../../src/kam/reviews/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';

export const PLAN_START = Date.UTC(2026, 0, 1);
export const LAST_REVIEW = Date.UTC(2026, 3, 1);
export const day = (n: number): number => LAST_REVIEW + n * DAY_MS;

/** A stance change of contact tom from ally to neutral, five days after the last review, unless overridden. */
export function aChangeEvent(overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    kind: 'contact',
    recordId: 'tom',
    property: 'stance',
    from: 'ally',
    to: 'neutral',
    at: day(5),
    ...overrides,
  };
}

/** A calendar review with nothing to report, unless overridden. */
export function aReview(overrides: Partial<ReviewRecordInput> = {}): ReviewRecordInput {
  return { kind: 'calendar', reviewedAt: day(30), reviewedBy: 'user-1', ...overrides };
}
