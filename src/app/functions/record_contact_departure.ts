import { recordContactDeparture } from '../../keystone/account/index.ts';
import { recordContactDepartureParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(recordContactDepartureParametersSchema, (parameters, { client, objectTypes, now }) => recordContactDeparture(client, objectTypes, { ...parameters, now }));
