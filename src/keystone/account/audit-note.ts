import type { Client } from '@hubspot/api-client';
import { hubspotCall } from '../../crm/batch.ts';
import { isKeystoneError } from '../../errors/keystone-error.ts';
import { toHubSpotDateTime } from '../../crm/records.ts';
import type { Caller } from '../access/index.ts';

// The audit trail of Keystone's changes is a note on the company timeline, where HubSpot users
// already look: who acted, what changed, and why, in their words.

interface AuditEntry {
  companyId: string;
  caller: Caller;
  at: number;
  /** What happened, e.g. "Key account status: Candidate → Key account". */
  headline: string;
  /** Further lines, as label and text, e.g. ["Reason", "Biggest client in the region"]. */
  details: ReadonlyArray<readonly [string, string]>;
  /** Where the reader finds more, e.g. the whole status history on the card; named only when there is no url. */
  link?: { text: string; url: string | null };
}

/**
 * A note on the company timeline: made detached, then attached (below), so a create whose answer was lost
 * leaves at most a note on no timeline, and the retry's note is the only one users read.
 */
export async function writeAuditNote(client: Client, entry: AuditEntry): Promise<string> {
  const noteId = await writeDetachedAuditNote(client, entry);
  await attachAuditNote(client, noteId, entry.companyId);
  return noteId;
}

/**
 * The note made first and put on the company timeline after: a create whose answer was lost (and which
 * HubSpot's client may have sent twice) leaves at most a note on no timeline, never a second note where
 * users read. The caller remembers the id, then attaches it; attaching twice is harmless.
 */
export async function writeDetachedAuditNote(client: Client, entry: AuditEntry): Promise<string> {
  const note = await hubspotCall(() =>
    client.crm.objects.notes.basicApi.create({
      properties: {
        hs_note_body: auditNoteBody(entry),
        hs_timestamp: toHubSpotDateTime(entry.at),
        ...(entry.caller.ownerId ? { hubspot_owner_id: entry.caller.ownerId } : {}),
      },
      associations: [],
    }),
  );
  return String(note.id);
}

export async function attachAuditNote(client: Client, noteId: string, companyId: string): Promise<void> {
  await hubspotCall(() => client.crm.associations.v4.basicApi.createDefault('notes', noteId, 'companies', companyId));
}

/**
 * Archives a note whose change did not go through, so the timeline never records what did not happen.
 * Sent again when no answer came (archiving twice is harmless; the client itself resends after a 5xx).
 */
export async function withdrawAuditNote(client: Client, noteId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await hubspotCall(() => client.crm.objects.notes.basicApi.archive(noteId));
      return;
    } catch (error) {
      if (isKeystoneError(error) && error.code === 'KAM.NOT_FOUND') return;
      if (attempt >= WITHDRAW_ATTEMPTS) throw error;
    }
  }
}
const WITHDRAW_ATTEMPTS = 3;

/**
 * HubSpot keeps at most 65,536 characters in a property value. Escaping can make typed text up to six
 * times longer, so the details share what is left below this of the note, and a cut one says so.
 */
const NOTE_BODY_LIMIT = 60_000;
const CUT_MARKER = ' … (cut here: the full text is longer than a HubSpot note holds)';

/** The note's HTML: every user-typed text escaped, so a reason can never inject markup into the timeline. */
export function auditNoteBody(entry: Pick<AuditEntry, 'caller' | 'headline' | 'details' | 'link'>): string {
  const head = `<strong>Keystone: ${escapeHtml(entry.headline)}</strong>`;
  const by = `By ${escapeHtml(entry.caller.name)} (HubSpot user ${escapeHtml(entry.caller.userId)})`;
  const labels = entry.details.map(([label]) => `${escapeHtml(label)}: `);
  const fixed = head.length + by.length + labels.join('').length + 7 * (entry.details.length + 2);
  const eachDetail = Math.floor(Math.max(0, NOTE_BODY_LIMIT - fixed) / Math.max(1, entry.details.length));
  const lines = [head, ...entry.details.map(([, text], i) => labels[i] + escapedWithin(text, eachDetail)), by];
  if (entry.link) lines.push(linkLine(entry.link));
  return lines.map((line) => `<p>${line}</p>`).join('');
}

function linkLine({ text, url }: { text: string; url: string | null }): string {
  return url === null ? `${escapeHtml(text)}.` : `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

/** The text escaped, cut (with the marker) where its escaped form would pass `max` characters. */
function escapedWithin(text: string, max: number): string {
  const escaped = escapeHtml(text);
  if (escaped.length <= max) return escaped;
  let kept = '';
  for (const char of text) {
    const next = escapeHtml(char);
    if (kept.length + next.length > max - CUT_MARKER.length) break;
    kept += next;
  }
  return kept + CUT_MARKER;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br>');
}
