import { changeKeyAccountStatus } from '../../keystone/account/index.ts';
import { untagKeyAccountParametersSchema } from '../../contracts/untag-key-account.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'untag_key_account',
  { parameters: untagKeyAccountParametersSchema },
  (parameters, { client, objectTypes, now }) => changeKeyAccountStatus(client, objectTypes, { ...parameters, now }),
);
