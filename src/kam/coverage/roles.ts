import type { BuyingRole, DecisionPower } from '../shared/index.ts';
import type { CoverageContact } from './schema.ts';

// Either Keystone's decision power or HubSpot's buying roles may be filled in (teams rarely fill
// both), so a contact counts when either says so.
const DECIDING_POWERS: readonly DecisionPower[] = ['final_say', 'decides'];
const DECIDING_ROLES: readonly BuyingRole[] = ['DECISION_MAKER', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'];

type Roles = Pick<CoverageContact, 'decisionPower' | 'buyingRoles'>;

/** Decides on buying: decision power `final_say` or `decides`, or buying role decision maker, budget holder or executive sponsor. */
export function isDecisionMaker(contact: Roles): boolean {
  return (
    (contact.decisionPower != null && DECIDING_POWERS.includes(contact.decisionPower)) ||
    contact.buyingRoles.some((role) => DECIDING_ROLES.includes(role))
  );
}

/** Why the programme watches a contact: each thing recorded about them that says they matter to the plan. */
export const WATCH_REASONS = ['key_contact_label', 'buying_role', 'decision_power', 'stance'] as const;
export type WatchReason = (typeof WATCH_REASONS)[number];

/**
 * What the programme watches a contact for: labelled "Key contact", given a buying role or a say in
 * decisions (a decision power other than "No say"), or assessed with a stance. Recording any of these
 * says the contact matters to the plan, so their departure, new title or change of stance calls for a
 * review, and an ally among them out of touch is a warning. Empty for contacts nobody has said anything about.
 */
export function watchReasons(contact: Roles & Pick<CoverageContact, 'taggedKeyContact' | 'stance'>): WatchReason[] {
  const recorded: Record<WatchReason, boolean> = {
    key_contact_label: contact.taggedKeyContact,
    buying_role: contact.buyingRoles.length > 0,
    // "No say" records that the contact does not weigh in on buying: nothing to watch them for.
    decision_power: contact.decisionPower != null && contact.decisionPower !== 'none',
    stance: contact.stance != null,
  };
  return WATCH_REASONS.filter((reason) => recorded[reason]);
}

/** A key contact is one the programme watches (see `watchReasons`). */
export function isKeyContact(contact: Roles & Pick<CoverageContact, 'taggedKeyContact' | 'stance'>): boolean {
  return watchReasons(contact).length > 0;
}

// Titles that name the head of the client's organisation. A deputy, a vice president or an
// assistant to the chief executive carries the words but is not the head.
const HEAD_TITLE = /\b(chief executive|ceo|managing director|president|founder)\b/i;
const NOT_THE_HEAD = /\b(vice|deputy|assistant|associate|to)\b|\b[se]?vp\b/i;

/** The title names the head of the organisation: chief executive (CEO), managing director, president or founder. */
export function isHeadOfOrganisationTitle(title: string | null): boolean {
  return title !== null && HEAD_TITLE.test(title) && !NOT_THE_HEAD.test(title);
}
