import { ACCOUNT_ERRORS, type AccountErrorCode } from '../contracts/card-data.ts';
import { describeIssues, type Validated, type ValidationIssue } from '../kam/shared/index.ts';
import { KeystoneError } from '../errors/keystone-error.ts';

/** A KeystoneError with one of the account functions' own codes (account-contract.ts), its message by default. */
export function accountError(code: AccountErrorCode, message: string = ACCOUNT_ERRORS[code], issues?: ValidationIssue[]): KeystoneError {
  return new KeystoneError(code, message, issues);
}

/** A domain result the CRM's data should always satisfy; when one does not, that is a Keystone bug, said plainly. */
export function domainResult<T>(result: Validated<T>, what: string): T {
  if (result.success) return result.data;
  throw new KeystoneError('KAM.INTERNAL', `Keystone could not work out the ${what} from this company's data (${describeIssues(result.errors)}). Tell your HubSpot admin.`);
}
