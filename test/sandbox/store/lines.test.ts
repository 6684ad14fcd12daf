import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLines } from '../../../sandbox/store/lines.ts';

// The store's files read a line at a time: where each line ends is where a torn journal is cut.

const directories: string[] = [];
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reading a file line by line', () => {
  it('gives each line whole, across reads and multi-byte characters, with the byte where it ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-lines-'));
    directories.push(dir);
    const path = join(dir, 'lines');
    const texts = ['Acme', 'Zürich café 東京 🚀 '.repeat(100_000), 'é', '', 'Globex '.repeat(200_000), 'ü'];
    writeFileSync(path, `${texts.join('\n')}\ncut sho`);

    let end = 0;
    const expected = texts.map((text) => {
      end += Buffer.byteLength(text) + 1;
      return { text, end, complete: true };
    });
    expected.push({ text: 'cut sho', end: end + 7, complete: false });
    expect([...fileLines(path)]).toEqual(expected);
  });
});
