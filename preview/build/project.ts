import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// What the preview needs to know about the HubSpot project: its cards, its settings page, its app
// pages and its app functions, read from the same `*-hsmeta.json` files HubSpot reads.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

const projectSchema = z.object({ srcDir: z.string().min(1) });
const hsmetaSchema = z.object({
  uid: z.string().min(1),
  type: z.string(),
  config: z
    .object({ entrypoint: z.string().startsWith('/'), location: z.string().optional(), name: z.string().optional() })
    .loose(),
});

export type UiExtension = {
  uid: string;
  kind: 'card' | 'settings' | 'pages';
  location: string;
  title: string;
  file: string;
};
export type AppFunction = { uid: string; file: string };

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.relative(PROJECT_ROOT, file)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function hsmetaFiles(folder: string) {
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = names.filter((name) => name.endsWith('-hsmeta.json')).sort();
  return Promise.all(
    files.map(async (name) => ({
      file: path.join(folder, name),
      meta: await readJson(path.join(folder, name), hsmetaSchema),
    })),
  );
}

export async function sourceDir(root = PROJECT_ROOT): Promise<string> {
  const project = await readJson(path.join(root, 'hsproject.json'), projectSchema);
  return path.join(root, project.srcDir);
}

export async function uiExtensions(root = PROJECT_ROOT): Promise<UiExtension[]> {
  const src = await sourceDir(root);
  const cards = await hsmetaFiles(path.join(src, 'app/cards'));
  const settings = await hsmetaFiles(path.join(src, 'app/settings'));
  const pages = await hsmetaFiles(path.join(src, 'app/pages'));
  return [
    ...cards.map(({ file, meta }) => {
      if (!meta.config.location)
        throw new Error(`${path.relative(root, file)}: a card needs config.location (e.g. "crm.record.tab")`);
      return {
        uid: meta.uid,
        kind: 'card' as const,
        location: meta.config.location,
        title: meta.config.name ?? meta.uid,
        file: path.join(src, meta.config.entrypoint),
      };
    }),
    ...settings.map(({ meta }) => ({
      uid: meta.uid,
      kind: 'settings' as const,
      location: 'settings',
      title: meta.config.name ?? 'Settings',
      file: path.join(src, meta.config.entrypoint),
    })),
    ...pages.map(({ meta }) => ({
      uid: meta.uid,
      kind: 'pages' as const,
      location: 'pages',
      title: meta.config.name ?? 'Keystone',
      file: path.join(src, meta.config.entrypoint),
    })),
  ];
}

// HubSpot runs each function's bundled `.js` entrypoint; the preview runs the TypeScript source it is built from.
export async function appFunctions(root = PROJECT_ROOT): Promise<AppFunction[]> {
  const functionsDir = path.join(await sourceDir(root), 'app/functions');
  const metas = await hsmetaFiles(functionsDir);
  return metas.map(({ meta }) => ({
    uid: meta.uid,
    file: path.join(functionsDir, `${path.basename(meta.config.entrypoint, '.js')}.ts`),
  }));
}
