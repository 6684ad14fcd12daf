import { changeKeyAccountStatus } from '../../keystone/account/index.ts';
import { tagKeyAccountParametersSchema } from '../../contracts/tag-key-account.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'tag_key_account',
  { parameters: tagKeyAccountParametersSchema },
  (parameters, { client, objectTypes, now }) => changeKeyAccountStatus(client, objectTypes, { ...parameters, now }),
);
