import type { Client } from '@hubspot/api-client';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { saveCompetitionParametersSchema, SavedCompetition } from '../../contracts/save-competition.ts';
import { hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { withdrawClaim } from '../../crm/revision-claim.ts';
import { claimRevisionRecord } from './revision-record.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import {
  PROPERTY_VALUE_MAX_CHARS,
  storedCompetitionSchema,
  type StoredCompetition,
} from '../../kam/competition/index.ts';
import { requireCompany } from '../readers/company.ts';
import { managerActing } from './manager.ts';

// Competitors and our strengths and weaknesses are saved whole on the company, one JSON value with
// its revision. HubSpot has no conditional write, so a save claims its revision first with a plan
// revision record keyed `competition:<companyId>:<revision>` (src/crm/revision-claim.ts): of two saves
// from the same revision only one can claim it. HubSpot's property history is the change log.

type CompetitionSave = z.output<typeof saveCompetitionParametersSchema> & { now: number };

/** What the company holds: null when nothing was ever saved, 'unreadable' when the value is damaged. */
export function storedCompetition(value: string | null | undefined): StoredCompetition | 'unreadable' | null {
  if (!value) return null;
  try {
    const parsed = storedCompetitionSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The revision a stored value holds, as the evidence of a review trigger: empty when there is none. */
export function competitionRevision(value: string): string {
  const stored = storedCompetition(value);
  return stored === null || stored === 'unreadable' ? '' : String(stored.revision);
}

export async function saveCompetition(
  client: Client,
  objectTypes: ObjectTypeResolver,
  save: CompetitionSave,
): Promise<SavedCompetition> {
  const actionId = save.actionId ?? randomUUID();
  const { caller } = await managerActing(client, objectTypes, save.userId);
  const [company, claimType] = await Promise.all([
    requireCompany(client, save.companyId, { properties: [COMPANY_PROPERTY.competition] }),
    objectTypes.objectTypeId('planRevision'),
  ]);
  const before = storedCompetition(company.properties[COMPANY_PROPERTY.competition]);
  const person = { userId: Number(caller.userId), ownerId: caller.ownerId, name: caller.name };
  const answer = (stored: StoredCompetition): SavedCompetition => ({
    revision: stored.revision,
    savedAt: stored.savedAt,
    savedBy: person,
    competition: stored.competition,
  });
  // This press of Save already landed (its answer was lost): it is done.
  if (
    before !== null &&
    before !== 'unreadable' &&
    before.actionId === actionId &&
    before.revision === save.baseRevision + 1
  )
    return answer(before);
  // A damaged value counts as revision 0, so a manager can save over it to repair it.
  const currentRevision = before === null || before === 'unreadable' ? 0 : before.revision;
  if (currentRevision !== save.baseRevision) throw changedElsewhere();

  const saved: StoredCompetition = {
    version: 1,
    revision: currentRevision + 1,
    savedByUserId: Number(caller.userId),
    savedAt: save.now,
    actionId,
    competition: save.competition,
  };
  const value = JSON.stringify(saved);
  if (value.length > PROPERTY_VALUE_MAX_CHARS) {
    // The bounds on each list keep well inside HubSpot's limit; this is the guard if they ever grow.
    const message = `The competitors and points take ${value.length} characters; HubSpot holds ${PROPERTY_VALUE_MAX_CHARS}. Shorten them.`;
    throw new KeystoneError('KAM.INVALID_PARAMETERS', message, { issues: [{ path: 'competition', message }] });
  }

  const key = `competition:${save.companyId}:${saved.revision}`;
  const claimId = await claimRevisionRecord(client, {
    objectTypeId: claimType,
    key,
    planId: `competition:${save.companyId}`,
    revision: saved.revision,
    userId: caller.userId,
    now: save.now,
    actionId,
  });
  if (claimId === null) throw changedElsewhere();
  try {
    await hubspotCall(() =>
      client.crm.companies.basicApi.update(save.companyId, { properties: { [COMPANY_PROPERTY.competition]: value } }),
    );
  } catch (error) {
    // A lost answer may hide a write that happened: then the save stands.
    const after = await requireCompany(client, save.companyId, { properties: [COMPANY_PROPERTY.competition] })
      .then((c) => storedCompetition(c.properties[COMPANY_PROPERTY.competition]))
      .catch(() => null);
    if (after === null || after === 'unreadable' || after.actionId !== actionId) {
      await withdrawClaim(client, claimType, claimId);
      throw error;
    }
  }
  return answer(saved);
}

function changedElsewhere(): KeystoneError {
  return new KeystoneError('KAM.COMPETITION_CHANGED_ELSEWHERE');
}
