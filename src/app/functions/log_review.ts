import { logAccountReview } from '../../keystone/account/index.ts';
import { logReviewParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(logReviewParametersSchema, (parameters, { client, objectTypes, now }) => logAccountReview(client, objectTypes, { ...parameters, now }));
