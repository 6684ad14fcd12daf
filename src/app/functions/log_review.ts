import { logAccountReview } from '../../keystone/account/index.ts';
import { logReviewParametersAt } from '../../contracts/log-review.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'log_review',
  { parameters: logReviewParametersAt },
  (parameters, { client, objectTypes, now }) => logAccountReview(client, objectTypes, { ...parameters, now }),
);
