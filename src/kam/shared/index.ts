export * from './time.ts';
export * from './stance.ts';
export * from './buying-role.ts';
export * from './key-account-status.ts';
export * from './validation.ts';
