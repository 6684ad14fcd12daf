import type { PlanInput } from '../../contracts/save-account-plan.ts';
import type { CrmRecord } from '../../crm/records.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import { fromHubSpotDateTime, fromHubSpotNumber } from '../../crm/records.ts';
import { z } from 'zod';
import {
  DERIVED_SOURCES,
  NO_INVESTMENT,
  measureOf,
  meetingsOfMonths,
  quarterlyTargetsSchema,
  type DerivationFacts,
  type DerivedSource,
  type Investment,
  type MetricTarget,
} from '../../kam/objectives/index.ts';
import { fiscalQuarterOf, fiscalQuarterStart, validate, type ValidationIssue } from '../../kam/shared/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { coverageContact, stanceHistoryOf } from '../readers/contact-fields.ts';
import type { RelationshipContact } from './relationships.ts';

// The quarterly grid is stored on the plan as versioned JSON holding the objectives domain's own rows,
// so the stored form and the domain never drift apart. The card edits a flatter row (the save_account_plan contract).

const STORED_VERSION = 1;
const spend = z.number().min(0).nullable();

const isDerived = (metric: string): metric is DerivedSource => Object.hasOwn(DERIVED_SOURCES, metric);

/** The plan's stored grid and what the programme spends on the account; plans saved before spend was recorded spend nothing. */
interface StoredGrid {
  targets: MetricTarget[];
  investment: Investment;
}

const storedInvestmentSchema = z
  .object({
    hours: z.object({ Q1: spend, Q2: spend, Q3: spend, Q4: spend }),
    money: z.object({ Q1: spend, Q2: spend, Q3: spend, Q4: spend }),
  })
  .default(NO_INVESTMENT);

export function storedPlanGrid(json: string | null): StoredGrid {
  if (!json) return { targets: [], investment: NO_INVESTMENT };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw damaged('not JSON');
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== STORED_VERSION) throw damaged(`unknown version ${JSON.stringify(version)}`);
  const parsed = validate(quarterlyTargetsSchema, (raw as { targets?: unknown }).targets);
  if (!parsed.success) throw damaged(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const investment = validate(storedInvestmentSchema, (raw as { investment?: unknown }).investment);
  if (!investment.success) throw damaged(investment.errors.map((e) => `investment.${e.path}: ${e.message}`).join('; '));
  return { targets: parsed.data, investment: investment.data };
}

export function serialiseGrid(grid: StoredGrid): string {
  return JSON.stringify({ version: STORED_VERSION, targets: grid.targets, investment: grid.investment });
}

type RowInput = PlanInput['quarterlyTargets']['rows'][number];

/**
 * The card's rows as the domain's grid rows, validated by the domain (a derived metric must have the
 * unit and reading its facts allow). Issues carry paths into the function's parameters, and messages
 * that name the field in words.
 */
export function targetsFromRows(
  rows: ReadonlyArray<
    Required<Pick<RowInput, 'metric' | 'label' | 'unit'>> &
      Pick<RowInput, 'measure' | 'baseline' | 'targets' | 'actuals' | 'scale'>
  >,
  currency: string | null,
): { success: true; data: MetricTarget[] } | { success: false; errors: ValidationIssue[] } {
  const candidates = rows.map((row) => ({
    id: row.metric,
    name: row.label,
    unit: row.unit,
    ...(row.unit === 'currency' ? { currency: currency ?? 'XXX' } : {}),
    ...(row.unit === 'scale' ? { scale: row.scale } : {}),
    measure: measureOf(row),
    baseline: row.baseline ?? null,
    source: isDerived(row.metric) ? row.metric : 'typed',
    quarters: row.targets,
    actuals: row.actuals,
  }));
  const parsed = validate(quarterlyTargetsSchema, candidates);
  if (parsed.success) return parsed;
  // The domain names a row by its index, as the card does; only the field names differ.
  const field: Record<string, string> = { id: 'metric', name: 'label', quarters: 'targets' };
  return {
    success: false,
    errors: parsed.errors.map((e) => {
      const [index, key, ...rest] = e.path.split('.');
      const path = [
        'plan',
        'quarterlyTargets',
        'rows',
        index,
        key === undefined ? undefined : (field[key] ?? key),
        ...rest,
      ]
        .filter((p) => p !== undefined)
        .join('.');
      const value = rest.length === 1 ? valueAt(candidates[Number(index)], key, rest[0]) : undefined;
      return { path, message: value === undefined ? e.message : `${e.message} (not ${value})` };
    }),
  };
}

function valueAt(
  row: { quarters?: unknown; actuals?: unknown } | undefined,
  key?: string,
  quarter?: string,
): string | undefined {
  const values = key === 'quarters' ? row?.quarters : key === 'actuals' ? row?.actuals : undefined;
  const value = (values as Record<string, unknown> | undefined)?.[quarter ?? ''];
  return typeof value === 'number' ? String(value) : undefined;
}

/** The plan year's first day: the stored plan start, else the start of the fiscal year `now` falls in. */
export function planYearStart(planStart: string | null, fiscalYearStartMonth: number, now: number): number {
  return (
    fromHubSpotDateTime(planStart) ??
    fiscalYearStartOf(fiscalQuarterOf(now, fiscalYearStartMonth).fiscalYear, fiscalYearStartMonth)
  );
}

export function fiscalYearStartOf(fiscalYear: number, fiscalYearStartMonth: number): number {
  return fiscalQuarterStart(fiscalYear, 1, fiscalYearStartMonth);
}

function damaged(detail: string): KeystoneError {
  return new KeystoneError(
    'KAM.INTERNAL',
    `This account's quarterly targets are stored in a form Keystone cannot read (${detail}). Save the plan again to replace them.`,
  );
}

/**
 * The deal property that says which service a deal sold: HubSpot's "Deal type", whose options a portal's
 * admin edits in HubSpot to list the firm's services. "New services used" counts the values a client's
 * won deals take for the first time.
 */
export const SERVICE_DEAL_PROPERTY = 'dealtype';

/**
 * What HubSpot holds of one account that the grid's stance and deal rows are counted from: each
 * contact's stance history and departure, and the closed-won deals with a close date. The card and
 * the quarterly report count from the same.
 */
export function accountFacts(
  contacts: readonly RelationshipContact[],
  deals: readonly CrmRecord[],
): Pick<DerivationFacts, 'stanceTimeline' | 'wonDeals'> {
  return {
    stanceTimeline: contacts.map((contact) => {
      const { leftCompany, leftAt } = coverageContact(contact);
      return { stances: stanceHistoryOf(contact), left: leftCompany, leftAt };
    }),
    wonDeals: deals.flatMap((d) => {
      const closedAt = fromHubSpotDateTime(d.properties.closedate);
      const won = d.properties.hs_is_closed_won === 'true' || d.properties.dealstage === 'closedwon';
      const service = d.properties[SERVICE_DEAL_PROPERTY]?.trim() || null;
      return won && closedAt !== null
        ? [{ closedAt, amount: fromHubSpotNumber(d.properties.amount) ?? 0, service }]
        : [];
    }),
  };
}

/**
 * The account's meetings as the last recalculation counted them per month (it reads each key account's
 * activities for coverage anyway), so the card's plan and the quarterly report count meetings without
 * reading any; and when they were counted: the recalculation scores the company in the same write.
 * None known before a recalculation has stored them.
 */
export function storedMeetings(company: Pick<CrmRecord, 'properties'> | undefined): {
  facts: Pick<DerivationFacts, 'activities'>;
  countedAt: number | null;
} {
  const none = { facts: {}, countedAt: null };
  const stored = company?.properties[COMPANY_PROPERTY.meetingsByMonth];
  if (!stored) return none;
  try {
    const months = JSON.parse(stored) as unknown;
    if (typeof months !== 'object' || months === null) return none;
    return {
      facts: {
        activities: meetingsOfMonths(months as Record<string, number>).map((at) => ({ kind: 'meeting' as const, at })),
      },
      countedAt: fromHubSpotDateTime(company.properties[COMPANY_PROPERTY.scoredAt]),
    };
  } catch {
    return none;
  }
}
