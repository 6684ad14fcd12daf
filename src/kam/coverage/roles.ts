import type { BuyingRole, DecisionPower } from '../shared/index.ts';
import type { CoverageContact } from './schema.ts';

// Either Keystone's decision power or HubSpot's buying roles may be filled in (teams rarely fill
// both), so a contact counts when either says so.
const DECIDING_POWERS: readonly DecisionPower[] = ['final_say', 'decides'];
const DECIDING_ROLES: readonly BuyingRole[] = ['DECISION_MAKER', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'];
const INFLUENCING_ROLES: readonly BuyingRole[] = ['CHAMPION', 'INFLUENCER', 'BLOCKER', 'LEGAL_AND_COMPLIANCE'];

type Roles = Pick<CoverageContact, 'decisionPower' | 'buyingRoles'>;

/** Decides on buying: decision power `final_say` or `decides`, or buying role decision maker, budget holder or executive sponsor. */
export function isDecisionMaker(contact: Roles): boolean {
  return (
    (contact.decisionPower != null && DECIDING_POWERS.includes(contact.decisionPower)) ||
    contact.buyingRoles.some((role) => DECIDING_ROLES.includes(role))
  );
}

/**
 * A key contact is one the plan is about: tagged "Key contact", a decision maker, or someone who
 * influences the decision (decision power `influences`, or buying role champion, influencer,
 * blocker or legal and compliance). End users and contacts without any of these are not key.
 */
export function isKeyContact(contact: Roles & Pick<CoverageContact, 'taggedKeyContact'>): boolean {
  return (
    contact.taggedKeyContact ||
    isDecisionMaker(contact) ||
    contact.decisionPower === 'influences' ||
    contact.buyingRoles.some((role) => INFLUENCING_ROLES.includes(role))
  );
}

// Titles that name the head of the client's organisation. A deputy, a vice president or an
// assistant to the chief executive carries the words but is not the head.
const HEAD_TITLE = /\b(chief executive|ceo|managing director|president|founder)\b/i;
const NOT_THE_HEAD = /\b(vice|deputy|assistant|associate|to)\b|\b[se]?vp\b/i;

/** The title names the head of the organisation: chief executive (CEO), managing director, president or founder. */
export function isHeadOfOrganisationTitle(title: string | null): boolean {
  return title !== null && HEAD_TITLE.test(title) && !NOT_THE_HEAD.test(title);
}
