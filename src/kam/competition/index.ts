export * from './competition.ts';
