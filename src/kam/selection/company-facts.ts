import { z } from 'zod';
import { keyAccountStatusSchema } from '../shared/key-account-status.ts';
import { validate, type Validated } from '../shared/validation.ts';

// What selection knows about one company. Field names follow Keystone's company properties
// (src/crm/model/company-properties.ts) and HubSpot's `annualrevenue`. `null` (or leaving a field
// out) means "not known": the score lists it as missing instead of reading it as 0.
const amount = z.number().nonnegative();
const rating = z.number().min(0).max(10);

export const companyFactsSchema = z.object({
  companyId: z.string().trim().min(1),
  name: z.string().default(''),
  status: keyAccountStatusSchema.default('none'),
  // From the CRM: closed-won deal amounts over the last 12 months, open deal amounts, `annualrevenue`.
  revenueLast12Months: amount.nullable().default(null),
  openPipeline: amount.nullable().default(null),
  annualRevenue: amount.nullable().default(null),
  referralCount: z.number().int().nonnegative().nullable().default(null),
  // Recorded by the account team on the company record.
  potentialRevenue: amount.nullable().default(null),
  totalSpendInOurArea: amount.nullable().default(null),
  marginPercent: z.number().min(-100).max(100).nullable().default(null),
  prestige: rating.nullable().default(null),
  strategicFit: rating.nullable().default(null),
});
export type CompanyFacts = z.infer<typeof companyFactsSchema>;
export type CompanyFactsInput = z.input<typeof companyFactsSchema>;

export function parseCompanyFacts(input: unknown): Validated<CompanyFacts> {
  return validate(companyFactsSchema, input);
}

/** Parses a whole portfolio at once; errors are prefixed with the company's index (`3.prestige`). */
export function parsePortfolioFacts(input: unknown): Validated<CompanyFacts[]> {
  return validate(z.array(companyFactsSchema), input);
}
