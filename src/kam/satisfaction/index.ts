export * from './satisfaction.ts';
