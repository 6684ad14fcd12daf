import { describe, expect, it } from 'vitest';
import { REVIEW } from '../../../src/crm/model/index.ts';
import { toProperties } from '../../../src/crm/records.ts';
import { aRecord, aScoredCompany, overview } from './snapshot-factory.ts';

const NOW = Date.UTC(2026, 10, 24);
const DAY = 86_400_000;
const acme = aScoredCompany('Acme', 'key', 'key', 80, 600);
const bolt = aScoredCompany('Bolt', 'key', 'key', 70, 300);
const former = aScoredCompany('Former', 'former', 'none', 20, 10);

const triggered = (companyId: string, daysAgo: number, messages: string[]) =>
  aRecord(
    toProperties(
      {
        companyId,
        title: 'Review',
        kind: 'triggered',
        reviewedAt: new Date(NOW - daysAgo * DAY).toISOString(),
        triggers: JSON.stringify(
          messages.map((message) => ({
            kind: 'key_contact_left',
            at: NOW - (daysAgo + 1) * DAY,
            message,
            evidence: {
              objectType: 'contacts',
              objectId: '1',
              property: 'keystone_left_company',
              from: 'false',
              to: 'true',
            },
          })),
        ),
      },
      REVIEW.property,
    ),
  );

describe('reviews triggered by events', () => {
  it("lists the key accounts' triggered reviews of the last 90 days with what triggered them, newest first", () => {
    const { reviews } = overview(
      {
        companies: [acme, bolt, former],
        reviews: [
          triggered(acme.id, 10, ['Jo Bloggs left the client']),
          triggered(bolt.id, 3, [
            'Sam Smith went from ally to enemy',
            'The client has a new parent company (company 42)',
          ]),
          triggered(acme.id, 120, ['Too long ago']),
          triggered(former.id, 1, ['Not a key account any more']),
          aRecord(
            toProperties(
              { companyId: acme.id, title: 'Review', kind: 'calendar', reviewedAt: new Date(NOW - DAY).toISOString() },
              REVIEW.property,
            ),
          ),
        ],
      },
      null,
      NOW,
    );
    expect(reviews.triggeredWithinDays).toBe(90);
    expect(reviews.triggered.map((r) => [r.account.name, r.reviewedAt, r.triggers])).toEqual([
      [
        'Bolt',
        NOW - 3 * DAY,
        ['Sam Smith went from ally to enemy', 'The client has a new parent company (company 42)'],
      ],
      ['Acme', NOW - 10 * DAY, ['Jo Bloggs left the client']],
    ]);
  });

  it('words stance changes a review stored in older words as open triggers word them, from the evidence it stored', () => {
    const stance = (message: string, from: string | null, to: string) => ({
      kind: 'stance_worsened',
      at: NOW - 3 * DAY,
      message,
      evidence: { objectType: 'contacts', objectId: '7', property: 'keystone_stance', from, to },
    });
    const logged = aRecord(
      toProperties(
        {
          companyId: acme.id,
          title: 'Review',
          kind: 'triggered',
          reviewedAt: new Date(NOW - 2 * DAY).toISOString(),
          triggers: JSON.stringify([
            stance('George Carter went from supporter to neutral', 'supporter', 'neutral'),
            stance('Bethan Graham is a new protester', null, 'protester'),
          ]),
        },
        REVIEW.property,
      ),
    );
    const { reviews } = overview({ companies: [acme], reviews: [logged] }, null, NOW);
    expect(reviews.triggered.map((r) => r.triggers)).toEqual([
      ['George Carter went from Supporter to Neutral', 'Bethan Graham was first recorded as Protester'],
    ]);
  });
});
