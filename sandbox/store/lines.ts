import { closeSync, fsyncSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

// The store's files are read and written a piece at a time, one line at a time: a whole portal can
// outgrow the longest string Node can hold, while a single line (a record, a journal entry) never does.

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export interface FileLine {
  text: string;
  /** Byte offset just past the line's newline (for a line without one, the end of the file). */
  end: number;
  /** Whether the line's newline is in the file; a write cut short by a crash leaves a last line without it. */
  complete: boolean;
}

/** Every line of a file, in order; the last one may be incomplete. */
export function* fileLines(path: string): Generator<FileLine> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    // The start of a line that began in an earlier chunk (copies: the chunk is reused).
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let chunkStart = 0;
    for (let read = readSync(fd, chunk); read > 0; chunkStart += read, read = readSync(fd, chunk)) {
      const piece = chunk.subarray(0, read);
      const lastNewline = piece.lastIndexOf(NEWLINE);
      if (lastNewline !== -1) {
        const bytes = Buffer.concat([...pending, piece.subarray(0, lastNewline + 1)]);
        // Decoded at once and each line a slice of that: one large string the garbage collector
        // leaves in place, rather than a string per line it copies while a snapshot is read.
        const text = bytes.toString('utf8');
        // Lines split on the newline byte, which never occurs inside a multi-byte UTF-8 character,
        // so the nth newline byte is the nth newline character.
        for (let byte = 0, char = 0; byte < bytes.length; ) {
          const byteNewline = bytes.indexOf(NEWLINE, byte);
          const charNewline = text.indexOf('\n', char);
          yield {
            text: text.slice(char, charNewline),
            end: chunkStart - pendingBytes + byteNewline + 1,
            complete: true,
          };
          [byte, char] = [byteNewline + 1, charNewline + 1];
        }
        [pending, pendingBytes] = [[], 0];
      }
      if (lastNewline + 1 < read) {
        pending.push(Buffer.from(piece.subarray(lastNewline + 1)));
        pendingBytes += read - lastNewline - 1;
      }
    }
    if (pending.length > 0) yield { text: Buffer.concat(pending).toString('utf8'), end: chunkStart, complete: false };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the lines to a temporary file, fsyncs it and renames it over `path`, so a crash leaves
 * either the old file or the whole new one.
 */
export function replaceFileWithLines(path: string, lines: Iterable<string>): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    let position = 0;
    const flush = () => {
      const bytes = Buffer.from(pending.join(''));
      writeFully(fd, bytes, position);
      position += bytes.length;
      [pending, pendingLength] = [[], 0];
    };
    for (const line of lines) {
      pending.push(line, '\n');
      pendingLength += line.length + 1;
      if (pendingLength >= CHUNK_BYTES) flush();
    }
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncDirectory(dirname(path));
}

/** Writes all the bytes at `position` (one write call may write only some). */
export function writeFully(fd: number, bytes: Buffer, position: number): void {
  for (let written = 0; written < bytes.length; )
    written += writeSync(fd, bytes, written, bytes.length - written, position + written);
}

function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
