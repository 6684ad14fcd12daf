import { cardData } from '../../keystone/account/index.ts';
import { cardDataParametersSchema } from '../../contracts/card-data.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'card_data',
  { parameters: cardDataParametersSchema },
  ({ companyId, userId, portalId }, { client, objectTypes, now }) =>
    cardData(client, objectTypes, { companyId, userId, portalId, now }),
);
