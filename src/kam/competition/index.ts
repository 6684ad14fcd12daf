export * from './competition.ts';
export * from './limits.ts';
