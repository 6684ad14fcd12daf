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
    let chunkStart = 0;
    for (let read = readSync(fd, chunk); read > 0; chunkStart += read, read = readSync(fd, chunk)) {
      const piece = chunk.subarray(0, read);
      let lineStart = 0;
      for (let newline = piece.indexOf(NEWLINE); newline !== -1; newline = piece.indexOf(NEWLINE, lineStart)) {
        yield {
          text: decode([...pending, piece.subarray(lineStart, newline)]),
          end: chunkStart + newline + 1,
          complete: true,
        };
        pending = [];
        lineStart = newline + 1;
      }
      if (lineStart < read) pending.push(Buffer.from(piece.subarray(lineStart)));
    }
    if (pending.length > 0) yield { text: decode(pending), end: chunkStart, complete: false };
  } finally {
    closeSync(fd);
  }
}

// Lines split on the newline byte, which never occurs inside a multi-byte UTF-8 character.
const decode = (pieces: Buffer[]) =>
  pieces.length === 1 ? pieces[0]!.toString('utf8') : Buffer.concat(pieces).toString('utf8');

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
