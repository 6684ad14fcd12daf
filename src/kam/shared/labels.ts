import type { DecisionPower } from './decision-power.ts';
import type { DepartureReason } from './departure-reason.ts';
import type { KeyAccountStatus } from './key-account-status.ts';
import type { ReviewCadence } from './review-cadence.ts';
import type { Stance } from './stance.ts';

// The words people read for the domain's values: the same on Keystone's screens and as the options of
// HubSpot's properties that hold them, so a list filtered in HubSpot reads as the card does. Exhaustive
// records: a new value fails to compile until it has its words. Type imports only, so the card folders,
// which do not install zod, can bundle it.

export const STATUS_LABELS: Record<KeyAccountStatus, string> = {
  none: 'Not a key account',
  candidate: 'Candidate',
  key: 'Key account',
  former: 'Former key account',
};

export const STANCE_LABELS: Record<Stance, string> = {
  ally: 'Ally',
  supporter: 'Supporter',
  neutral: 'Neutral',
  protester: 'Protester',
  enemy: 'Enemy',
};

export const DECISION_POWER_LABELS: Record<DecisionPower, string> = {
  final_say: 'Has the final say',
  decides: 'Decides',
  influences: 'Influences',
  none: 'No say',
};

export const DEPARTURE_REASON_LABELS: Record<DepartureReason, string> = {
  retired: 'Retired',
  moved_role: 'Moved to another role',
  left: 'Left the client',
};

/** Why a contact left, as a sentence says it after their name: "Jan Stewer retired". */
export const DEPARTED_WORDS: Record<DepartureReason, string> = {
  retired: 'retired',
  moved_role: 'moved to another role',
  left: 'left the client',
};

export const REVIEW_CADENCE_LABELS: Record<ReviewCadence, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};
