import { changeKeyAccountStatus } from '../../keystone/account/index.ts';
import { tagKeyAccountParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(tagKeyAccountParametersSchema, (parameters, { client, objectTypes, now }) => changeKeyAccountStatus(client, objectTypes, { ...parameters, now }));
