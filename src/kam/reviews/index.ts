export * from './cadence.ts';
export * from './review-due.ts';
export * from './change-events.ts';
export * from './triggers.ts';
export * from './outcome.ts';
export * from './recorded-events.ts';
export * from './last-review.ts';
