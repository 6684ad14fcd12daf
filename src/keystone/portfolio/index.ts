export { readPortfolioRecords, type PortfolioRecords } from './portfolio-reads.ts';
export { portfolioOverview, COVERAGE_RISKS, LOW_COVERAGE_SCORE, type CoverageRiskKind, type KeyAccountRisk, type PortfolioOverview, type ProgrammeAccount, type ReviewDue } from './portfolio-overview.ts';
export { quarterlyReport, type AccountQuarter, type FiscalQuarter, type QuarterlyReport, type TargetInQuarter } from './quarterly-report.ts';
