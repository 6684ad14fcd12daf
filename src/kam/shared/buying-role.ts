import { z } from 'zod';

// HubSpot's own multi-select `hs_buying_role` values: Keystone reads them instead of keeping a copy.
export const BUYING_ROLES = [
  'BLOCKER',
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'LEGAL_AND_COMPLIANCE',
  'OTHER',
] as const;
export const buyingRoleSchema = z.enum(BUYING_ROLES);
export type BuyingRole = z.infer<typeof buyingRoleSchema>;

/** The roles that buy: a contact taking one on is a new buyer at the client, a reason to review the plan. */
export const BUYER_ROLES: readonly BuyingRole[] = ['DECISION_MAKER', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'];
