import { describe, expect, it } from 'vitest';
import { clientSatisfaction, type SurveyResponse } from '../../../src/kam/satisfaction/index.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';

const NOW = Date.UTC(2026, 5, 15, 12);
const daysAgo = (days: number) => NOW - days * DAY_MS;
const answer = (kind: SurveyResponse['kind'], value: number, days: number, contactId = 'c1'): SurveyResponse => ({
  kind,
  value,
  at: daysAgo(days),
  contactId,
});

describe('clientSatisfaction', () => {
  it('reads nothing when the client answered no survey', () => {
    expect(clientSatisfaction([], NOW)).toEqual([]);
  });

  it('scores NPS as promoters less detractors over the last year, with the latest answer and the trend', () => {
    const [reading] = clientSatisfaction(
      [answer('NPS', 10, 10, 'a'), answer('NPS', 9, 40, 'b'), answer('NPS', 3, 250, 'c'), answer('NPS', 8, 300, 'd')],
      NOW,
    );
    expect(reading).toEqual({
      kind: 'NPS',
      latest: answer('NPS', 10, 10, 'a'),
      responses: 4,
      // 2 promoters and 1 detractor of 4.
      score: 25,
      // This half-year: two promoters (100); the half before: a detractor and a passive (−50).
      trend: 150,
    });
  });

  it('averages satisfaction and effort answers, each kind on its own, in a fixed order', () => {
    const readings = clientSatisfaction(
      [answer('CES', 5, 20), answer('CSAT', 4, 30), answer('CSAT', 2, 200), answer('CES', 6, 25)],
      NOW,
    );
    expect(readings.map((r) => [r.kind, r.score, r.trend, r.latest.value])).toEqual([
      ['CSAT', 3, 2, 4],
      ['CES', 5.5, null, 5],
    ]);
  });

  it('leaves out answers older than a year from the score but keeps the latest, and ignores answers after now', () => {
    const [reading] = clientSatisfaction([answer('NPS', 2, 400), answer('NPS', 10, -1)], NOW);
    expect(reading).toMatchObject({ responses: 0, score: null, trend: null, latest: { value: 2 } });
  });
});
