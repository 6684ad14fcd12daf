// Bundles every card and the settings page with HubSpot's own builder (`remoteBuild`), the way
// HubSpot builds them after `hs project upload`: npm installs each component's package.json inside
// its own folder, so a bundle may only use packages that folder declares. We rebuild that layout
// in a temporary copy of src/ (node_modules only in the component folder, linking only the declared
// packages), so an undeclared dependency, or a package imported from a file outside the component
// folder, fails here as it would fail in HubSpot. Exits non-zero if any entry does not bundle.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

const projectRoot = process.cwd();
const srcDir = path.join(projectRoot, 'src');
const COMPONENT_FOLDERS = ['app/cards', 'app/settings', 'app/pages'] as const;

interface Entry {
  uid: string;
  folder: string;
  /** Path of the entry file relative to its component folder. */
  file: string;
}

function entriesOf(folder: string): Entry[] {
  const dir = path.join(srcDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('-hsmeta.json'))
    .map((name) => {
      const meta = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
        uid?: string;
        config?: { entrypoint?: string };
      };
      const entrypoint = meta.config?.entrypoint ?? '';
      const prefix = `/${folder}/`;
      if (!entrypoint.startsWith(prefix))
        throw new Error(`${folder}/${name}: entrypoint "${entrypoint}" must start with ${prefix}`);
      return { uid: meta.uid ?? name, folder, file: entrypoint.slice(prefix.length) };
    });
}

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** The packages a component folder declares, each pinned to the version the root install tests with. */
function declaredDependencies(folder: string): string[] {
  const manifest = path.join(srcDir, folder, 'package.json');
  if (!existsSync(manifest))
    throw new Error(`${folder}/package.json is missing: HubSpot installs the component's dependencies from it`);
  const { dependencies = {} } = readManifest(manifest);
  const root = readManifest(path.join(projectRoot, 'package.json'));
  for (const [name, version] of Object.entries(dependencies)) {
    const tested = root.dependencies?.[name] ?? root.devDependencies?.[name];
    if (tested !== version)
      throw new Error(
        `${folder}/package.json asks for ${name}@${version}, but the project tests with ${tested ?? 'no version of it'}`,
      );
  }
  return Object.keys(dependencies);
}

/** A copy of src/ where only `folder` has node_modules, holding just the packages it declares. */
function hubspotLayoutFor(folder: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'keystone-cards-'));
  cpSync(srcDir, path.join(copy, 'src'), {
    recursive: true,
    filter: (from) => !from.split(path.sep).includes('node_modules'),
  });
  const modules = path.join(copy, 'src', folder, 'node_modules');
  for (const name of declaredDependencies(folder)) {
    const target = path.join(projectRoot, 'node_modules', name);
    if (!existsSync(target))
      throw new Error(`${folder}/package.json declares ${name}, which is not installed: run npm install`);
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(target, path.join(modules, name), 'dir');
  }
  return copy;
}

async function main(): Promise<void> {
  let failures = 0;
  for (const folder of COMPONENT_FOLDERS) {
    const entries = entriesOf(folder);
    if (entries.length === 0) continue;
    let copy: string;
    try {
      copy = hubspotLayoutFor(folder);
    } catch (error) {
      failures += entries.length;
      console.error(`FAIL  ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      for (const entry of entries) {
        const outputDir = path.join(copy, 'dist', entry.uid);
        try {
          await remoteBuild({
            root: path.join(copy, 'src', folder),
            entryPoint: entry.file,
            outputDir,
            logLevel: 'silent',
          });
          const bundle = path.join(outputDir, entry.file.replace(/\.[jt]sx?$/, '.js'));
          console.log(`ok    ${entry.uid} (${folder}/${entry.file}): ${(statSync(bundle).size / 1024).toFixed(1)} KiB`);
        } catch (error) {
          failures++;
          console.error(
            `FAIL  ${entry.uid} (${folder}/${entry.file}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  if (failures > 0) {
    console.error(`${failures} card or settings bundle(s) failed`);
    process.exit(1);
  }
}

await main();
