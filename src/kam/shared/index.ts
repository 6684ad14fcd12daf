export * from './time.ts';
export * from './stance.ts';
export * from './buying-role.ts';
export * from './key-account-status.ts';
export * from './validation.ts';
export * from './decision-power.ts';
export * from './review-cadence.ts';
export * from './list-value.ts';
