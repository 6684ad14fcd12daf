import { KEY_CONTACT_LABEL } from '../../src/crm/model/associations.ts';
import type { SeedAssociationDefinition } from '../seed.ts';
import type { ClientPeople } from './contacts.ts';
import type { SeedAssociationInput } from './records.ts';

// Keystone's "Key contact" association label, as setup creates it, and the contacts account teams
// have tagged with it on the accounts they manage as key (or are weighing up).

/** Above the sandbox's and HubSpot's own type ids, as user-defined labels are. */
const KEY_CONTACT_TYPE_ID = 1001;
const KEY_ACCOUNT_TYPE_ID = 1002;
const MOST_KEY_CONTACTS = 4;

export const KEY_CONTACT_DEFINITION = {
  fromType: KEY_CONTACT_LABEL.fromObject,
  toType: KEY_CONTACT_LABEL.toObject,
  typeId: KEY_CONTACT_TYPE_ID,
  inverseTypeId: KEY_ACCOUNT_TYPE_ID,
  name: KEY_CONTACT_LABEL.name,
  label: KEY_CONTACT_LABEL.label,
  inverseLabel: KEY_CONTACT_LABEL.inverseLabel,
} satisfies SeedAssociationDefinition;

// The people the stories are about come first, then the chief executive and the directors. A contact
// who has left stays tagged: noticing that is the point of the departure trigger.
export function tagKeyContacts(clients: readonly ClientPeople[]): SeedAssociationInput[] {
  return clients
    .filter(({ company }) => company.plan.status === 'key' || company.plan.status === 'candidate')
    .flatMap(({ company, contacts, quietAlly, onlyThread, departure }) => {
      const storyPeople = [quietAlly, onlyThread, departure?.leftId].filter((id): id is string => id !== undefined);
      const senior = contacts.filter((c) => c.level <= 1).map((c) => c.id);
      const tagged = [...new Set([...storyPeople, ...senior])].slice(0, MOST_KEY_CONTACTS);
      return tagged.map((contactId) => ({
        fromType: 'companies',
        fromId: company.id,
        toType: 'contacts',
        toId: contactId,
        associationTypeId: KEY_CONTACT_TYPE_ID,
        associationCategory: 'USER_DEFINED' as const,
      }));
    });
}
