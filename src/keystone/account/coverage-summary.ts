import type { Client } from '@hubspot/api-client';
import type { CoverageWarning } from '../../contracts/card-data.ts';
import { hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { toHubSpotDateTime } from '../../crm/records.ts';
import type { RelationshipCoverage } from '../../kam/coverage/index.ts';
import { relationshipHolding, type RelationshipHolding } from '../../kam/portfolio/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { peopleDirectory, type PeopleDirectory } from '../readers/people.ts';
import { readOwners } from '../readers/portal-reads.ts';
import { coverageWarnings } from './card-data.ts';
import { accountCoverage, coverageInput, readRelationships, type Relationships } from './relationships.ts';

// The company sidebar shows an account at a glance from what is stored on the company record, read in
// the user's own HubSpot session, so a record view costs the app no call. Of those values, relationship
// coverage and its top risk are weighed here: by recalculation for the programme's companies, and at
// once whenever a manager records a stance or a departure, so the sidebar is never behind the tab.

/** Long enough for a warning naming a few contacts; the sidebar shows one line. */
const TOP_RISK_MOST_CHARACTERS = 250;

/** What the sidebar shows of an account's relationships: its coverage score and the warning most worth acting on. */
export interface CoverageSummary {
  score: number;
  /** Null when nothing stands out. */
  topRisk: string | null;
  /** Who of ours holds the relationships: the portfolio's single-person dependence reads it as the card does. */
  holding: RelationshipHolding;
}

/** The first of the warnings as the card lists them (coverageWarnings puts the loudest first). */
function topRelationshipRisk(warnings: readonly CoverageWarning[]): string | null {
  const warning = warnings[0];
  if (!warning) return null;
  const { message } = warning;
  return message.length <= TOP_RISK_MOST_CHARACTERS ? message : `${message.slice(0, TOP_RISK_MOST_CHARACTERS - 1)}…`;
}

/** The summary of relationships weighed as the card weighs them, warnings worded as the card words them. */
export function coverageSummary(
  relationships: Relationships,
  { settings, people, now }: { settings: Pick<Settings, 'coverage'>; people: PeopleDirectory; now: number },
): CoverageSummary {
  const input = coverageInput(relationships);
  const coverage: RelationshipCoverage = accountCoverage(input, settings, now);
  return {
    score: coverage.score.value,
    topRisk: topRelationshipRisk(coverageWarnings(coverage, input.contacts, people)),
    holding: relationshipHolding(coverage),
  };
}

/** The company properties that hold a summary weighed at `at`; none (all cleared) when its relationships were not read. */
export function coverageSummaryProperties(summary: CoverageSummary | undefined, at: number): Record<string, string> {
  return {
    [COMPANY_PROPERTY.coverageScore]: summary === undefined ? '' : String(summary.score),
    [COMPANY_PROPERTY.topRisk]: summary?.topRisk ?? '',
    [COMPANY_PROPERTY.coverageScoredAt]: summary === undefined ? '' : toHubSpotDateTime(at),
    [COMPANY_PROPERTY.relationshipHolders]: summary?.holding.relationshipOwnerIds.join(HOLDER_SEPARATOR) ?? '',
    [COMPANY_PROPERTY.soleRelationshipHolder]: summary?.holding.soleRelationshipOwnerId ?? '',
  };
}

const HOLDER_SEPARATOR = ';';

/**
 * The holding stored on a company; null when its relationships were not weighed (no coverage score), so
 * an account tagged since the last recalculation is not taken for one nobody holds.
 */
export function storedHolding(properties: Record<string, string | null | undefined>): RelationshipHolding | null {
  if (!properties[COMPANY_PROPERTY.coverageScore]) return null;
  const holders = properties[COMPANY_PROPERTY.relationshipHolders] ?? '';
  return {
    relationshipOwnerIds: holders.split(HOLDER_SEPARATOR).filter((id) => id !== ''),
    soleRelationshipOwnerId: properties[COMPANY_PROPERTY.soleRelationshipHolder] || null,
  };
}

/**
 * Weighs one account's relationships again and stores the summary on the company, after a change to
 * them (a stance, a departure), with the settings the change was made under. Reads the owners (names in
 * the warnings) and the account's relationships, then writes the company once.
 */
export async function storeCoverageSummary(
  client: Client,
  { companyId, settings, now }: { companyId: string; settings: Pick<Settings, 'coverage'>; now: number },
): Promise<void> {
  const [owners, relationships] = await Promise.all([readOwners(client), readRelationships(client, [companyId])]);
  const summary = coverageSummary(relationships.get(companyId)!, { settings, people: peopleDirectory(owners), now });
  await hubspotCall(() =>
    client.crm.companies.basicApi.update(companyId, { properties: coverageSummaryProperties(summary, now) }),
  );
}
