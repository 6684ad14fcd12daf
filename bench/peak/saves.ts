import type { CardData } from '../../src/contracts/card-data.ts';
import type { LogReviewParameters } from '../../src/contracts/log-review.ts';
import type { RecordContactStanceParameters } from '../../src/contracts/record-contact-stance.ts';
import { planInputOf } from '../../src/contracts/plan-input.ts';
import type { SaveAccountPlanParameters } from '../../src/contracts/save-account-plan.ts';
import { STANCES } from '../../src/kam/shared/index.ts';

// What a manager sends from the Key account tab, built from the card_data the tab showed, as the
// cards build it: the next stance for one of the contacts, the plan as read (its revision as the
// base), a calendar review that updated the plan.

type Caller = { userId: number; companyId: string };

/** Null when the account has no contacts to record a stance for. */
export function stanceSave(data: CardData, caller: Caller, pick: number): RecordContactStanceParameters | null {
  const contacts = data.relationships.contacts;
  if (contacts.length === 0) return null;
  const contact = contacts[pick % contacts.length]!;
  const next = STANCES[(STANCES.indexOf(contact.stance ?? 'neutral') + 1) % STANCES.length]!;
  return { ...caller, contactId: contact.contactId, stance: next };
}

export function planSave(data: CardData, caller: Caller): SaveAccountPlanParameters {
  return { ...caller, baseRevision: data.plan.revision, plan: planInputOf(data.plan) };
}

export const reviewSave = (caller: Caller): LogReviewParameters => ({
  ...caller,
  kind: 'calendar',
  outcomes: ['plan_updated'],
  summary: 'Quarterly review with the account team: objectives checked, plan updated.',
});
