import type { Client } from '@hubspot/api-client';
import type { KeyAccountStatusChange } from '../../contracts/tag-key-account.ts';
import { associatedIds } from '../../crm/association-lists.ts';
import { hubspotCall } from '../../crm/batch.ts';
import { COMPANY_PROPERTIES, COMPANY_PROPERTY } from '../../crm/model/index.ts';
import type { ObjectTypeResolver } from '../../crm/object-types.ts';
import { presentProperties, toHubSpotDateTime } from '../../crm/records.ts';
import { scoreCompany } from '../../kam/selection/index.ts';
import type { KeyAccountStatus } from '../../kam/shared/index.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { DEAL_PROPERTIES, FACT_PROPERTIES, companyFacts, dealAmounts } from '../readers/company-facts.ts';
import { batchReadWithHistory } from '../readers/hubspot-reads.ts';
import { requireCompany } from '../readers/company.ts';
import { managerActing } from './manager.ts';
import { withdrawAuditNote, writeAuditNote } from './audit-note.ts';
import { readPlan } from './account-plan.ts';
import { closeReviewTask, syncTasks } from './plan-tasks.ts';

interface StatusChangeRequest {
  companyId: string;
  userId: number;
  status: KeyAccountStatus;
  reason: string;
  now: number;
}

/**
 * Tags or untags a key account: the status with who, when and why on the company; HubSpot's
 * target-account flag and ICP tier as the settings say; and a note on the company timeline.
 * The note is written first and withdrawn if the company update fails, so the timeline never
 * records a change that did not happen. An account leaving key status leaves the review cycle: its
 * plan's open review-due task is archived (the next plan save creates one again if it is tagged again).
 */
export async function changeKeyAccountStatus(
  client: Client,
  objectTypes: ObjectTypeResolver,
  request: StatusChangeRequest,
): Promise<KeyAccountStatusChange> {
  const { caller, settings } = await managerActing(client, objectTypes, request.userId);
  const company = await readCompanyWithDeals(client, request.companyId);
  const previousStatus = companyFacts(request.companyId, company.properties, {
    revenueLast12Months: null,
    openPipeline: null,
  }).status;
  if (previousStatus === request.status) {
    const message = `This company is already "${statusLabel(request.status)}". Reload the card to see the latest.`;
    throw new KeystoneError('KAM.STATUS_UNCHANGED', message);
  }

  const sync = settings.hubspotSync;
  const isTargetAccount = request.status === 'key';
  const properties: Record<string, string> = {
    [COMPANY_PROPERTY.status]: request.status,
    [COMPANY_PROPERTY.statusReason]: request.reason,
    [COMPANY_PROPERTY.statusChangedBy]: caller.userId,
    [COMPANY_PROPERTY.statusChangedAt]: toHubSpotDateTime(request.now),
    ...(sync.syncTargetAccountFlag ? { hs_is_target_account: String(isTargetAccount) } : {}),
  };
  if (sync.writeIcpTier) {
    const facts = companyFacts(request.companyId, company.properties, dealAmounts(company.deals, request.now));
    properties.hs_ideal_customer_profile =
      scoreCompany({ ...facts, status: request.status }, settings.selection).icpTier ?? '';
  }

  const noteId = await writeAuditNote(client, {
    companyId: request.companyId,
    caller,
    at: request.now,
    headline: `Key account status: ${statusLabel(previousStatus)} → ${statusLabel(request.status)}`,
    details: [['Reason', request.reason]],
  });
  try {
    await hubspotCall(() => client.crm.companies.basicApi.update(request.companyId, { properties }));
  } catch (error) {
    await withdrawAuditNote(client, noteId).catch(() => undefined);
    throw error;
  }
  const leftReviewCycle = previousStatus === 'key' && request.status !== 'key';
  const tasks = await syncTasks(async () => {
    if (leftReviewCycle)
      await closeReviewTask(
        client,
        request.companyId,
        await readPlan(client, await objectTypes.objectTypeId('plan'), request.companyId),
      );
  });
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

/** The company's selection facts and its deals (two calls, three beyond 100 deals), or KAM.COMPANY_NOT_FOUND. */
async function readCompanyWithDeals(
  client: Client,
  companyId: string,
): Promise<{ properties: Record<string, string | null>; deals: Array<Record<string, string | null>> }> {
  const read = { properties: [...FACT_PROPERTIES, 'hs_is_target_account'], associations: ['deals'] };
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
