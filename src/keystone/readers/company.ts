import type { Client } from '@hubspot/api-client';
import { hubspotCall } from '../../crm/batch.ts';
import { KeystoneError, isKeystoneError } from '../../errors/keystone-error.ts';

/** What to read of a company: its properties, and the history and associated ids of any of them. */
interface CompanyRead {
  properties: readonly string[];
  withHistory?: readonly string[];
  /** Object types whose associated ids come with the company (HubSpot lists at most 100 of each). */
  associations?: readonly string[];
}

/** The company the account functions work on, in one call; KAM.COMPANY_NOT_FOUND when HubSpot no longer has it. */
export async function requireCompany(client: Client, companyId: string, read: CompanyRead) {
  const { properties, withHistory, associations } = read;
  try {
    return await hubspotCall(() =>
      client.crm.companies.basicApi.getById(
        companyId,
        [...properties],
        withHistory && [...withHistory],
        associations && [...associations],
      ),
    );
  } catch (error) {
    if (!isKeystoneError(error) || error.code !== 'KAM.NOT_FOUND') throw error;
    throw new KeystoneError('KAM.COMPANY_NOT_FOUND', undefined, { cause: error });
  }
}
