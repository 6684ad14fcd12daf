export { recalculateSlice, type SliceResult } from './recalculate.ts';
export { readPortfolioFacts } from './portfolio-facts.ts';
export { storedSnapshot, type PortfolioSnapshot, type StoredSnapshot } from './portfolio-snapshot.ts';
