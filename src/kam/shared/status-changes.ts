import type { KeyAccountStatus } from './key-account-status.ts';

// Free of zod, so the cards bundle it: they offer exactly the changes the functions accept.

/**
 * The changes a manager may make from each status. A company enters the programme as a candidate or
 * straight as a key account, a candidate is promoted or dropped, and a key account leaves as a former
 * key account, goes back to candidate while its future is weighed, or back to none when it was tagged by
 * mistake; a former key account may come back. Nothing becomes "former" without having been key.
 */
export const STATUS_CHANGES: Readonly<Record<KeyAccountStatus, readonly KeyAccountStatus[]>> = {
  none: ['key', 'candidate'],
  candidate: ['key', 'none'],
  key: ['former', 'candidate', 'none'],
  former: ['key', 'candidate', 'none'],
};

export function isAllowedStatusChange(from: KeyAccountStatus, to: KeyAccountStatus): boolean {
  return STATUS_CHANGES[from].includes(to);
}
