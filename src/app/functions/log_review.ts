import { logAccountReview } from '../../keystone/account/index.ts';
import { logReviewParametersSchema } from '../../contracts/log-review.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'log_review',
  { parameters: logReviewParametersSchema },
  (parameters, { client, objectTypes, now }) => logAccountReview(client, objectTypes, { ...parameters, now }),
);
