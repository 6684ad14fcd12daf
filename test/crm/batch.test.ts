import { describe, expect, it } from 'vitest';
import { chunk, mapInParallel } from '../../src/crm/batch.ts';
import { collectAll, pages } from '../../src/crm/paging.ts';

describe('chunk', () => {
  it('cuts a list into HubSpot-sized batches, the last one shorter', () => {
    const ids = Array.from({ length: 250 }, (_v, i) => String(i));
    expect(chunk(ids, 100).map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunk([], 100)).toEqual([]);
  });
});

describe('mapInParallel', () => {
  it('never has more calls in flight than the cap, and keeps the input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapInParallel([5, 1, 4, 2, 3, 0], 2, async (delay) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight--;
      return delay * 10;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapInParallel([1, 2, 3], 3, async (n) => {
        if (n === 2) throw new Error('two failed');
        return n;
      }),
    ).rejects.toThrow('two failed');
  });
});

describe('paging', () => {
  const book = {
    a: { results: [1, 2], paging: { next: { after: 'b' } } },
    b: { results: [3], paging: { next: { after: 'c' } } },
    c: { results: [4] },
  };
  const fetchPage = async (after: string | undefined) => book[(after ?? 'a') as keyof typeof book];

  it('follows the after token to the last page', async () => {
    expect(await collectAll(fetchPage)).toEqual([1, 2, 3, 4]);
  });

  it('hands out the token of the next page with each page, so a caller can stop and resume', async () => {
    const seen: Array<[number[], string | undefined]> = [];
    for await (const page of pages(fetchPage, 'b')) seen.push([page.results, page.nextAfter]);
    expect(seen).toEqual([
      [[3], 'c'],
      [[4], undefined],
    ]);
  });
});
