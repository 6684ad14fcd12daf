import { storedKeyAccountStatus, type KeyAccountStatus } from '../shared/key-account-status.ts';

// The audit trail of an account's key account status, from the history HubSpot keeps of each property:
// every status it has had, who set it, when and why.

/** One recorded value of a property, as HubSpot's property history lists it (newest first). */
export interface RecordedValue {
  value: string;
  /** When it was written, in epoch milliseconds. */
  at: number;
}

export interface StatusHistoryInput {
  status: readonly RecordedValue[];
  reason: readonly RecordedValue[];
  changedBy: readonly RecordedValue[];
  /** Keystone writes the time of every change it makes, so an entry here marks a change made through Keystone. */
  changedAt: readonly RecordedValue[];
}

export interface StatusChangeEntry {
  status: KeyAccountStatus;
  /** The status before this change; null for a first one recorded outside Keystone (an import). */
  previousStatus: KeyAccountStatus | null;
  at: number;
  /** The HubSpot user who made it; null when it was not made through Keystone (an import, a workflow). */
  changedByUserId: string | null;
  reason: string | null;
}

/**
 * Every status change, newest first. Keystone writes the status, reason, author and time in one update,
 * so they share a timestamp; several changes within one instant pair up in the order HubSpot lists them.
 * A reason or author HubSpot did not record again (an unchanged value) is taken as it stood at the change,
 * and only for changes Keystone made: a status written elsewhere has no who or why.
 */
export function statusHistory(input: StatusHistoryInput): StatusChangeEntry[] {
  const changedAt = byInstant(input.changedAt);
  const reasons = byInstant(input.reason);
  const authors = byInstant(input.changedBy);
  const seen = new Map<number, number>();
  const newestFirst = input.status.map((recorded) => {
    const rank = seen.get(recorded.at) ?? 0;
    seen.set(recorded.at, rank + 1);
    const throughKeystone = (changedAt.get(recorded.at)?.length ?? 0) > rank;
    const of = (written: Map<number, string[]>, history: readonly RecordedValue[]) =>
      throughKeystone ? (written.get(recorded.at)?.[rank] ?? valueAt(history, recorded.at)) || null : null;
    return {
      status: storedKeyAccountStatus(recorded.value),
      throughKeystone,
      at: recorded.at,
      changedByUserId: of(authors, input.changedBy),
      reason: of(reasons, input.reason),
    };
  });
  // Keystone sets a status only over one it read, so its first change came from none (never tagged).
  return newestFirst.map(({ throughKeystone, ...entry }, i) => ({
    ...entry,
    previousStatus: newestFirst[i + 1]?.status ?? (throughKeystone ? 'none' : null),
  }));
}

/** The values written at each instant, newest first as HubSpot lists them. */
function byInstant(history: readonly RecordedValue[]): Map<number, string[]> {
  const written = new Map<number, string[]>();
  for (const h of history) written.set(h.at, [...(written.get(h.at) ?? []), h.value]);
  return written;
}

/** The value in force at `at`: the newest written at or before it; null when none was, or it was cleared. */
function valueAt(history: readonly RecordedValue[], at: number): string | null {
  return history.find((h) => h.at <= at)?.value || null;
}
