import type { Client } from '@hubspot/api-client';
import type { KeyAccountStatusChange } from '../../contracts/tag-key-account.ts';
import { associatedIds } from '../../crm/association-lists.ts';
import { batchRead, batchReadAssociations, hubspotCall } from '../../crm/batch.ts';
import { answeredWithin } from '../../crm/retry.ts';
import { COMPANY_PROPERTIES, COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { fromHubSpotDateTime, presentProperties, toHubSpotDateTime } from '../../crm/records.ts';
import { scoreCompany } from '../../kam/selection/index.ts';
import {
  isAllowedStatusChange,
  storedKeyAccountStatus,
  STATUS_CHANGES,
  type KeyAccountStatus,
} from '../../kam/shared/index.ts';
import { companyRecordUrl } from '../../contracts/record-link.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { DEAL_PROPERTIES, FACT_PROPERTIES, companyFacts, dealAmounts } from '../readers/company-facts.ts';
import { batchReadWithHistory } from '../readers/hubspot-reads.ts';
import { requireCompany } from '../readers/company.ts';
import { momentInWords } from '../dates-in-words.ts';
import { managerActing } from './manager.ts';
import type { Caller } from '../access/index.ts';
import type { Settings } from '../../kam/settings/index.ts';
import { attachAuditNote, withdrawAuditNote, writeAuditNote, writeDetachedAuditNote } from './audit-note.ts';
import { readPlan } from './account-plan.ts';
import { closeReviewTask, reopenReviewTask, syncTasks } from './plan-tasks.ts';

interface StatusChangeRequest {
  companyId: string;
  userId: number;
  status: KeyAccountStatus;
  /** The status the manager saw when they chose the change. */
  expectedStatus: KeyAccountStatus;
  reason: string;
  /** The portal the card runs in, for the timeline note's link to the card; without it the note names the place. */
  portalId?: number;
  now: number;
}

/** Where the note points readers for the whole trail: the status history on the company's Key account tab. */
function statusHistoryLink(request: StatusChangeRequest) {
  const text = 'Every status change, with who and why: the Status history on the Key account tab of this company';
  return { text, url: request.portalId === undefined ? null : companyRecordUrl(request.portalId, request.companyId) };
}

/**
 * Tags or untags a key account: the status with who, when and why on the company; HubSpot's
 * target-account flag and ICP tier as the settings say; and a note on the company timeline.
 * The note is written first and withdrawn if putting it on the timeline or the company update fails, so
 * the timeline never records a change that did not happen. An account leaving key status leaves the review cycle: its
 * plan's open review-due task is archived; one made key again is back in the cycle, and so is that task.
 *
 * Two managers may change the same account at the same moment, and HubSpot has no conditional update.
 * So the change is refused (KAM.STATUS_CHANGED) when the status is no longer the one the manager saw, is
 * checked again just before the company is written, and the status history is read just after: when
 * another change landed between that check and this write, the manager is told rather than answered ok
 * with a timeline note claiming the change came from a status the account no longer had.
 */
export async function changeKeyAccountStatus(
  client: Client,
  objectTypes: ObjectTypeResolver,
  request: StatusChangeRequest,
): Promise<KeyAccountStatusChange> {
  const { caller, settings, portal } = await managerActing(client, objectTypes, request.userId);
  const { timeZone } = portal;
  if (!isAllowedStatusChange(request.expectedStatus, request.status) && request.expectedStatus !== request.status) {
    const allowed = STATUS_CHANGES[request.expectedStatus].map((s) => `"${statusLabel(s)}"`).join(' or ');
    const message = `A company that is "${statusLabel(request.expectedStatus)}" can become ${allowed}, not "${statusLabel(request.status)}".`;
    throw new KeystoneError('KAM.STATUS_CHANGE_NOT_ALLOWED', message);
  }
  const company = await readCompanyWithDeals(client, request.companyId);
  const previousStatus = companyFacts(request.companyId, company.properties, {
    revenueLast12Months: null,
    openPipeline: null,
  }).status;
  if (previousStatus === request.status) {
    const done = await doneEarlier(client, objectTypes, { request, caller, properties: company.properties, settings });
    if (done) return done;
    const message = `This company is already "${statusLabel(request.status)}". Reload the card to see the latest.`;
    throw new KeystoneError('KAM.STATUS_UNCHANGED', message);
  }
  if (previousStatus !== request.expectedStatus)
    throw await statusChangedSince(client, {
      expected: request.expectedStatus,
      seen: statusSeen(company.properties),
      timeZone,
    });

  const sync = settings.hubspotSync;
  const isTargetAccount = request.status === 'key';
  const properties: Record<string, string> = {
    [COMPANY_PROPERTY.status]: request.status,
    [COMPANY_PROPERTY.statusReason]: request.reason,
    [COMPANY_PROPERTY.statusChangedBy]: caller.userId,
    [COMPANY_PROPERTY.statusChangedAt]: toHubSpotDateTime(request.now),
    // The next review's date stays on a company that leaves key status: the sidebar and the portfolio
    // judge it for key accounts only, and a company made key again is back in the cycle on that date,
    // the one the Reviews tab works out from its plan and last review.
    ...(sync.syncTargetAccountFlag ? { hs_is_target_account: String(isTargetAccount) } : {}),
  };
  if (sync.writeIcpTier) {
    const facts = companyFacts(request.companyId, company.properties, dealAmounts(company.deals, request.now));
    properties.hs_ideal_customer_profile =
      scoreCompany({ ...facts, status: request.status }, settings.selection).icpTier ?? '';
  }

  const noteId = await writeDetachedAuditNote(client, {
    companyId: request.companyId,
    caller,
    at: request.now,
    headline: `Key account status: ${statusLabel(previousStatus)} → ${statusLabel(request.status)}`,
    details: [['Reason', request.reason]],
    link: statusHistoryLink(request),
  });
  let before: StatusRead;
  try {
    // Put on the timeline inside the withdrawal's reach: an attach whose answer was lost may have put it
    // there, and a change that then fails must not leave its note behind for the retry to write again.
    await attachAuditNote(client, noteId, request.companyId);
    // The note took calls: whoever changed the status meanwhile is found here, before anything is overwritten.
    before = await readStatus(client, request.companyId);
    if (before.status !== previousStatus)
      throw await statusChangedSince(client, { expected: request.expectedStatus, seen: before, timeZone });
    await hubspotCall(() => client.crm.companies.basicApi.update(request.companyId, { properties })).catch(
      async (error: unknown) => {
        // A lost answer may hide an update that was made: then the change stands, and so does its note.
        // Looked at up to three times (a read is safe to repeat): not knowing costs a change its note. It
        // was made when the history holds its write, even if another change has landed on top of it since
        // (the clash is then found below, as for an answered update).
        const now = await answeredWithin(() => readStatus(client, request.companyId));
        if (now === null || !wroteIn(now, { status: request.status, userId: caller.userId, at: request.now }))
          throw error;
      },
    );
  } catch (error) {
    await withdrawAuditNote(client, noteId).catch(() => undefined);
    throw error;
  }
  // The change stands once the update is answered: a failed read after it is no reason to say otherwise.
  const after = await readStatus(client, request.companyId).catch(() => null);
  const clash = after && landedBetween(before, after, request.status);
  // The tasks follow the status the company has now: a change that landed at the same moment may stand on
  // top of this one.
  const tasks = await syncTasks(() =>
    followReviewCycle(client, objectTypes, {
      companyId: request.companyId,
      from: previousStatus,
      to: clash ? clash.status : request.status,
      properties: company.properties,
    }),
  );
  if (clash) throw await changedAtTheSameMoment(client, { seen: clash, timeZone });
  return {
    companyId: request.companyId,
    keyAccountStatus: request.status,
    previousStatus,
    isTargetAccount: sync.syncTargetAccountFlag ? isTargetAccount : company.properties.hs_is_target_account === 'true',
    changedBy: { userId: Number(caller.userId), ownerId: caller.ownerId, name: caller.name },
    changedAt: request.now,
    reason: request.reason,
    noteId,
    tasks,
  };
}

/**
 * The same change pressed again after its answer was lost: the status is already the one asked for, set by
 * this user with this reason, from the status they saw. It is answered as made, and its timeline note
 * (found by its moment among the company's notes) is written only if the first attempt's did not stay.
 */
async function doneEarlier(
  client: Client,
  objectTypes: ObjectTypeResolver,
  asked: {
    request: StatusChangeRequest;
    caller: Caller;
    properties: Record<string, string | null>;
    settings: Settings;
  },
): Promise<KeyAccountStatusChange | null> {
  const { request, caller, properties, settings } = asked;
  const seen = statusSeen(properties);
  const changedAt = fromHubSpotDateTime(seen.changedAt);
  if (seen.changedBy !== caller.userId || properties[COMPANY_PROPERTY.statusReason] !== request.reason) return null;
  if (changedAt === null) return null;
  const history = (await readStatus(client, request.companyId)).history;
  // The status before it: the newest other value (a resent update writes the same value again).
  const before = history.find((h) => h.value !== request.status)?.value ?? 'none';
  if (history[0]?.value !== request.status || before !== request.expectedStatus) return null;
  const noteId =
    (await noteAt(client, request.companyId, changedAt)) ??
    (await writeAuditNote(client, {
      companyId: request.companyId,
      caller,
      at: changedAt,
      headline: `Key account status: ${statusLabel(request.expectedStatus)} → ${statusLabel(request.status)}`,
      details: [['Reason', request.reason]],
    }));
  // The first attempt may have stopped before the review-due task followed the change; doing it again changes nothing.
  const tasks = await syncTasks(() =>
    followReviewCycle(client, objectTypes, {
      companyId: request.companyId,
      from: request.expectedStatus,
      to: request.status,
      properties,
    }),
  );
  const sync = settings.hubspotSync;
  return {
    companyId: request.companyId,
    keyAccountStatus: request.status,
    previousStatus: request.expectedStatus,
    isTargetAccount: sync.syncTargetAccountFlag ? request.status === 'key' : properties.hs_is_target_account === 'true',
    changedBy: { userId: Number(caller.userId), ownerId: caller.ownerId, name: caller.name },
    changedAt,
    reason: request.reason,
    noteId,
    tasks,
  };
}

/**
 * Only key accounts are in the review cycle, so the plan's review-due task follows the account: archived when
 * it leaves key status, open again when it comes back (on the next review date it kept).
 */
async function followReviewCycle(
  client: Client,
  objectTypes: ObjectTypeResolver,
  change: {
    companyId: string;
    from: KeyAccountStatus;
    to: KeyAccountStatus;
    properties: Record<string, string | null>;
  },
): Promise<void> {
  const { companyId, from, to, properties } = change;
  const leaves = from === 'key' && to !== 'key';
  const nextReviewDue = fromHubSpotDateTime(properties[COMPANY_PROPERTY.nextReviewDue]);
  // A plan's first save stores the next review date: without one there is no review cycle to come back to.
  const comesBack = from !== 'key' && to === 'key' && nextReviewDue !== null;
  if (!leaves && !comesBack) return;
  const planType = await objectTypes.objectTypeId('plan');
  const plan = await readPlan(client, planType, companyId);
  if (leaves) return closeReviewTask(client, companyId, plan);
  await reopenReviewTask(client, {
    companyId,
    companyName: properties.name || `Company ${companyId}`,
    companyOwnerId: properties.hubspot_owner_id || null,
    nextReviewDue,
    planType,
    plan,
  });
}

/** The company's Keystone note stamped at `at` (a status change's), if one is on its timeline. */
async function noteAt(client: Client, companyId: string, at: number): Promise<string | null> {
  const ids = (await batchReadAssociations(client, { fromType: 'companies', toType: 'notes', ids: [companyId] })).get(
    companyId,
  );
  if (!ids || ids.length === 0) return null;
  const { records } = await batchRead(client, {
    objectType: 'notes',
    ids,
    properties: ['hs_timestamp', 'hs_note_body'],
  });
  const note = records.find(
    (r) =>
      fromHubSpotDateTime(r.properties.hs_timestamp) === at &&
      (r.properties.hs_note_body ?? '').includes('Keystone: Key account status'),
  );
  return note?.id ?? null;
}

/**
 * The company's selection facts, what its review-due task needs, and its deals (two calls, three beyond 100
 * deals), or KAM.COMPANY_NOT_FOUND.
 */
async function readCompanyWithDeals(
  client: Client,
  companyId: string,
): Promise<{ properties: Record<string, string | null>; deals: Array<Record<string, string | null>> }> {
  const read = {
    properties: [
      ...FACT_PROPERTIES,
      ...STATUS_PROPERTIES,
      COMPANY_PROPERTY.statusReason,
      'hs_is_target_account',
      // What the review-due task says and whose it is, for an account back in key status.
      'hubspot_owner_id',
      COMPANY_PROPERTY.nextReviewDue,
    ],
    associations: ['deals'],
  };
  const company = await requireCompany(client, companyId, read);
  const dealIds =
    (
      await associatedIds(client, {
        fromType: 'companies',
        toType: 'deals',
        records: [{ id: companyId, list: company.associations?.deals }],
      })
    ).get(companyId) ?? [];
  const deals =
    dealIds.length === 0
      ? []
      : await batchReadWithHistory(client, {
          objectType: 'deals',
          ids: dealIds,
          properties: DEAL_PROPERTIES,
          withHistory: [],
        });
  return { properties: presentProperties(company.properties), deals: deals.map((d) => d.properties) };
}

const statusLabel = (status: KeyAccountStatus) =>
  COMPANY_PROPERTIES.status.options?.find((o) => o.value === status)?.label ?? status;

// ─── Who changed the status meanwhile ────────────────────────────────────────────────────────────

const STATUS_PROPERTIES = [COMPANY_PROPERTY.status, COMPANY_PROPERTY.statusChangedBy, COMPANY_PROPERTY.statusChangedAt];

interface StatusSeen {
  status: KeyAccountStatus;
  changedBy: string | null;
  changedAt: string | null;
}
interface Written {
  value: string;
  timestamp: string;
}
/** The status with its history, newest first: one entry per write of it. */
interface StatusRead extends StatusSeen {
  history: Written[];
  /** Who made each status change and the moment it stamped, newest first: a change writes all three at once. */
  changedByHistory: Written[];
  changedAtHistory: Written[];
}

/**
 * Whether one write in the history is this change: its status, its user and its moment, written together
 * (one update gives each the same history timestamp).
 */
function wroteIn(read: StatusRead, change: { status: KeyAccountStatus; userId: string; at: number }): boolean {
  return read.history.some(
    (h) =>
      h.value === change.status &&
      read.changedByHistory.some((by) => by.timestamp === h.timestamp && by.value === change.userId) &&
      read.changedAtHistory.some((at) => at.timestamp === h.timestamp && fromHubSpotDateTime(at.value) === change.at),
  );
}

function statusSeen(properties: Record<string, string | null>): StatusSeen {
  return {
    status: storedKeyAccountStatus(properties[COMPANY_PROPERTY.status]),
    changedBy: properties[COMPANY_PROPERTY.statusChangedBy] || null,
    changedAt: properties[COMPANY_PROPERTY.statusChangedAt] || null,
  };
}

async function readStatus(client: Client, companyId: string): Promise<StatusRead> {
  const company = await requireCompany(client, companyId, {
    properties: STATUS_PROPERTIES,
    withHistory: STATUS_PROPERTIES,
  });
  const written = (name: string): Written[] =>
    (company.propertiesWithHistory?.[name] ?? []).map((h) => ({ value: h.value, timestamp: String(h.timestamp) }));
  return {
    ...statusSeen(presentProperties(company.properties)),
    history: written(COMPANY_PROPERTY.status),
    changedByHistory: written(COMPANY_PROPERTY.statusChangedBy),
    changedAtHistory: written(COMPANY_PROPERTY.statusChangedAt),
  };
}

/** The writes of the status since `before` was read: the history entries above the newest one it saw, newest first. */
function writesSince(before: StatusRead, after: StatusRead): Written[] {
  const newestBefore = before.history[0];
  const seenAt = newestBefore
    ? after.history.findIndex((h) => h.value === newestBefore.value && h.timestamp === newestBefore.timestamp)
    : after.history.length;
  return seenAt === -1 ? after.history : after.history.slice(0, seenAt);
}

/**
 * The other change that landed between the check before writing and this write, or null. The writes
 * since that check are the history entries above the newest one it saw. This write is normally the
 * only one; when there are others and this one is not the first of them, the status this change came
 * from was not the one its note names. When two writes set the same value neither can be told apart,
 * so that counts as a clash too: at most one of the two managers is answered ok.
 */
function landedBetween(before: StatusRead, after: StatusRead, written: KeyAccountStatus): StatusSeen | null {
  const since = writesSince(before, after);
  if (since.length <= 1) return null;
  const ours = since.filter((h) => h.value === written);
  if (ours.length === 1 && since[since.length - 1]!.value === written) return null;
  return after;
}

/** What a refusal knows of the change that came first: the status it set and, for its time, the portal's time zone. */
interface ChangeSeen {
  seen: StatusSeen;
  timeZone: string | null;
}

async function statusChangedSince(
  client: Client,
  { expected, seen, timeZone }: ChangeSeen & { expected: KeyAccountStatus },
) {
  const by = await nameOf(client, seen.changedBy);
  const message =
    `The key account status is now "${statusLabel(seen.status)}", not "${statusLabel(expected)}" as the card showed: ` +
    `changed by ${by} ${timeOf(seen.changedAt, timeZone)}; reload the card, then make your change again if it is still needed.`;
  return new KeystoneError('KAM.STATUS_CHANGED', message);
}

/** How the answer to a change saved at the same moment as another's begins: it says the change stands. */
export const SAVED_BESIDE_ANOTHER = 'Your change was saved, but';

async function changedAtTheSameMoment(client: Client, { seen, timeZone }: ChangeSeen) {
  const by = await nameOf(client, seen.changedBy);
  const message =
    `${SAVED_BESIDE_ANOTHER} ${by} changed the key account status at the same moment (now ` +
    `"${statusLabel(seen.status)}", changed by ${by} ${timeOf(seen.changedAt, timeZone)}), so the timeline note may name ` +
    `the wrong earlier status; reload the card to see which change stands.`;
  return new KeystoneError('KAM.STATUS_CHANGED', message);
}

/** The HubSpot user's name for a message; their id when HubSpot cannot say (one call, only when refusing). */
async function nameOf(client: Client, userId: string | null): Promise<string> {
  if (!userId || !/^\d+$/.test(userId)) return 'someone outside Keystone';
  try {
    const owner = await hubspotCall(() => client.crm.owners.ownersApi.getById(Number(userId), 'userId', false));
    return [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `user ${userId}`;
  } catch {
    return `user ${userId}`;
  }
}

/** When the other change was made, as the portal's people read the time: "on 8 Dec 2026 at 01:44 GMT". */
const timeOf = (at: string | null, timeZone: string | null) => {
  const ms = at ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? 'at an unknown time' : `on ${momentInWords(ms, timeZone)}`;
};
