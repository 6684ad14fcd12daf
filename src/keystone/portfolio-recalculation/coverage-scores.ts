import type { Client } from '@hubspot/api-client';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { meetingMonths, type MeetingMonths } from '../../kam/objectives/index.ts';
import type { CompanyScore } from '../../kam/selection/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import type { KeyAccountStatus } from '../../kam/shared/index.ts';
import type { RelationshipHolding } from '../../kam/portfolio/index.ts';
import { coverageSummary, type CoverageSummary } from '../account/coverage-summary.ts';
import { readRelationships, type BeforeRound } from '../account/relationships.ts';
import type { PeopleDirectory } from '../readers/people.ts';
import { readSurveyResponses, satisfactionSummary } from '../account/satisfaction.ts';
import type { SatisfactionSummary } from '../../contracts/client-satisfaction.ts';
import { clientSatisfaction } from '../../kam/satisfaction/index.ts';
import { toKeystoneError } from '../../crm/errors.ts';

// Relationship coverage scores for the portfolio home's coverage risks: recalculation weighs the
// relationships of each key account and candidate on its page exactly as the company card does, with
// the admin's staleness and the run's "now". Other companies are not read: a page without key accounts
// or candidates costs no call, and one with them three rounds of batch reads (readRelationships).
// Recalculation paces those rounds. A read that needs more requests than HubSpot's burst window holds
// cannot finish within one function invocation: the page's companies are then read one at a time,
// each score kept (in the cursor) as it is read, so a page spread over several invocations still
// finishes; a company that alone needs more has no score written, and is reported.

/** Thrown by a BeforeRound when the read would need more requests than one burst window holds. */
export class TooManyRequestsForOneWindow extends Error {
  constructor() {
    super('the relationship read needs more requests than one burst window holds');
  }
}

/** How far the relationships of one page's programme companies have been read, across slices. */
export interface CoverageReading {
  /** Each score read so far by company id; null when its relationships need more requests than one window holds. */
  scores: Record<string, number | null>;
  /** The top relationship risk of each company scored so far that has one (the sidebar shows it). */
  risks: Record<string, string>;
  /** Who of ours holds each account read so far, by company id (absent in older cursors). */
  holdings?: Record<string, RelationshipHolding>;
  /** Reading them together proved too large for one window: one company at a time. */
  oneAtATime: boolean;
  /** Each company's meetings per month, read with its relationships, for the quarterly report's meeting rows. */
  meetings?: Record<string, MeetingMonths>;
  /**
   * How each company's contacts answered HubSpot's surveys, read with its relationships for the portfolio
   * pages; a company left out was not read (the portal refused the surveys), and keeps what it had.
   */
  satisfaction?: Record<string, SatisfactionSummary[]>;
}

export const newCoverageReading = (): CoverageReading => ({ scores: {}, risks: {}, oneAtATime: false });

export interface CoveragePacing {
  /** A fresh BeforeRound for each relationship read. */
  beforeRound(): BeforeRound;
  /** Carried on from an earlier slice that stopped part-way through this page; filled in as companies are read. */
  reading: CoverageReading;
}

const PROGRAMME_STATUSES: readonly KeyAccountStatus[] = ['key', 'candidate'];

/** Where a company stands in the key account programme: its status, and the one its score suggests. */
export type ProgrammeStanding = Pick<CompanyScore, 'companyId' | 'status'> & { suggestedStatus: KeyAccountStatus };

/** In the key account programme: tagged key or candidate, or suggested so by its score. */
function inProgramme(score: Pick<ProgrammeStanding, 'status' | 'suggestedStatus'>): boolean {
  return PROGRAMME_STATUSES.includes(score.status) || PROGRAMME_STATUSES.includes(score.suggestedStatus);
}

/**
 * The coverage summary (score 0–100, top risk) of each company in the programme, by company id (a
 * company too large to read in one window has none; `pacing.reading.scores` says which). `people` names
 * our people in the warnings, read only when there is a company to weigh.
 */
export async function coverageScores(
  client: Client,
  scores: readonly ProgrammeStanding[],
  {
    settings,
    now,
    pacing,
    people,
  }: {
    settings: Pick<Settings, 'coverage'>;
    now: number;
    pacing?: CoveragePacing;
    people: () => Promise<PeopleDirectory>;
  },
): Promise<Map<string, CoverageSummary>> {
  const reading = pacing?.reading ?? newCoverageReading();
  const unread = () =>
    scores
      .filter(inProgramme)
      .map((s) => s.companyId)
      .filter((id) => !(id in reading.scores));
  const read = async (companyIds: string[]) => {
    if (companyIds.length === 0) return;
    const directory = await people();
    const relationships = await readRelationships(client, companyIds, { beforeRound: pacing?.beforeRound() });
    // The contacts just read with the relationships: the surveys cost no second read of them.
    const contacts = new Map([...relationships].map(([id, r]) => [id, r.contacts.map((c) => c.id)]));
    const surveys = await surveysOf(client, companyIds, { pacing, contacts });
    for (const [companyId, answered] of surveys ?? [])
      (reading.satisfaction ??= {})[companyId] = satisfactionSummary(clientSatisfaction(answered.responses, now));
    for (const [companyId, r] of relationships) {
      const summary = coverageSummary(r, { settings, people: directory, now });
      reading.scores[companyId] = summary.score;
      if (summary.topRisk !== null) reading.risks[companyId] = summary.topRisk;
      (reading.holdings ??= {})[companyId] = summary.holding;
      const meetingsAt = r.activities.flatMap((a) => (a.type === 'meeting' && a.at !== null ? [a.at] : []));
      (reading.meetings ??= {})[companyId] = meetingMonths(meetingsAt, now);
    }
  };
  if (!reading.oneAtATime) {
    try {
      await read(unread());
    } catch (error) {
      if (!(error instanceof TooManyRequestsForOneWindow)) throw error;
      reading.oneAtATime = true;
    }
  }
  if (reading.oneAtATime) {
    for (const companyId of unread()) {
      try {
        await read([companyId]);
      } catch (error) {
        if (!(error instanceof TooManyRequestsForOneWindow)) throw error;
        reading.scores[companyId] = null;
      }
    }
  }
  return new Map(
    Object.entries(reading.scores).flatMap(([companyId, score]) =>
      score === null
        ? []
        : [
            [
              companyId,
              {
                score,
                topRisk: reading.risks[companyId] ?? null,
                holding: reading.holdings?.[companyId] ?? { relationshipOwnerIds: [], soleRelationshipOwnerId: null },
              },
            ] as const,
          ],
    ),
  );
}

/**
 * The survey responses of the companies' contacts; null when HubSpot refuses them (a portal whose app
 * lacks the survey scope, or without Service Hub's surveys): satisfaction is then not stored, and the
 * rest of the run carries on, as the portfolio still shows everything else.
 */
async function surveysOf(
  client: Client,
  companyIds: readonly string[],
  { pacing, contacts }: { pacing: CoveragePacing | undefined; contacts: ReadonlyMap<string, readonly string[]> },
): Promise<Awaited<ReturnType<typeof readSurveyResponses>> | null> {
  try {
    return await readSurveyResponses(client, companyIds, { beforeRound: pacing?.beforeRound(), contacts });
  } catch (error) {
    if (error instanceof TooManyRequestsForOneWindow) throw error;
    if (toKeystoneError(error).code === 'KAM.HUBSPOT_ACCESS_DENIED') return null;
    throw error;
  }
}

/** The meetings per month read with the relationships, cleared where they were not read. */
export function meetingsProperty(months: MeetingMonths | undefined): Record<string, string> {
  return { [COMPANY_PROPERTY.meetingsByMonth]: months === undefined ? '' : JSON.stringify(months) };
}
