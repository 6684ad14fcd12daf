import { closeSync, openSync, readSync } from 'node:fs';

// The store's files are read a piece at a time, one line at a time: a whole portal can outgrow the
// longest string Node can hold, while a single line (one journal entry) never does.

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
        yield { text: decode([...pending, piece.subarray(lineStart, newline)]), end: chunkStart + newline + 1, complete: true };
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
const decode = (pieces: Buffer[]) => (pieces.length === 1 ? pieces[0]!.toString('utf8') : Buffer.concat(pieces).toString('utf8'));
