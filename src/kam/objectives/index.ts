export * from './schema.ts';
export * from './quarters.ts';
export * from './progress.ts';
export * from './derive.ts';
export * from './units.ts';
export * from './catalogue.ts';
export * from './investment.ts';
export * from './meeting-months.ts';
