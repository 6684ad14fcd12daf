import { randomUUID } from 'node:crypto';
import type { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import type {
  ContactDeparture,
  recordContactDepartureParametersSchema,
} from '../../contracts/record-contact-departure.ts';
import type { ContactStance, recordContactStanceParametersSchema } from '../../contracts/record-contact-stance.ts';
import { associatedIds } from '../../crm/association-lists.ts';
import { hubspotCall } from '../../crm/batch.ts';
import { answeredWithin } from '../../crm/retry.ts';
import { CONTACT_PROPERTY, KEY_CONTACT_LABEL } from '../../crm/model/index.ts';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { presentProperties, toHubSpotDateTime } from '../../crm/records.ts';
import { KeystoneError, isKeystoneError } from '../../errors/keystone-error.ts';
import { splitList } from '../../kam/shared/index.ts';
import { asDecisionPower, asStance, contactName } from '../readers/contact-fields.ts';
import { storeCoverageSummary } from './coverage-summary.ts';
import { managerActing } from './manager.ts';

// Stance, decision power and departures are plain contact properties: HubSpot's property history
// is their history. Each changes how the account's relationships weigh, so the coverage score and top
// risk the company sidebar shows are weighed again and stored at once; a failure there answers an
// error although the contact was written, and saving again stores them.
//
// Each write carries the card's action id (one press of a button) on the contact, in the same update:
// pressed again after a lost answer, the change is found in that property's history and not written a
// second time (a second stance entry in the history, or, had another manager changed the contact
// meanwhile, their change overwritten by a stale one); only the sidebar's summary is stored again.

type StanceChange = z.output<typeof recordContactStanceParametersSchema>;
type DepartureChange = z.output<typeof recordContactDepartureParametersSchema>;

export async function recordContactStance(
  client: Client,
  objectTypes: ObjectTypeResolver,
  change: StanceChange & { now: number },
): Promise<ContactStance> {
  const { settings } = await managerActing(client, objectTypes, change.userId);
  const actionId = change.actionId ?? randomUUID();
  const [current] = await requireContactsAt(client, change.companyId, [change.contactId]);
  const properties: Record<string, string> = {};
  if (change.stance !== undefined) properties[CONTACT_PROPERTY.stance] = change.stance ?? '';
  if (change.decisionPower !== undefined) properties[CONTACT_PROPERTY.decisionPower] = change.decisionPower ?? '';
  if (change.decisionTopics !== undefined)
    properties[CONTACT_PROPERTY.decisionTopics] = change.decisionTopics.join('; ');
  await Promise.all([
    Object.keys(properties).length === 0 || current!.actionIds.includes(actionId)
      ? undefined
      : updateContactOnce(client, { contactId: change.contactId, actionId, properties }),
    change.keyContact === undefined
      ? undefined
      : labelKeyContact(client, { companyId: change.companyId, contactId: change.contactId, key: change.keyContact }),
  ]);
  await storeCoverageSummary(client, { companyId: change.companyId, settings, now: change.now });
  // What was not changed is as it was read just before.
  const p = current!.properties;
  return {
    contactId: change.contactId,
    stance: change.stance !== undefined ? change.stance : asStance(p[CONTACT_PROPERTY.stance]),
    decisionPower:
      change.decisionPower !== undefined ? change.decisionPower : asDecisionPower(p[CONTACT_PROPERTY.decisionPower]),
    decisionTopics: change.decisionTopics ?? splitList(p[CONTACT_PROPERTY.decisionTopics]),
    keyContact: change.keyContact ?? null,
  };
}

/**
 * Puts HubSpot's "Key contact" label on the company's association with the contact, or takes it off
 * (the plain association stays). Both are safe to send again: labelling twice or unlabelling an
 * unlabelled pair changes nothing.
 */
async function labelKeyContact(
  client: Client,
  link: { companyId: string; contactId: string; key: boolean },
): Promise<void> {
  const { fromObject, toObject } = KEY_CONTACT_LABEL;
  const definitions = await hubspotCall(() =>
    client.crm.associations.v4.schema.definitionsApi.getAll(fromObject, toObject),
  );
  const typeId = definitions.results.find((d) => d.label === KEY_CONTACT_LABEL.label)?.typeId;
  if (typeId === undefined) {
    const message = 'The "Key contact" label is missing from this portal. Ask an admin to run Keystone setup.';
    throw new KeystoneError('KAM.SETUP_REQUIRED', message);
  }
  const inputs = [
    {
      _from: { id: link.companyId },
      to: { id: link.contactId },
      types: [
        { associationCategory: 'USER_DEFINED' as AssociationSpecAssociationCategoryEnum, associationTypeId: typeId },
      ],
    },
  ];
  if (link.key) await hubspotCall(() => client.crm.associations.v4.batchApi.create(fromObject, toObject, { inputs }));
  else await hubspotCall(() => client.crm.associations.v4.batchApi.archiveLabels(fromObject, toObject, { inputs }));
}

export async function recordContactDeparture(
  client: Client,
  objectTypes: ObjectTypeResolver,
  change: DepartureChange & { now: number },
): Promise<ContactDeparture> {
  const leftAt = change.left ? (change.leftAt ?? change.now) : null;
  if (leftAt !== null && leftAt > change.now) {
    throw new KeystoneError('KAM.INVALID_PARAMETERS', 'The date someone left cannot be in the future.', {
      issues: [{ path: 'leftAt', message: 'cannot be in the future' }],
    });
  }
  const { settings } = await managerActing(client, objectTypes, change.userId);
  const ids = change.replacedByContactId === null ? [change.contactId] : [change.contactId, change.replacedByContactId];
  const contacts = await requireContactsAt(client, change.companyId, ids);
  const actionId = change.actionId ?? randomUUID();
  if (!contacts[0]!.actionIds.includes(actionId))
    await updateContactOnce(client, {
      contactId: change.contactId,
      actionId,
      properties: {
        [CONTACT_PROPERTY.leftCompany]: String(change.left),
        [CONTACT_PROPERTY.leftAt]: leftAt === null ? '' : toHubSpotDateTime(leftAt),
        [CONTACT_PROPERTY.leftReason]: change.left ? (change.reason ?? '') : '',
        [CONTACT_PROPERTY.replacedBy]: change.replacedByContactId ?? '',
      },
    });
  await storeCoverageSummary(client, { companyId: change.companyId, settings, now: change.now });
  return {
    contactId: change.contactId,
    left: change.left,
    reason: change.left ? (change.reason ?? null) : null,
    leftAt,
    replacedBy:
      change.replacedByContactId === null ? null : { contactId: change.replacedByContactId, name: contacts[1]!.name },
  };
}

/**
 * Writes the change with its action id. An update whose answer was lost may have been made: the action
 * id's history says whether it was, looked at up to three times (a read is safe to repeat); when it was,
 * the change stands and is answered as made, and when nobody can tell, the failure is answered.
 */
async function updateContactOnce(
  client: Client,
  { contactId, actionId, properties }: { contactId: string; actionId: string; properties: Record<string, string> },
): Promise<void> {
  try {
    await hubspotCall(() =>
      client.crm.contacts.basicApi.update(contactId, {
        properties: { ...properties, [CONTACT_PROPERTY.lastActionId]: actionId },
      }),
    );
  } catch (error) {
    const actionIds = await answeredWithin(() => readActionIds(client, contactId));
    if (!actionIds?.includes(actionId)) throw error;
  }
}

/** Every action id written on the contact, newest first. */
async function readActionIds(client: Client, contactId: string): Promise<string[]> {
  const contact = await hubspotCall(() =>
    client.crm.contacts.basicApi.getById(contactId, [CONTACT_PROPERTY.lastActionId], [CONTACT_PROPERTY.lastActionId]),
  );
  return actionIdsOf(contact.propertiesWithHistory);
}

const actionIdsOf = (history: Record<string, Array<{ value: string }>> | undefined) =>
  (history?.[CONTACT_PROPERTY.lastActionId] ?? []).map((h) => h.value);

/**
 * Reads each contact and checks it is associated with the company (one call per contact, at most two);
 * KAM.CONTACT_NOT_FOUND or KAM.CONTACT_NOT_AT_COMPANY otherwise. With every action id written on it.
 */
async function requireContactsAt(
  client: Client,
  companyId: string,
  contactIds: readonly string[],
): Promise<Array<{ name: string; properties: Record<string, string | null>; actionIds: string[] }>> {
  return Promise.all(
    contactIds.map(async (contactId) => {
      let contact;
      try {
        contact = await hubspotCall(() =>
          client.crm.contacts.basicApi.getById(
            contactId,
            ['firstname', 'lastname', 'email', ...Object.values(CONTACT_PROPERTY)],
            [CONTACT_PROPERTY.lastActionId],
            ['companies'],
          ),
        );
      } catch (error) {
        if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') {
          const message = `Contact ${contactId} no longer exists in HubSpot. Reload the card.`;
          throw new KeystoneError('KAM.CONTACT_NOT_FOUND', message, { cause: error });
        }
        throw error;
      }
      const properties = presentProperties(contact.properties);
      const name = contactName(properties, contactId);
      const companies =
        (
          await associatedIds(client, {
            fromType: 'contacts',
            toType: 'companies',
            records: [{ id: contactId, list: contact.associations?.companies }],
          })
        ).get(contactId) ?? [];
      if (!companies.includes(companyId)) {
        const message = `${name} is not associated with this company. Associate them first, or pick another contact.`;
        throw new KeystoneError('KAM.CONTACT_NOT_AT_COMPANY', message);
      }
      return { name, properties, actionIds: actionIdsOf(contact.propertiesWithHistory) };
    }),
  );
}
