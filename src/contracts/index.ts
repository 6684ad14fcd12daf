// Every function's contract in one import, for code that reads several (tests, the local preview).
export * from './shared.ts';
export * from './registry.ts';
export * from './card-data.ts';
export * from './tag-key-account.ts';
export * from './untag-key-account.ts';
export * from './save-account-plan.ts';
export * from './record-contact-stance.ts';
export * from './record-contact-departure.ts';
export * from './log-review.ts';
export * from './get-settings.ts';
export * from './save-settings.ts';
export * from './run-setup.ts';
export * from './recalculate-portfolio.ts';
export * from './portfolio-facts.ts';
export * from './portfolio-overview.ts';
export * from './save-competition.ts';
export * from './client-satisfaction.ts';
