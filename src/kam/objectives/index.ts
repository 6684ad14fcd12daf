export * from './schema.ts';
export * from './quarters.ts';
export * from './progress.ts';
export * from './derive.ts';
