import { z } from 'zod';
import type { StoryRole } from './accounts.ts';
import type { ClientPeople } from './contacts.ts';

// Which records play which part, so tests and demos can go straight to them.

const recordId = z.string().regex(/^\d+$/);

export const demoStoriesSchema = z.object({
  /** Tagged key, well covered, growing relationships: the programme working as it should. */
  clearlyKey: z.array(recordId),
  /** Among our biggest clients with high potential, yet not tagged key. */
  shouldBeKey: z.array(recordId),
  /** Tagged key years ago; fees have since dried up. */
  noLongerQualifies: z.array(recordId),
  /** Untagged after a spell as key accounts. */
  formerKey: z.array(recordId),
  /** Every activity goes through one contact at the client. */
  singleThreaded: z.array(z.object({ companyId: recordId, contactId: recordId })),
  /** A key account that only one of our people ever talks to. */
  singlePersonDependency: z.object({ companyId: recordId, ownerId: recordId }),
  /** A key account whose ally nobody has been in touch with for months. */
  allyGoneQuiet: z.object({ companyId: recordId, contactId: recordId }),
  /** A key account whose director left three weeks ago; a subordinate was promoted into the role. */
  keyContactLeft: z.object({ companyId: recordId, leftContactId: recordId, replacedById: recordId }),
  /** A key account handed to a new account manager three weeks ago. */
  newAccountManager: z.object({ companyId: recordId, ownerId: recordId, previousOwnerId: recordId }),
  /** A key account just acquired by a large group we have never worked for. */
  newParentCompany: z.object({ companyId: recordId, parentCompanyId: recordId }),
});
export type DemoStories = z.infer<typeof demoStoriesSchema>;

export function describeStories(clients: readonly ClientPeople[]): DemoStories {
  const playing = (role: StoryRole): ClientPeople[] => clients.filter((c) => c.company.plan.story === role);
  const one = (role: StoryRole): ClientPeople => {
    const [only, ...more] = playing(role);
    if (!only || more.length > 0)
      throw new Error(`Expected exactly one company in the ${role} story, found ${playing(role).length}`);
    return only;
  };
  const ids = (role: StoryRole): string[] => playing(role).map((c) => c.company.id);
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The demo portal lacks ${what}`);
    return value;
  };

  const dependent = one('singlePersonDependency').company;
  const quiet = one('allyGoneQuiet');
  const left = one('keyContactLeft');
  const handedOver = one('newAccountManager').company;
  const [, previousOwner] = handedOver.record.propertyHistory?.hubspot_owner_id ?? [];
  const departure = required(left.departure, 'the departed key contact');
  return demoStoriesSchema.parse({
    clearlyKey: ids('clearlyKey'),
    shouldBeKey: ids('shouldBeKey'),
    noLongerQualifies: ids('noLongerQualifies'),
    formerKey: clients.filter((c) => c.company.plan.status === 'former').map((c) => c.company.id),
    singleThreaded: playing('singleThreaded').map((c) => ({
      companyId: c.company.id,
      contactId: required(c.onlyThread, 'a single thread'),
    })),
    singlePersonDependency: { companyId: dependent.id, ownerId: dependent.ownerId },
    allyGoneQuiet: { companyId: quiet.company.id, contactId: required(quiet.quietAlly, 'the quiet ally') },
    keyContactLeft: {
      companyId: left.company.id,
      leftContactId: departure.leftId,
      replacedById: departure.replacedById,
    },
    newAccountManager: {
      companyId: handedOver.id,
      ownerId: handedOver.ownerId,
      previousOwnerId: required(previousOwner, 'the previous account manager').value,
    },
    newParentCompany: { companyId: one('newParentCompany').company.id, parentCompanyId: one('acquirer').company.id },
  });
}
