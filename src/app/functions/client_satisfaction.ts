import { readClientSatisfaction } from '../../keystone/account/index.ts';
import { clientSatisfactionParametersSchema } from '../../contracts/client-satisfaction.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'client_satisfaction',
  { parameters: clientSatisfactionParametersSchema },
  (parameters, { client, objectTypes, now }) => readClientSatisfaction(client, objectTypes, { ...parameters, now }),
);
