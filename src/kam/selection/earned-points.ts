// A score is compared with the admin's whole-number thresholds exactly. Shown on a card or stored on the
// company, it is cut down, never rounded up: nobody reads a score that seems to reach a threshold the
// company does not, and a HubSpot list filtering on the stored score agrees with Keystone's suggestion.
// Zod-free, so the cards can use it.

/** Floating sums like (0.6 + 0.7 + 0.8) / 3 land a hair below a threshold they meet exactly. */
export const SCORE_TOLERANCE = 1e-9;

/** The score cut to `places` decimals: 49.6 → 49, 81.96 → 81.9 at one place; 49.9999999999 → 50. */
export function earnedPoints(score: number, places = 0): number {
  const scale = 10 ** places;
  return Math.floor((score + SCORE_TOLERANCE) * scale) / scale;
}

/**
 * Whole points for each criterion that add up to the whole score shown (`earnedPoints(total)`), when the
 * contributions add up to `total`: each contribution cut down, then the points left over go to the largest
 * parts of a point, the first criterion first among equals.
 */
export function wholePointsAddingUp(contributions: readonly number[], total: number): number[] {
  const points = contributions.map((c) => Math.floor(c + SCORE_TOLERANCE));
  let left = earnedPoints(total) - points.reduce((sum, p) => sum + p, 0);
  // Only a criterion with a part of a point left over gets one: a whole contribution is shown as it is.
  const byRemainder = contributions
    .map((c, i) => ({ i, remainder: c - points[i]! }))
    .filter((r) => r.remainder > SCORE_TOLERANCE)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    points[i] = points[i]! + 1;
    left -= 1;
  }
  return points;
}
