// What the last logged review already had before it. Free of zod, so the cards' forms say what the
// function says, from the same words.

/**
 * Whether an event dated `at` is one the last review had before it: dated on or before that review, it is
 * not a change since the last review, whenever it was recorded.
 */
export function predatesLastReview(at: number, lastReviewedAt: number | null): boolean {
  return lastReviewedAt !== null && at <= lastReviewedAt;
}

/**
 * Why an event dated on or before the last review is not recorded, as the function and the card's form say
 * it: that review had the event before it, so it calls for none. One the review did not weigh is news now.
 */
export const BEFORE_THE_LAST_REVIEW =
  'On or before the last review, so it calls for no review. If that review did not weigh it, record it as of today and say in the note when it happened.';
