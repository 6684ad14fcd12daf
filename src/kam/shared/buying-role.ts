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
