export * from '../shared/selection-criteria.ts';
export * from './company-facts.ts';
export * from './score.ts';
export * from './earned-points.ts';
export * from './drift.ts';
export * from './status-history.ts';
