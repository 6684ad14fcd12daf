import { z } from 'zod';
import { validate, type Validated } from '../shared/validation.ts';

// One client in the portfolio analysis. `revenue` and `deals` cover the same window (Keystone uses
// the last 12 months of closed-won deals); `relationshipOwnerIds` are the HubSpot owners on our side
// who hold a relationship with the client and `soleRelationshipOwnerId` the one who alone holds most of
// it, both as relationship coverage weighs logged meetings, calls and emails (relationshipHolding).
const amount = z.number().nonnegative();

export const portfolioAccountSchema = z.object({
  companyId: z.string().trim().min(1),
  name: z.string().default(''),
  revenue: amount,
  deals: z.array(z.object({ dealId: z.string().trim().min(1), amount })).default([]),
  /** Null when the account's relationships have not been weighed yet (no recalculation since it joined). */
  relationshipOwnerIds: z.array(z.string().trim().min(1)).nullable().default([]),
  soleRelationshipOwnerId: z.string().trim().min(1).nullable().default(null),
});
export type PortfolioAccount = z.infer<typeof portfolioAccountSchema>;
export type PortfolioAccountInput = z.input<typeof portfolioAccountSchema>;

const portfolioSchema = z.array(portfolioAccountSchema).superRefine((accounts, ctx) => {
  const seen = new Set<string>();
  accounts.forEach((account, i) => {
    if (seen.has(account.companyId))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'companyId'],
        message: `Company ${account.companyId} appears twice in the portfolio`,
      });
    seen.add(account.companyId);
  });
});

export function parsePortfolio(input: unknown): Validated<PortfolioAccount[]> {
  return validate(portfolioSchema, input);
}
