import { recordReviewEvent } from '../../keystone/account/index.ts';
import { recordReviewEventParametersAt } from '../../contracts/record-review-event.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'record_review_event',
  { parameters: recordReviewEventParametersAt },
  (parameters, { client, objectTypes, now }) => recordReviewEvent(client, objectTypes, { ...parameters, now }),
);
