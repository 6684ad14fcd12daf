import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { PortalDetails } from '../../crm/portal-details.ts';
import { parseSettings, type Settings } from '../../kam/settings/index.ts';
import type { OwnerRecord } from '../readers/portal-reads.ts';

// The Key account tab opens with Status, which reads the portal's people and settings; the sections
// opened after it need the same two facts. Reading them again would cost every later section two of
// the firm's shared HubSpot calls, so the first answer hands the card what it read, sealed: the card
// sends it back with each later section, and Keystone takes it only if the seal is its own, was made
// for the same user, and is fresh. The card can neither read nor change what it carries (a changed
// one is refused and read again), and it decides no right: every save reads the people and settings
// again itself.

/** How long a tab trusts what it was handed: an admin's settings change reaches open tabs within this. */
export const TAB_SESSION_LIFETIME_MS = 10 * 60_000;

/** What one read of the portal gives every section of the tab. */
export interface TabFacts {
  owners: OwnerRecord[];
  settings: Settings;
  portal: PortalDetails;
}

interface Sealed {
  userId: number;
  issuedAt: number;
  facts: TabFacts;
}

/** The key sessions are sealed with: derived from the app's own access token, which never leaves the server. */
export function tabSessionKey(accessToken: string): Buffer {
  return createHmac('sha256', accessToken).update('Keystone tab session').digest();
}

/**
 * Seals what a section read for the later sections of the same user's tab: compressed, then encrypted
 * and authenticated (AES-256-GCM), so the card holds it without being able to read it: the settings
 * say who the portal's admins are, which is not every user's to see.
 */
export function sealTabSession(key: Buffer, sealed: Sealed): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv);
  const body = Buffer.concat([cipher.update(deflateRawSync(JSON.stringify(sealed))), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * What a session handed back holds, or null when it must not be used: not sealed by this app, sealed
 * for another user, older than TAB_SESSION_LIFETIME_MS (or from a clock ahead of this one), or holding
 * settings this version of Keystone no longer reads. Null means "read them again", never an error: a
 * tab kept open past the lifetime just pays the two calls once more.
 */
export function openTabSession(
  key: Buffer,
  token: string,
  { userId, now }: { userId: number; now: number },
): TabFacts | null {
  const bytes = Buffer.from(token, 'base64url');
  let sealed: Sealed;
  try {
    const decipher = createDecipheriv(CIPHER, key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const body = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    sealed = JSON.parse(inflateRawSync(body).toString('utf8')) as Sealed;
  } catch {
    // Too short, altered, sealed with another key: not this app's.
    return null;
  }
  if (sealed.userId !== userId) return null;
  if (!(sealed.issuedAt <= now && now - sealed.issuedAt < TAB_SESSION_LIFETIME_MS)) return null;
  const settings = parseSettings(sealed.facts.settings);
  if (!settings.success) return null;
  return { ...sealed.facts, settings: settings.data };
}

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
