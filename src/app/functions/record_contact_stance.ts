import { recordContactStance } from '../../keystone/account/index.ts';
import { recordContactStanceParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(recordContactStanceParametersSchema, (parameters, { client, objectTypes }) => recordContactStance(client, objectTypes, parameters));
