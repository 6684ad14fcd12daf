export { readPortfolioRecords, type PortfolioRecords } from './portfolio-reads.ts';
export { portfolioOverview } from './portfolio-overview.ts';
export { quarterlyReport } from './quarterly-report.ts';
