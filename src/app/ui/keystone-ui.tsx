import type { Alert, Button, ErrorState, hubspot, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { FunctionParameters, FunctionPayload, FunctionUid } from '../../contracts/registry.ts';
import { errorMessage, type ErrorCode } from '../../errors/codes.ts';
import {
  callFunction,
  type FunctionFailure,
  type FunctionOutcome,
  type Ok,
  type ServerlessRunner,
} from './function-call.ts';
import { useFunctionAction, useFunctionQuery, type FunctionAction, type FunctionQuery } from './use-function.ts';

// HubSpot installs `@hubspot/ui-extensions` inside each component folder (cards/, settings/), so
// a module here cannot import it at run time (scripts/build-cards.ts proves this layout). Each
// folder hands its own copy in once, in its `keystone-ui.ts`, and gets the shared pieces back.
interface HubSpotUi {
  hubspot: typeof hubspot;
  Alert: typeof Alert;
  Button: typeof Button;
  ErrorState: typeof ErrorState;
  LoadingSpinner: typeof LoadingSpinner;
  Text: typeof Text;
}

/** A map that names every code of the catalogue: a code added there does not compile until it is placed here. */
type EveryCode<Map extends Record<ErrorCode, unknown>> = Map;

/**
 * How a screen shows each failure that stops it loading: a lock when the user may not do this (no retry
 * changes that, an admin does), else the message with Try again. Types only: the bundles carry the set below.
 */
type FailureLooks = EveryCode<{
  'KAM.NOT_A_MANAGER': 'lock';
  'KAM.NOT_AN_ADMIN': 'lock';
  'KAM.UNKNOWN_USER': 'retry';
  'KAM.INVALID_PARAMETERS': 'retry';
  'KAM.INVALID_SETTINGS': 'retry';
  'KAM.SETTINGS_CHANGED': 'retry';
  'KAM.SETUP_REQUIRED': 'retry';
  'KAM.NOT_FOUND': 'retry';
  'KAM.CONFLICT': 'retry';
  'KAM.HUBSPOT_RATE_LIMITED': 'retry';
  'KAM.HUBSPOT_UNAVAILABLE': 'retry';
  'KAM.HUBSPOT_ACCESS_DENIED': 'retry';
  'KAM.HUBSPOT_REJECTED': 'retry';
  'KAM.HUBSPOT_PARTIAL_FAILURE': 'retry';
  'KAM.BURST_WINDOW_FULL': 'retry';
  'KAM.INTERNAL': 'retry';
  'KAM.COMPANY_NOT_FOUND': 'retry';
  'KAM.CONTACT_NOT_FOUND': 'retry';
  'KAM.CONTACT_NOT_AT_COMPANY': 'retry';
  'KAM.OWNER_NOT_FOUND': 'retry';
  'KAM.PLAN_CHANGED_ELSEWHERE': 'retry';
  'KAM.COMPETITION_CHANGED_ELSEWHERE': 'retry';
  'KAM.STATUS_UNCHANGED': 'retry';
  'KAM.STATUS_CHANGED': 'retry';
  'KAM.STATUS_CHANGE_NOT_ALLOWED': 'retry';
  'KAM.NOT_A_KEY_ACCOUNT': 'retry';
  'KAM.FUNCTION_UNREACHABLE': 'retry';
  'KAM.UNREADABLE_ANSWER': 'retry';
}>;
type Refusal = { [Code in ErrorCode]: FailureLooks[Code] extends 'lock' ? Code : never }[ErrorCode];

const REFUSALS: ReadonlySet<ErrorCode> = new Set<Refusal>(['KAM.NOT_A_MANAGER', 'KAM.NOT_AN_ADMIN']);

// A refusal of what was sent, said without the catalogue's "Check the highlighted fields", which holds only
// where the form marks a field: the issues below name each field either way.
const REFUSED_AS_SENT: Partial<Record<ErrorCode, string>> = {
  'KAM.INVALID_PARAMETERS': 'Keystone received something it cannot use',
  'KAM.INVALID_SETTINGS': 'These settings cannot be saved',
};

/**
 * What a failure that names fields says above them. The function's own message is not used: it may spell
 * the fields as parameter paths, which the lines below name in words.
 */
function withIssues(code: ErrorCode, anyHighlighted: boolean): string {
  const refused = REFUSED_AS_SENT[code];
  if (refused === undefined) return errorMessage(code);
  return anyHighlighted ? `${refused}. Fix the highlighted fields and try again.` : `${refused}:`;
}

/**
 * The shared pieces, with calls that take any uid and answer whatever the caller says. Each component
 * folder declares what it builds as KeystoneUi, which types every call by the function registry.
 */
export function createKeystoneUi(ui: HubSpotUi) {
  const { Alert, Button, ErrorState, LoadingSpinner, Text } = ui;
  // Read `serverless` at call time, so a test's spy on `hubspot.serverless` is the one called.
  const runner: ServerlessRunner = (uid, options) => ui.hubspot.serverless(uid, options);

  return {
    /** One call outside a hook's lifecycle, e.g. each slice of a loop the screen drives. */
    callFunction: <Ok extends { status: 'ok' }>(uid: string, parameters: object) =>
      callFunction<Ok>(runner, uid, parameters),
    useFunctionQuery: <Ok extends { status: 'ok' }>(uid: string, parameters: object, alongside?: () => object) =>
      useFunctionQuery<Ok>(runner, uid, { parameters, alongside }),
    useFunctionAction: <Params extends object, Ok extends { status: 'ok' }>(uid: string) =>
      useFunctionAction<Params, Ok>(runner, uid),

    Loading: ({ what }: { what: string }) => <LoadingSpinner label={`Loading ${what}…`} showLabel layout="centered" />,

    /**
     * A screen that could not load: the function's own message and a way to try again, or, when the
     * user may not see it, a lock and the message saying whom to ask (trying again would change nothing).
     */
    LoadFailed: ({ title, failure, onRetry }: { title: string; failure: FunctionFailure; onRetry: () => void }) => {
      const refused = REFUSALS.has(failure.code);
      return (
        <ErrorState title={title} type={refused ? 'lock' : 'error'}>
          <Text>{failure.message}</Text>
          {!refused && <Button onClick={onRetry}>Try again</Button>}
        </ErrorState>
      );
    },

    /**
     * A save or other action that failed: what to do, and each field problem on its own line, the field named
     * as the form labels it. `highlighted` says which problems the form shows beside their fields; only when
     * one is does the alert point to them.
     */
    ActionFailed: ({
      title,
      failure,
      highlighted = () => false,
    }: {
      title: string;
      failure: FunctionFailure;
      highlighted?: (path: string) => boolean;
    }) => {
      const issues = failure.issues ?? [];
      return (
        <Alert title={title} variant="error">
          {issues.length === 0
            ? failure.message
            : withIssues(
                failure.code,
                issues.some((i) => highlighted(i.path)),
              )}
          {issues.map((issue) => (
            <Text key={issue.path} variant="microcopy">
              {issue.field ? `${issue.field}: ${issue.message}` : issue.message}
            </Text>
          ))}
        </Alert>
      );
    },

    /** Shown instead of edit controls, saying why and who can change it. */
    ReadOnlyNotice: ({ children }: { children: string }) => (
      <Text variant="microcopy" format={{ italic: true }}>
        {children}
      </Text>
    ),
  };
}

/** A function's answer as a screen reads it: its payload in the registry, beside `status: 'ok'`. */
export type Answer<Uid extends FunctionUid> = Ok<FunctionPayload<Uid>>;

/** Calls typed by the function registry: the uid names the parameters to send and the answer to expect. */
interface RegisteredCalls {
  /** One call outside a hook's lifecycle, e.g. each slice of a loop the screen drives. */
  callFunction: <Uid extends FunctionUid>(
    uid: Uid,
    parameters: FunctionParameters<Uid>,
  ) => Promise<FunctionOutcome<Answer<Uid>>>;
  useFunctionQuery: <Uid extends FunctionUid>(
    uid: Uid,
    parameters: FunctionParameters<Uid>,
    alongside?: () => Partial<FunctionParameters<Uid>>,
  ) => FunctionQuery<Answer<Uid>>;
  useFunctionAction: <Uid extends FunctionUid>(uid: Uid) => FunctionAction<FunctionParameters<Uid>, Answer<Uid>>;
}

/**
 * The shared pieces as a component folder's `keystone-ui.ts` declares them: createKeystoneUi's own
 * functions, every call typed by the registry (a type only, so it costs the bundles nothing).
 */
export type KeystoneUi = Omit<ReturnType<typeof createKeystoneUi>, keyof RegisteredCalls> & RegisteredCalls;
