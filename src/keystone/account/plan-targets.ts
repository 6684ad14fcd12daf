import type { PlanInput } from '../../contracts/save-account-plan.ts';
import type { CrmRecord } from '../../crm/records.ts';
import { fromHubSpotDateTime, fromHubSpotNumber } from '../../crm/records.ts';
import {
  DERIVED_SOURCES,
  quarterlyTargetsSchema,
  type DerivationFacts,
  type DerivedSource,
  type Measure,
  type MetricTarget,
} from '../../kam/objectives/index.ts';
import { fiscalQuarterOf, fiscalQuarterStart, validate, type ValidationIssue } from '../../kam/shared/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { coverageContact, stanceHistoryOf } from '../readers/contact-fields.ts';
import type { RelationshipContact } from './relationships.ts';

// The quarterly grid is stored on the plan as versioned JSON holding the objectives domain's own rows,
// so the stored form and the domain never drift apart. The card edits a flatter row (the save_account_plan contract).

const STORED_VERSION = 1;

/** How each derived row reads unless the plan says otherwise: friends at quarter end, enemies as a change, the rest per quarter or to date. */
const DEFAULT_MEASURE: Record<DerivedSource, Measure> = {
  friends_and_allies: 'level',
  enemies_and_protesters: 'change',
  meetings: 'per_quarter',
  new_opportunities: 'year_to_date',
  income_increase: 'year_to_date',
};

const isDerived = (metric: string): metric is DerivedSource => Object.hasOwn(DERIVED_SOURCES, metric);

export function storedPlanTargets(json: string | null): MetricTarget[] {
  if (!json) return [];
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
  return parsed.data;
}

export function serialiseTargets(targets: readonly MetricTarget[]): string {
  return JSON.stringify({ version: STORED_VERSION, targets });
}

type RowInput = PlanInput['quarterlyTargets']['rows'][number];

/**
 * The card's rows as the domain's grid rows, validated by the domain (a derived metric must have the
 * unit and reading its facts allow). Issues carry paths into the function's parameters.
 */
export function targetsFromRows(
  rows: ReadonlyArray<
    Required<Pick<RowInput, 'metric' | 'label' | 'unit'>> &
      Pick<RowInput, 'measure' | 'baseline' | 'targets' | 'actuals'>
  >,
  currency: string | null,
): { success: true; data: MetricTarget[] } | { success: false; errors: ValidationIssue[] } {
  const candidates = rows.map((row) => ({
    id: row.metric,
    name: row.label,
    unit: row.unit,
    ...(row.unit === 'currency' ? { currency: currency ?? 'XXX' } : {}),
    measure: row.measure ?? (isDerived(row.metric) ? DEFAULT_MEASURE[row.metric] : 'level'),
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
      return {
        path: ['plan', 'quarterlyTargets', 'rows', index, key === undefined ? undefined : (field[key] ?? key), ...rest]
          .filter((p) => p !== undefined)
          .join('.'),
        message: e.message,
      };
    }),
  };
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
      return won && closedAt !== null ? [{ closedAt, amount: fromHubSpotNumber(d.properties.amount) ?? 0 }] : [];
    }),
  };
}
