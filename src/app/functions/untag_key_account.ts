import { changeKeyAccountStatus } from '../../keystone/account/index.ts';
import { untagKeyAccountParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(untagKeyAccountParametersSchema, (parameters, { client, objectTypes, now }) => changeKeyAccountStatus(client, objectTypes, { ...parameters, now }));
