import type { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import { connectionFromEnvironment, createHubSpotClient } from '../../crm/client.ts';
import { toKeystoneError } from '../../crm/errors.ts';
import { asOneInvocation } from '../../crm/retry.ts';
import { ObjectTypeResolver } from '../../crm/object-types.ts';
import { errorMessage } from '../../errors/codes.ts';
import { KeystoneError } from '../../errors/keystone-error.ts';
import { validate } from '../../kam/shared/validation.ts';
import type { FunctionError, FunctionPayload, FunctionResult, FunctionUid } from '../../contracts/registry.ts';
import { tabSessionKey } from '../../keystone/account/tab-session.ts';

// The edge every app function shares: parse the parameters (bad input never reaches HubSpot), build
// the one client for this invocation, run the service, and turn whatever it throws into a stable
// `{status: 'error', code, message, issues?}`. Function files are just `export const main = defineFunction(uid, ...)`:
// the uid's entry in the contract registry is the payload the service must return.

/** What HubSpot passes an app function. Only `parameters` is used: it is whatever the card sent. */
interface FunctionContext {
  parameters?: unknown;
  propertiesToSend?: Record<string, unknown>;
}

interface FunctionDeps {
  client: Client;
  /** Keystone's custom object types, read at most once per invocation. */
  objectTypes: ObjectTypeResolver;
  /** When the invocation started (epoch ms); services never read the clock themselves. */
  now: number;
  /** What the app seals the facts it hands a card with: derived from its access token, so only it can. */
  sessionKey: Buffer;
}

/** Where an invocation takes its time from (epoch ms). */
type Clock = () => number;

/** An invocation: what HubSpot calls with the context it builds. */
export type Invocation<Payload extends object> = (context: FunctionContext) => Promise<FunctionResult<Payload>>;

/**
 * An app function. HubSpot calls it as it is, on the real clock. The local preview and the tests
 * run the same function through `onClock`, so every date it reasons about — due, overdue, the
 * quarter, the twelve months of revenue — is the one the portal they built was built for.
 */
export type AppFunction<Payload extends object> = Invocation<Payload> & {
  readonly onClock: (clock: Clock) => Invocation<Payload>;
};

const systemClock: Clock = () => Date.now();

/** How the function is called: the schema its parameters are parsed with, and how hard its client retries. */
interface FunctionCall<Schema extends z.ZodType> {
  /**
   * The parameters' schema, or one made for the invocation's `now` when what is valid depends on the day
   * (a date not in the future): then that check is answered with the call's other problems, not after them.
   */
  parameters: Schema | ((now: number) => Schema);
  /** Attempts per HubSpot call (the client's own retry). Time-boxed functions use 1 and stop early instead. */
  attempts?: number;
}

export function defineFunction<Uid extends FunctionUid, Schema extends z.ZodType>(
  uid: Uid,
  call: FunctionCall<Schema>,
  run: (parameters: z.output<Schema>, deps: FunctionDeps) => Promise<FunctionPayload<Uid>>,
): AppFunction<FunctionPayload<Uid>> {
  const onClock =
    (clock: Clock): Invocation<FunctionPayload<Uid>> =>
    async (context) => {
      const now = clock();
      const schema = typeof call.parameters === 'function' ? call.parameters(now) : call.parameters;
      const parsed = validate(schema, context?.parameters ?? {});
      if (!parsed.success)
        return failure(new KeystoneError('KAM.INVALID_PARAMETERS', undefined, { issues: parsed.errors }));
      try {
        const hubspot = connection();
        const client = createHubSpotClient({ ...hubspot, ...(call.attempts ? { attempts: call.attempts } : {}) });
        const deps = {
          client,
          objectTypes: new ObjectTypeResolver(client),
          now,
          sessionKey: tabSessionKey(hubspot.accessToken),
        };
        const payload = await asOneInvocation(() => run(parsed.data, deps));
        return { status: 'ok', ...payload };
      } catch (error) {
        const keystoneError = toKeystoneError(error);
        // Unexpected failures go to HubSpot's function log; expected ones are answered, not logged.
        if (keystoneError.code === 'KAM.INTERNAL') console.error(`Keystone function ${uid} failed:`, error);
        return failure(keystoneError);
      }
    };
  return Object.assign(onClock(systemClock), { onClock });
}

function connection(): ReturnType<typeof connectionFromEnvironment> {
  try {
    return connectionFromEnvironment(process.env);
  } catch (error) {
    const message = `Keystone is not connected to HubSpot: ${(error as Error).message}. Ask a super admin to reinstall the app.`;
    throw new KeystoneError('KAM.HUBSPOT_ACCESS_DENIED', message, { cause: error });
  }
}

function failure(error: KeystoneError): FunctionError {
  return {
    status: 'error',
    code: error.code,
    message: error.message || errorMessage('KAM.INTERNAL'),
    ...(error.issues ? { issues: error.issues } : {}),
  };
}
