import { recordContactStance } from '../../keystone/account/index.ts';
import { recordContactStanceParametersSchema } from '../../contracts/record-contact-stance.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'record_contact_stance',
  { parameters: recordContactStanceParametersSchema },
  (parameters, { client, objectTypes, now }) => recordContactStance(client, objectTypes, { ...parameters, now }),
);
