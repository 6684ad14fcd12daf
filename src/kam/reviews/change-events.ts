import { z } from 'zod';
import { OBJECTIVE_STATUSES } from '../objectives/schema.ts';
import { STANCES, instantSchema, validate, type Validated } from '../shared/index.ts';

/**
 * The properties whose changes can trigger a review, in the domain's words; the backend maps
 * HubSpot's property names onto them (e.g. `jobtitle` → contact `title`, `hubspot_owner_id` →
 * company `owner`, `hs_parent_company_id` → company `parentCompany`, `hs_buying_role` → contact
 * `buyingRoles`, its semicolon-separated list; `strategy` is the client's strategy as the account team
 * words it). `team` is our KAM team, with
 * values the backend chooses (e.g. sorted owner IDs), and `mergedCompanies` HubSpot's merged record IDs.
 */
export const WATCHED_PROPERTIES = {
  contact: ['leftCompany', 'title', 'stance', 'buyingRoles'],
  company: ['parentCompany', 'mergedCompanies', 'owner', 'team', 'strategy', 'competition'],
  objective: ['status'],
} as const;
type ChangedRecordKind = keyof typeof WATCHED_PROPERTIES;
const RECORD_KINDS = Object.keys(WATCHED_PROPERTIES) as ChangedRecordKind[];

// Values the trigger rules compare, so a mistyped one is an error instead of a silently missed trigger.
const ALLOWED_VALUES: Partial<Record<string, readonly string[]>> = {
  'contact.leftCompany': ['true', 'false'],
  'contact.stance': STANCES,
  'objective.status': OBJECTIVE_STATUSES,
};

const recordId = z.string().min(1);
// HubSpot writes an empty string when a property is cleared.
const propertyValue = z
  .string()
  .nullable()
  .transform((value) => (value === '' ? null : value));

const watchedProperty = <S extends { kind: ChangedRecordKind; property: string }>(
  event: S,
  ctx: z.RefinementCtx,
  valuePaths: Array<[string, string | null]>,
) => {
  const watched: readonly string[] = WATCHED_PROPERTIES[event.kind];
  if (!watched.includes(event.property)) {
    ctx.addIssue({
      code: 'custom',
      path: ['property'],
      message: `A ${event.kind} change to "${event.property}" is not watched; expected one of ${watched.join(', ')}`,
    });
    return;
  }
  const allowed = ALLOWED_VALUES[`${event.kind}.${event.property}`];
  for (const [path, value] of valuePaths) {
    if (allowed && value !== null && !allowed.includes(value))
      ctx.addIssue({
        code: 'custom',
        path: path.split('.'),
        message: `"${value}" is not a ${event.property} value; expected one of ${allowed.join(', ')}`,
      });
  }
};

/** One change of one property of one record, in the shape of HubSpot's property history. */
export const changeEventSchema = z
  .object({
    kind: z.enum(RECORD_KINDS),
    recordId,
    property: z.string().min(1),
    from: propertyValue,
    to: propertyValue,
    at: instantSchema,
  })
  .superRefine((event, ctx) =>
    watchedProperty(event, ctx, [
      ['from', event.from],
      ['to', event.to],
    ]),
  );
export type ChangeEvent = z.infer<typeof changeEventSchema>;

// HubSpot's client gives Dates and its REST API ISO strings; both become epoch ms.
const historyTimestamp = z.union([
  instantSchema,
  z.date().transform((date) => date.getTime()),
  z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso)),
]);

/** A property's history as HubSpot's `propertiesWithHistory` returns it: newest first. */
const propertyHistorySchema = z
  .object({
    kind: z.enum(RECORD_KINDS),
    recordId,
    property: z.string().min(1),
    history: z.array(z.object({ value: propertyValue, timestamp: historyTimestamp })),
  })
  .superRefine((list, ctx) =>
    watchedProperty(
      list,
      ctx,
      list.history.map((entry, index): [string, string | null] => [`history.${index}.value`, entry.value]),
    ),
  );
export type PropertyHistory = z.input<typeof propertyHistorySchema>;

/**
 * Turns property histories into change events, oldest change first. The first recorded value is a
 * change from nothing (a stance first set to enemy is "a new enemy"); a value set again unchanged is
 * no change. Entries are sorted by time here; two changes in the same millisecond keep HubSpot's
 * order (newest first), which is the only thing that tells them apart.
 */
export function changeEventsFromHistory(histories: readonly PropertyHistory[]): Validated<ChangeEvent[]> {
  const parsed = validate(z.array(propertyHistorySchema), histories);
  if (!parsed.success) return parsed;
  const events = parsed.data.flatMap(({ kind, recordId, property, history }) => {
    const oldestFirst = [...history].reverse().sort((a, b) => a.timestamp - b.timestamp);
    const changes: ChangeEvent[] = [];
    let previous: string | null = null;
    for (const entry of oldestFirst) {
      if (entry.value !== previous)
        changes.push({ kind, recordId, property, from: previous, to: entry.value, at: entry.timestamp });
      previous = entry.value;
    }
    return changes;
  });
  return { success: true, data: events.sort((a, b) => a.at - b.at) };
}
