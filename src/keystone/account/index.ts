export { cardData, cardSection } from './card-data.ts';
export { changeKeyAccountStatus } from './key-account-status.ts';
export { saveAccountPlan } from './account-plan.ts';
export { recordContactStance, recordContactDeparture } from './contact-relationship.ts';
export { logAccountReview } from './review-log.ts';
export { recordReviewEvent } from './review-events.ts';
export { saveCompetition } from './competition.ts';
export { readClientSatisfaction } from './satisfaction.ts';
