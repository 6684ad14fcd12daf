import { recordContactDeparture } from '../../keystone/account/index.ts';
import { recordContactDepartureParametersSchema } from '../../contracts/record-contact-departure.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'record_contact_departure',
  { parameters: recordContactDepartureParametersSchema },
  (parameters, { client, objectTypes, now }) => recordContactDeparture(client, objectTypes, { ...parameters, now }),
);
