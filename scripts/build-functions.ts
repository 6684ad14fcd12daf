import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { readProject, REPOSITORY_ROOT } from './project.ts';

// `npm run build`: bundles every app function (`src/app/functions/<name>.ts`, exporting `main`) into
// the one CommonJS file its `<name>-hsmeta.json` names (`/app/functions/dist/<name>.js`). HubSpot runs
// functions as plain JavaScript and cannot import sibling modules, so each bundle carries Keystone's
// code and zod. @hubspot/api-client alone stays outside: bundled it adds 10 MB to every function, and
// HubSpot installs it from `src/app/functions/package.json` when it builds the project.

/** Packages left out of the bundles; each must be a dependency of the functions' package.json. */
export const RUNTIME_DEPENDENCIES = ['@hubspot/api-client'] as const;

export interface FunctionEntry {
  uid: string;
  source: string;
  bundle: string;
}

const FUNCTIONS_DIR = join('app', 'functions');
/** A function's hsmeta entrypoint: its bundle, `/app/functions/dist/<name>.js`. */
export const BUNDLE_ENTRYPOINT = /^\/app\/functions\/dist\/([A-Za-z0-9_.-]+)\.js$/;

/** The functions a project declares, from their hsmeta files under `<srcDir>/app/functions`. */
export function functionEntries(srcDir: string): FunctionEntry[] {
  const dir = join(srcDir, FUNCTIONS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('-hsmeta.json'))
    .map(
      (file) =>
        JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
          uid: string;
          type: string;
          config?: { entrypoint?: unknown };
        },
    )
    .flatMap((meta) => {
      // Other entrypoints are reported by the project check; only bundles can be built.
      const name =
        meta.type === 'app-function' && typeof meta.config?.entrypoint === 'string'
          ? BUNDLE_ENTRYPOINT.exec(meta.config.entrypoint)?.[1]
          : undefined;
      return name ? [{ uid: meta.uid, source: join(dir, `${name}.ts`), bundle: join(dir, 'dist', `${name}.js`) }] : [];
    });
}

export async function buildFunctions(srcDir: string): Promise<FunctionEntry[]> {
  const entries = functionEntries(srcDir);
  rmSync(join(srcDir, FUNCTIONS_DIR, 'dist'), { recursive: true, force: true });
  for (const entry of entries) {
    if (!existsSync(entry.source))
      throw new Error(`${entry.uid}: its source ${relative(process.cwd(), entry.source)} does not exist`);
    await build({
      entryPoints: [entry.source],
      outfile: entry.bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      legalComments: 'none',
      external: [...RUNTIME_DEPENDENCIES],
      logLevel: 'warning',
    });
  }
  return entries;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const built = await buildFunctions(readProject(REPOSITORY_ROOT).srcDir);
  for (const entry of built) console.log(`built ${entry.uid} → ${relative(process.cwd(), entry.bundle)}`);
  console.log(`${built.length} function bundle(s)`);
}
