import type { SeedRecord } from '../seed.ts';
import type { ClientPeople } from './contacts.ts';
import type { Random } from './random.ts';
import {
  associate,
  definedAssociationType,
  idSequence,
  iso,
  seedRecord,
  type SeedAssociationInput,
} from './records.ts';

// The firm asks its key and candidate accounts' senior people HubSpot's Net Promoter Score question
// twice a year, and some answer; others answer a satisfaction survey after a piece of work. HubSpot
// records each answer as a survey response associated with the contact (read-only through its API).

const DAY = 86_400_000;
const FIRST_SURVEY_RESPONSE_ID = 8_000_001;
const RESPONSE_TO_CONTACT = definedAssociationType('feedback_submissions', 'contacts');
/** Survey rounds looked back on: every half-year for two years. */
const ROUNDS = [20, 200, 380, 560];

export function buildSurveyResponses(
  random: Random,
  clients: readonly ClientPeople[],
  now: number,
): { records: SeedRecord[]; associations: SeedAssociationInput[] } {
  const nextId = idSequence(FIRST_SURVEY_RESPONSE_ID);
  const records: SeedRecord[] = [];
  const associations: SeedAssociationInput[] = [];
  for (const { company, contacts } of clients) {
    if (company.plan.status !== 'key' && company.plan.status !== 'candidate') continue;
    const draw = random.fork(company.id);
    // Each client leans one way; its people answer around that.
    const mood = draw.int(4, 10);
    const senior = contacts.filter((c) => c.level <= 2 && c.leftAt === undefined);
    for (const daysAgo of ROUNDS) {
      for (const contact of senior) {
        if (!draw.chance(0.4)) continue;
        const at = now - (daysAgo + draw.int(0, 20)) * DAY;
        if (at < contact.createdAt) continue;
        const nps = draw.chance(0.75);
        const value = nps
          ? Math.min(10, Math.max(0, mood + draw.int(-2, 2)))
          : Math.min(2, Math.max(0, Math.round((mood - 4) / 3))); // HubSpot's CSAT: 0, 1 or 2
        const id = nextId();
        records.push(
          seedRecord(
            id,
            {
              hs_survey_type: nps ? 'NPS' : 'CSAT',
              hs_survey_name: nps ? 'Client loyalty (twice a year)' : 'How did we do?',
              hs_survey_channel: 'EMAIL',
              hs_value: String(value),
              ...(nps ? { hs_response_group: value >= 9 ? 'PROMOTER' : value >= 7 ? 'PASSIVE' : 'DETRACTOR' } : {}),
              hs_submission_timestamp: iso(at),
            },
            at,
          ),
        );
        associations.push(...associate('feedback_submissions', id, 'contacts', contact.id, RESPONSE_TO_CONTACT));
      }
    }
  }
  return { records, associations };
}
