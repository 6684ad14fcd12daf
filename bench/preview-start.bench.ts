import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startKeystonePreview } from '../preview/server/keystone-preview.ts';
import { generateDemoPortal } from '../sandbox/demo/generate.ts';

// `npm start` must print its address within 30 s. Measures the first run (generate the ~2,000-company
// demo portal, persist it, set Keystone up, score it, bundle the cards) and a restart on the same data file,
// then the first company list, one card_data call and the portfolio home's portfolio_overview call as the
// browser would make them.

const TARGET_MS = 30_000;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

export default async function previewStart() {
  const directory = await mkdtemp(path.join(tmpdir(), 'keystone-preview-bench-'));
  const dataFile = path.join(directory, 'portal.json');
  const now = Date.now();
  const start = () => startKeystonePreview({ dataFile, seed: () => generateDemoPortal({ now }) });
  try {
    const [first, firstMs] = await timed(start);
    await first.close();
    const [again, againMs] = await timed(start);
    const [list, listMs] = await timed(
      async () =>
        ((await (await fetch(`${again.url}/api/companies?q=`)).json()) as { companies: Array<{ id: string }> })
          .companies,
    );
    const companyId = list[0]?.id;
    const [, cardMs] = await timed(() =>
      fetch(`${again.url}/api/serverless/card_data`, {
        method: 'POST',
        body: JSON.stringify({
          parameters: { userId: 9_100_001, companyId },
          record: { objectTypeId: '0-2', objectId: Number(companyId) },
        }),
      }),
    );
    // The portfolio home as the demo's admin (admins are managers) opens it.
    const [overview, overviewMs] = await timed(
      async () =>
        (await (
          await fetch(`${again.url}/api/serverless/portfolio_overview`, {
            method: 'POST',
            body: JSON.stringify({ parameters: { userId: 9_100_001, quarter: null } }),
          })
        ).json()) as { result: { status: string } },
    );
    await again.close();
    const verdict = (ms: number) => (ms <= TARGET_MS ? 'within' : 'OVER');
    console.log(
      `first run (demo portal generated, set up, scored): ${(firstMs / 1000).toFixed(1)} s, ${verdict(firstMs)} the ${TARGET_MS / 1000} s target`,
    );
    console.log(
      `restart on the saved portal:                       ${(againMs / 1000).toFixed(1)} s, ${verdict(againMs)} the ${TARGET_MS / 1000} s target`,
    );
    console.log(`first company list (${list.length} rows):                ${listMs.toFixed(0)} ms`);
    console.log(`card_data for the first company:                   ${cardMs.toFixed(0)} ms`);
    console.log(
      `portfolio_overview for the portfolio home:         ${overviewMs.toFixed(0)} ms (${overview.result.status})`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
