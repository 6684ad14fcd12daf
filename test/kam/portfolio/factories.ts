import {
  portfolioAccountSchema,
  type PortfolioAccount,
  type PortfolioAccountInput,
} from '../../../src/kam/portfolio/index.ts';

export function account(
  overrides: Partial<PortfolioAccountInput> & Pick<PortfolioAccountInput, 'companyId'>,
): PortfolioAccount {
  return portfolioAccountSchema.parse({ name: `Client ${overrides.companyId}`, revenue: 0, ...overrides });
}
