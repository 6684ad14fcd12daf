// Every error code Keystone answers with or shows, each with the message a person sees unless a
// more specific one is given: one closed catalogue, so a code cannot be answered, shown or compared
// without being here, and adding one means writing its message. Screens branch on the code, never on
// the message. Free of imports, so the cards can bundle it: they take only the screens' two failures.
// (KeystoneError and the function edge give the functions' codes their messages through errorMessage.)

/** What a screen meets before any function answers, as the failure it shows. Every card bundles these two. */
export const FUNCTION_UNREACHABLE = {
  code: 'KAM.FUNCTION_UNREACHABLE',
  message: 'Keystone could not reach HubSpot. Check your connection and try again.',
} as const;
export const UNREADABLE_ANSWER = {
  code: 'KAM.UNREADABLE_ANSWER',
  message:
    'Keystone received an answer it cannot read. Reload the page; if it keeps happening, tell your HubSpot admin.',
} as const;

/** What the app functions answer: any function, then the account functions' own. */
export const FUNCTION_ERRORS = {
  // What any app function may answer: bad input, who may do what, the settings, and HubSpot's failures.
  'KAM.INVALID_PARAMETERS': 'Keystone received something it cannot use. Check the highlighted fields and try again.',
  'KAM.INVALID_SETTINGS': 'These settings cannot be saved. Fix the highlighted fields and try again.',
  'KAM.NOT_AN_ADMIN': 'Only Keystone admins can do this. Ask an admin to add you in Keystone settings.',
  'KAM.NOT_A_MANAGER': 'Only key account managers can do this. Ask a Keystone admin to add you or your team.',
  'KAM.UNKNOWN_USER':
    'Keystone could not find you among the HubSpot users of this portal. Reload the page and try again.',
  'KAM.SETTINGS_CHANGED':
    'Someone else saved the settings while you were editing. Reload them, then make your change again.',
  'KAM.SETUP_REQUIRED':
    "Keystone is not set up in this portal yet, or its setup is out of date. Ask an admin to run setup from Keystone's settings.",
  'KAM.NOT_FOUND': 'The record no longer exists in HubSpot. Reload the page.',
  'KAM.CONFLICT':
    'HubSpot refused the change because it clashes with an existing record. Reload the page and try again.',
  'KAM.HUBSPOT_RATE_LIMITED': 'HubSpot is busy right now (too many requests). Wait a minute and try again.',
  'KAM.HUBSPOT_UNAVAILABLE': 'HubSpot did not respond. Wait a moment and try again.',
  'KAM.HUBSPOT_ACCESS_DENIED':
    'Keystone is not allowed to do this in HubSpot. Ask a super admin to reinstall the app so it has the access it needs.',
  'KAM.HUBSPOT_REJECTED': 'HubSpot rejected the change.',
  'KAM.HUBSPOT_PARTIAL_FAILURE':
    'HubSpot saved only part of the change. Try again; records already saved are left as they are.',
  // A recalculation slice that stopped to wait for room in HubSpot's burst window answers it as `interruptedBy`.
  'KAM.BURST_WINDOW_FULL': "Keystone is waiting for room in HubSpot's request window. It carries on in a few seconds.",
  'KAM.INTERNAL': 'Something went wrong in Keystone. Try again; if it keeps happening, tell your HubSpot admin.',
  // What the account functions (the company cards') answer besides, each saying what the user can do about it.
  'KAM.COMPANY_NOT_FOUND': 'This company no longer exists in HubSpot. Reload the page.',
  'KAM.CONTACT_NOT_FOUND': 'That contact no longer exists in HubSpot. Reload the card.',
  'KAM.CONTACT_NOT_AT_COMPANY':
    'That contact is not associated with this company. Associate them first, or pick another contact.',
  'KAM.OWNER_NOT_FOUND':
    'Someone picked for the team or an objective is not an active HubSpot user of this portal. Pick someone else.',
  'KAM.PLAN_CHANGED_ELSEWHERE':
    'Someone else saved this plan while you were editing. Reload the plan, then make your changes again.',
  'KAM.COMPETITION_CHANGED_ELSEWHERE':
    'Someone else saved the competitors while you were editing. Reload the card, then make your changes again.',
  'KAM.STATUS_UNCHANGED': 'The account already has that status. Reload the card to see the latest.',
  'KAM.STATUS_CHANGED':
    'Someone else changed the key account status since the card loaded. Reload the card, then make your change again if it is still needed.',
  'KAM.STATUS_CHANGE_NOT_ALLOWED':
    'A key account programme does not make that change of status. Pick one of the changes the card offers.',
  'KAM.NOT_A_KEY_ACCOUNT':
    'Reviews are kept for key accounts, and this company is not one now. Reload the card; tag it as a key account first if it should be.',
} as const;

/** Every code: the functions' and the screens'. */
export type ErrorCode = keyof typeof FUNCTION_ERRORS | typeof FUNCTION_UNREACHABLE.code | typeof UNREADABLE_ANSWER.code;

/**
 * The message a person sees for a code unless a more specific one is given. A lookup rather than one
 * merged object, so a bundle that does not call it (the cards') carries none of the functions' messages.
 */
export function errorMessage(code: ErrorCode): string {
  switch (code) {
    case FUNCTION_UNREACHABLE.code:
      return FUNCTION_UNREACHABLE.message;
    case UNREADABLE_ANSWER.code:
      return UNREADABLE_ANSWER.message;
    default:
      return FUNCTION_ERRORS[code];
  }
}
