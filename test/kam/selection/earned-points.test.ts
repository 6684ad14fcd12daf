import { describe, expect, it } from 'vitest';
import { earnedPoints, wholePointsAddingUp } from '../../../src/kam/selection/earned-points.ts';

describe('earnedPoints', () => {
  it('cuts a score down, never up, so it never seems to reach a threshold it does not', () => {
    expect(earnedPoints(49.6)).toBe(49);
    expect(earnedPoints(49.96, 1)).toBe(49.9);
    expect(earnedPoints(81.96, 1)).toBe(81.9);
    expect(earnedPoints(50)).toBe(50);
  });

  it('keeps a score that meets a threshold exactly but lands a hair below it in floating point', () => {
    const third = ((0.6 + 0.7 + 0.8) / 3) * 100; // 69.99999999999999
    expect(earnedPoints(third)).toBe(70);
  });
});

describe('wholePointsAddingUp', () => {
  it('gives whole points that add up to the whole score shown', () => {
    const contributions = [25.4, 16.6, 5.2, 14.6, 6.4, 2.4, 11.5]; // 82.1
    const points = wholePointsAddingUp(contributions, 82.1);
    expect(points.reduce((a, b) => a + b, 0)).toBe(82);
    // Each criterion is off its exact share by less than a point.
    points.forEach((p, i) => expect(Math.abs(p - contributions[i]!)).toBeLessThan(1));
  });

  it('adds up to a score cut down below a threshold, as the card shows it', () => {
    const points = wholePointsAddingUp([24.8, 24.8], 49.6);
    expect(points).toEqual([25, 24]);
  });

  it('gives nothing to criteria that contribute nothing', () => {
    expect(wholePointsAddingUp([0, 0, 60], 60)).toEqual([0, 0, 60]);
  });
});
