export * from './schema.ts';
export * from './roles.ts';
export * from './coverage.ts';
export * from './score.ts';
export * from './org-chart.ts';
