import { cardData } from '../../keystone/account/index.ts';
import { cardDataParametersSchema } from '../../contracts/registry.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(cardDataParametersSchema, ({ companyId, userId, portalId }, { client, objectTypes, now }) => cardData(client, objectTypes, { companyId, userId, portalId, now }));
