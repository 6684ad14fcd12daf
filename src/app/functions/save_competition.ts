import { saveCompetition } from '../../keystone/account/index.ts';
import { saveCompetitionParametersSchema } from '../../contracts/save-competition.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'save_competition',
  { parameters: saveCompetitionParametersSchema },
  (parameters, { client, objectTypes, now }) => saveCompetition(client, objectTypes, { ...parameters, now }),
);
