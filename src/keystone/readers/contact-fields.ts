import { CONTACT_PROPERTY } from '../../crm/model/index.ts';
import { fromHubSpotDateTime } from '../../crm/records.ts';
import type { CoverageContact } from '../../kam/coverage/index.ts';
import {
  BUYING_ROLES,
  DECISION_POWERS,
  DEPARTURE_REASONS,
  STANCES,
  instantSchema,
  splitList,
  type BuyingRole,
  type DecisionPower,
  type DepartureReason,
  type Instant,
  type Stance,
} from '../../kam/shared/index.ts';
import type { RecordWithHistory } from './hubspot-reads.ts';

// A HubSpot contact as Keystone reads it. Values a person typed into HubSpot directly may be anything,
// so each is checked against its list and dropped (not guessed) when it does not fit.

export function contactName(properties: Record<string, string | null>, id: string): string {
  return `${properties.firstname ?? ''} ${properties.lastname ?? ''}`.trim() || properties.email || `Contact ${id}`;
}

export const asStance = (value: string | null | undefined): Stance | null =>
  (STANCES as readonly string[]).includes(value ?? '') ? (value as Stance) : null;
export const asDecisionPower = (value: string | null | undefined): DecisionPower | null =>
  (DECISION_POWERS as readonly string[]).includes(value ?? '') ? (value as DecisionPower) : null;

/** Why the contact left, as recorded on them; null when not recorded (or typed into HubSpot as something else). */
export const asDepartureReason = (properties: Record<string, string | null>): DepartureReason | null => {
  const value = properties[CONTACT_PROPERTY.leftReason] ?? '';
  return (DEPARTURE_REASONS as readonly string[]).includes(value) ? (value as DepartureReason) : null;
};

/** A HubSpot date-time as the domain's instant; a time before 1970 or not a time at all is no time. */
export function asInstant(value: string | null | undefined): Instant | null {
  const parsed = instantSchema.safeParse(fromHubSpotDateTime(value));
  return parsed.success ? parsed.data : null;
}

function buyingRoles(value: string | null | undefined): BuyingRole[] {
  return splitList(value).filter((v): v is BuyingRole => (BUYING_ROLES as readonly string[]).includes(v));
}

const recordId = (value: string | null | undefined, self: string): string | null =>
  value && /^\d+$/.test(value) && value !== self ? value : null;

/** Every stance recorded for the contact, newest first, from HubSpot's property history (the current one included). */
export function stanceHistoryOf(contact: RecordWithHistory): Array<{ stance: Stance | null; at: Instant }> {
  return (contact.history[CONTACT_PROPERTY.stance] ?? []).map((h) => ({ stance: asStance(h.value), at: h.at }));
}

/** The contact as coverage reads it. */
export function coverageContact(contact: RecordWithHistory & { taggedKeyContact: boolean }): CoverageContact {
  const p = contact.properties;
  return {
    id: contact.id,
    name: contactName(p, contact.id),
    title: p.jobtitle || null,
    taggedKeyContact: contact.taggedKeyContact,
    buyingRoles: buyingRoles(p.hs_buying_role),
    stance: asStance(p[CONTACT_PROPERTY.stance]),
    decisionPower: asDecisionPower(p[CONTACT_PROPERTY.decisionPower]),
    decisionTopics: splitList(p[CONTACT_PROPERTY.decisionTopics]),
    reportsTo: recordId(p[CONTACT_PROPERTY.reportsTo], contact.id),
    leftCompany: p[CONTACT_PROPERTY.leftCompany] === 'true',
    leftAt: asInstant(p[CONTACT_PROPERTY.leftAt]),
    leftReason: asDepartureReason(p),
    replacedBy: recordId(p[CONTACT_PROPERTY.replacedBy], contact.id),
  };
}
