import { describeIssues, type Validated } from '../kam/shared/index.ts';
import { KeystoneError } from '../errors/keystone-error.ts';

/** A domain result the CRM's data should always satisfy; when one does not, that is a Keystone bug, said plainly. */
export function domainResult<T>(result: Validated<T>, what: string): T {
  if (result.success) return result.data;
  throw new KeystoneError(
    'KAM.INTERNAL',
    `Keystone could not work out the ${what} from this company's data (${describeIssues(result.errors)}). Tell your HubSpot admin.`,
  );
}
