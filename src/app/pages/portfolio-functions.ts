import type { PORTFOLIO_FUNCTIONS } from '../../contracts/portfolio-overview.ts';

// The pages' function, checked against the backend's list at compile time (that list lives in a
// module that imports zod, which this folder does not install).
export const PORTFOLIO_FUNCTION = { portfolioOverview: 'portfolio_overview' } as const satisfies typeof PORTFOLIO_FUNCTIONS;

