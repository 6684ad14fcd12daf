import { DERIVED_SOURCES, type Better, type DerivedSource, type Measure } from './sources.ts';
import type { NumericUnit } from './units.ts';

/** A metric a plan can track: what it is called, its unit and how a quarter's figure reads, and where actuals come from. */
export interface CatalogueMetric {
  /** The row's key in a plan: a derived metric's key is its source, so any plan that holds it fills it from HubSpot. */
  metric: string;
  label: string;
  unit: NumericUnit;
  measure: Measure;
  /** Which way is good, fixed by what the metric measures (a target's sign never turns it); left out, higher. */
  better?: Better;
  /** Filled from HubSpot, or typed in by the team. */
  source: DerivedSource | 'typed';
  /** A qualitative row's steps, from the first to the best. */
  scale?: readonly string[];
  /** How the figure is read, for the editor. */
  explains: string;
}

const derived = (source: DerivedSource, label: string, explains: string): CatalogueMetric => ({
  metric: source,
  label,
  unit: DERIVED_SOURCES[source].unit,
  measure: DERIVED_SOURCES[source].defaultMeasure,
  better: DERIVED_SOURCES[source].better,
  source,
  explains,
});

/** Every metric the editor offers by name. The first six are the account-plan template's rows, in its order. */
export const METRIC_CATALOGUE: readonly CatalogueMetric[] = [
  derived(
    'friends_and_allies',
    'Friends and allies',
    "Contacts whose stance is ally or supporter at each quarter's end, from their stance history",
  ),
  derived(
    'enemies_and_protesters',
    'Enemies and protesters',
    'Change since the plan year began in contacts whose stance is enemy or protester (−3 is three fewer)',
  ),
  derived('meetings', 'Meetings per quarter', 'Meetings logged with the client in HubSpot within each quarter'),
  derived(
    'new_services',
    'New services used',
    "Services the client bought for the first time this plan year: the distinct values of the won deals' service property",
  ),
  derived('new_opportunities', 'New opportunities secured', 'Deals won since the plan year began'),
  derived(
    'income_increase',
    'Increase in income over last year',
    "Won deals' amounts since the plan year began, less the same span of the previous year",
  ),
  {
    metric: 'relationship_health',
    label: 'Relationship health',
    unit: 'scale',
    measure: 'level',
    better: 'higher',
    source: 'typed',
    scale: ['Cold', 'Cool', 'Warm', 'Strong'],
    explains: "The team's judgement of the relationship at each quarter's end",
  },
];

/** The rows of the account-plan template: the six measures a client account plan tracks quarter by quarter. */
export const PLAN_TEMPLATE_METRICS: readonly string[] = [
  'friends_and_allies',
  'enemies_and_protesters',
  'meetings',
  'new_services',
  'new_opportunities',
  'income_increase',
];

export function catalogueMetric(metric: string): CatalogueMetric | undefined {
  return METRIC_CATALOGUE.find((entry) => entry.metric === metric);
}
