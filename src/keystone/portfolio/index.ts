export { readPortfolioRecords, type PortfolioRecords } from './portfolio-reads.ts';
export { portfolioOverview } from './portfolio-overview.ts';
