import type { Client } from '@hubspot/api-client';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { CompanyScore } from '../../kam/selection/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import type { KeyAccountStatus } from '../../kam/shared/index.ts';
import { accountCoverage, coverageInput, readRelationships } from '../account/relationships.ts';

// Relationship coverage scores for the portfolio home's coverage risks: recalculation weighs the
// relationships of each key account and candidate on its page exactly as the company card does, with
// the admin's staleness and the run's "now". Other companies are not read: a page without key accounts
// or candidates costs no call, and one with them three rounds of batch reads (readRelationships).

const PROGRAMME_STATUSES: readonly KeyAccountStatus[] = ['key', 'candidate'];

/** In the key account programme: tagged key or candidate, or suggested so by the score just computed. */
export function inProgramme(score: Pick<CompanyScore, 'status' | 'suggestedStatus'>): boolean {
  return PROGRAMME_STATUSES.includes(score.status) || PROGRAMME_STATUSES.includes(score.suggestedStatus);
}

/** The coverage score (0–100) of each company in the programme, by company id. */
export async function coverageScores(client: Client, scores: readonly CompanyScore[], settings: Pick<Settings, 'coverage'>, now: number): Promise<Map<string, number>> {
  const relationships = await readRelationships(client, scores.filter(inProgramme).map((s) => s.companyId));
  return new Map([...relationships].map(([companyId, r]) => [companyId, accountCoverage(coverageInput(r), settings, now).score.value]));
}

/** What recalculation writes beside the scores: the coverage score, cleared outside the programme (its relationships were not read). */
export function coverageScoreProperty(coverageScore: number | undefined): Record<string, string> {
  return { [COMPANY_PROPERTY.coverageScore]: coverageScore === undefined ? '' : String(coverageScore) };
}
