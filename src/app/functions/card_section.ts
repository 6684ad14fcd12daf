import { cardSection } from '../../keystone/account/index.ts';
import { cardSectionParametersSchema } from '../../contracts/card-section.ts';
import { defineFunction } from './define-function.ts';

export const main = defineFunction(
  'card_section',
  { parameters: cardSectionParametersSchema },
  ({ section, companyId, userId, portalId, session }, { client, objectTypes, now, sessionKey }) =>
    cardSection(client, objectTypes, {
      section,
      companyId,
      userId,
      portalId,
      now,
      session: { key: sessionKey, token: session },
    }),
);
