export { recalculateSlice, type SliceRequest, type SliceResult } from './recalculate.ts';
export { companyFacts, dealAmounts } from '../readers/company-facts.ts';
export { scoreProperties } from './write-back.ts';
export { readPortfolioFacts, type PortfolioFacts } from './portfolio-facts.ts';
export { portfolioSnapshotSchema, storedSnapshot, type PortfolioSnapshot, type StoredSnapshot } from './portfolio-snapshot.ts';
