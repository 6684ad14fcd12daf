export { recalculateSlice, type SliceRequest, type SliceResult } from './recalculate.ts';
export { scoreProperties } from './write-back.ts';
export { readPortfolioFacts } from './portfolio-facts.ts';
export { portfolioSnapshotSchema, storedSnapshot, type PortfolioSnapshot, type StoredSnapshot } from './portfolio-snapshot.ts';
