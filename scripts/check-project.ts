import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { BUNDLE_ENTRYPOINT, functionEntries, RUNTIME_DEPENDENCIES } from './build-functions.ts';
import { readProject, REPOSITORY_ROOT } from './project.ts';

// `npm run check:project`: HubSpot's own offline parser, plus what it does not catch — hsmeta files
// HubSpot would silently skip, bad uids and config keys, entrypoints that do not exist, missing
// function bundles, and HubSpot APIs the code calls without the app declaring their scopes.
// Run after `npm run build`. Prints each problem and exits non-zero if there is any.

/** Where each component type must live (relative to srcDir) and how many a project may have. */
const COMPONENT_PLACES: Record<string, { folder: string; max?: number; min?: number }> = {
  app: { folder: 'app', min: 1, max: 1 },
  card: { folder: 'app/cards' },
  settings: { folder: 'app/settings', max: 1 },
  'app-function': { folder: 'app/functions' },
  pages: { folder: 'app/pages', max: 1 },
  webhooks: { folder: 'app/webhooks', max: 1 },
};
const META_KEYS = new Set(['uid', 'type', 'config', 'dependencies']);
const UID_PATTERN = /^[a-zA-Z0-9_.-]{1,64}$/;

// HubSpot APIs as Keystone's code calls them (through @hubspot/api-client), and the scopes each needs.
// Object types are recognised by the string literals the code passes ('companies', 'deals', …).
const SCOPE_RULES: Array<{ uses: RegExp; scopes: string[]; onlyIfWrites?: boolean }> = [
  { uses: /'companies'/, scopes: ['crm.objects.companies.read'] },
  { uses: /'companies'/, scopes: ['crm.objects.companies.write'], onlyIfWrites: true },
  { uses: /'contacts'/, scopes: ['crm.objects.contacts.read'] },
  { uses: /'contacts'/, scopes: ['crm.objects.contacts.write'], onlyIfWrites: true },
  { uses: /'deals'/, scopes: ['crm.objects.deals.read'] },
  // Meetings, calls, notes and tasks fall under the contacts scopes; emails need their own.
  { uses: /'(meetings|calls|notes|tasks)'/, scopes: ['crm.objects.contacts.read'] },
  { uses: /'(notes|tasks)'/, scopes: ['crm.objects.contacts.write'], onlyIfWrites: true },
  { uses: /'emails'/, scopes: ['sales-email-read'] },
  // Survey responses need their own read scope; HubSpot offers no write scope for them.
  { uses: /'feedback_submissions'/, scopes: ['crm.objects.feedback_submissions.read'] },
  { uses: /\bowners\b.*(ownersApi|getById|getPage)|ownersApi/, scopes: ['crm.objects.owners.read'] },
  // HubSpot's user provisioning API (whether a user is a super admin).
  { uses: /settings\.users\.usersApi/, scopes: ['settings.users.read'] },
  {
    uses: /objectTypeId\(|\.find\('(settings|plan|planRevision|objective|review)'\)/,
    scopes: ['crm.objects.custom.read'],
  },
  { uses: /objectTypeId\(|writeSettingsRecord/, scopes: ['crm.objects.custom.write'], onlyIfWrites: true },
  { uses: /schemas\.coreApi\.(getAll|getById)/, scopes: ['crm.schemas.custom.read'] },
  { uses: /schemas\.coreApi\.(create|update|createAssociation)/, scopes: ['crm.schemas.custom.write'] },
  {
    uses: /properties\.(coreApi|groupsApi)\.(create|update)|definitionsApi\.create/,
    scopes: ['crm.schemas.companies.write', 'crm.schemas.contacts.write'],
  },
];
const WRITES =
  /batchUpdate\(|batchCreate\(|batchArchive\(|basicApi\.(create|update|archive)|batchApi\.(create|update|upsert|archive)|writeSettingsRecord\(/;

export async function checkProject(root: string): Promise<string[]> {
  const problems: string[] = [];
  let project;
  try {
    project = readProject(root);
  } catch (error) {
    return [(error as Error).message];
  }
  const { srcDir, platformVersion } = project;
  const show = (path: string) => relative(root, path).split(sep).join('/');

  try {
    const { skippedHsMetaFiles } = await translate(
      { projectSourceDir: srcDir, platformVersion },
      { skipValidation: true },
    );
    for (const file of skippedHsMetaFiles)
      problems.push(`${show(resolve(srcDir, file))}: HubSpot's parser skips this file`);
  } catch (error) {
    problems.push(`HubSpot's parser rejected the project: ${(error as Error).message}`);
  }

  const metas = hsmetaFiles(srcDir).map((file) => ({ file, meta: readMeta(file, problems, show) }));
  const uids = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const { file, meta } of metas) {
    if (!meta) continue;
    const where = show(file);
    for (const key of Object.keys(meta))
      if (!META_KEYS.has(key))
        problems.push(`${where}: unknown key "${key}" (allowed: uid, type, config, dependencies)`);
    const uid = typeof meta.uid === 'string' ? meta.uid : '';
    if (!UID_PATTERN.test(uid))
      problems.push(`${where}: uid "${uid}" must be 1–64 characters of letters, digits, _ . -`);
    else if (uids.has(uid)) problems.push(`${where}: uid "${uid}" is already used by ${uids.get(uid)}`);
    else uids.set(uid, where);
    const type = typeof meta.type === 'string' ? meta.type : '';
    const place = COMPONENT_PLACES[type];
    if (!place) {
      problems.push(`${where}: unknown component type "${type}"`);
      continue;
    }
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const folder = show(join(srcDir, place.folder));
    if (show(join(file, '..')) !== folder)
      problems.push(`${where}: a ${type} must be in ${folder}/ — HubSpot silently ignores it anywhere else`);
    problems.push(...configProblems(srcDir, { where, type, config: meta.config }));
  }
  for (const [type, place] of Object.entries(COMPONENT_PLACES)) {
    const count = counts.get(type) ?? 0;
    if (place.min !== undefined && count < place.min)
      problems.push(`the project needs ${place.min} ${type} component (found ${count})`);
    if (place.max !== undefined && count > place.max)
      problems.push(`the project may have at most ${place.max} ${type} component(s) (found ${count})`);
  }

  problems.push(...functionProblems(srcDir, show));
  problems.push(...scopeProblems(srcDir, metas.find((m) => m.meta?.type === 'app')?.meta?.config, show));
  return problems;
}

/** What is wrong with one component's config; `where` names its file in each problem. */
function configProblems(
  srcDir: string,
  { where, type, config }: { where: string; type: string; config: unknown },
): string[] {
  if (typeof config !== 'object' || config === null) return [`${where}: "config" must be an object`];
  const c = config as Record<string, unknown>;
  const problems: string[] = [];
  const needsEntrypoint = ['card', 'settings', 'app-function', 'pages'].includes(type);
  if (needsEntrypoint) {
    if (typeof c.entrypoint !== 'string' || !c.entrypoint.startsWith('/'))
      problems.push(`${where}: config.entrypoint must be a path from srcDir starting with "/"`);
    else if (!existsSync(join(srcDir, c.entrypoint)))
      problems.push(
        `${where}: entrypoint ${c.entrypoint} does not exist${type === 'app-function' ? ' (run npm run build)' : ''}`,
      );
  }
  if (type === 'app-function') {
    if (typeof c.entrypoint === 'string' && !BUNDLE_ENTRYPOINT.test(c.entrypoint))
      problems.push(`${where}: a function's entrypoint must be a bundled /app/functions/dist/<name>.js`);
    if (!Array.isArray(c.secretKeys)) problems.push(`${where}: config.secretKeys must be a list (may be empty)`);
  }
  if (type === 'card') {
    if (!Array.isArray(c.objectTypes) || c.objectTypes.length === 0)
      problems.push(`${where}: config.objectTypes must list the record types the card appears on`);
    if (typeof c.location !== 'string') problems.push(`${where}: config.location is required`);
  }
  if (type === 'app') {
    const auth = c.auth as { type?: unknown; requiredScopes?: unknown } | undefined;
    if (c.distribution !== 'private' || auth?.type !== 'static')
      problems.push(`${where}: app functions need distribution "private" and auth type "static"`);
    if (!Array.isArray(auth?.requiredScopes)) problems.push(`${where}: config.auth.requiredScopes must be a list`);
  }
  return problems;
}

function functionProblems(srcDir: string, show: (path: string) => string): string[] {
  const entries = functionEntries(srcDir);
  if (entries.length === 0) return [];
  const problems: string[] = [];
  const packageFile = join(srcDir, 'app', 'functions', 'package.json');
  if (!existsSync(packageFile))
    return [`${show(packageFile)} is missing: HubSpot needs one package.json beside the functions`];
  const declared =
    (JSON.parse(readFileSync(packageFile, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
  for (const dependency of RUNTIME_DEPENDENCIES) {
    if (!declared[dependency])
      problems.push(`${show(packageFile)}: the bundles leave ${dependency} out, so it must be a dependency here`);
  }
  for (const entry of entries) {
    if (!existsSync(entry.source))
      problems.push(`function ${entry.uid}: its source ${show(entry.source)} does not exist`);
    if (!existsSync(entry.bundle))
      problems.push(`function ${entry.uid}: no bundle at ${show(entry.bundle)} (run npm run build)`);
  }
  return problems;
}

function scopeProblems(srcDir: string, appConfig: unknown, show: (path: string) => string): string[] {
  const declared = new Set(
    (appConfig as { auth?: { requiredScopes?: string[] } } | undefined)?.auth?.requiredScopes ?? [],
  );
  const needed = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const writes = WRITES.test(text);
    for (const rule of SCOPE_RULES) {
      if (!rule.uses.test(text) || (rule.onlyIfWrites && !writes)) continue;
      for (const scope of rule.scopes) if (!needed.has(scope)) needed.set(scope, show(file));
    }
  }
  return [...needed]
    .filter(([scope]) => !declared.has(scope))
    .map(([scope, file]) => `scope ${scope} is used by ${file} but not declared in app-hsmeta.json requiredScopes`);
}

function hsmetaFiles(dir: string): string[] {
  return walk(dir).filter((file) => file.endsWith('-hsmeta.json'));
}

function sourceFiles(dir: string): string[] {
  return walk(dir).filter((file) => /\.(ts|tsx)$/.test(file));
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function readMeta(file: string, problems: string[], show: (path: string) => string): Record<string, unknown> | null {
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) return meta as Record<string, unknown>;
    problems.push(`${show(file)}: must be a JSON object`);
  } catch (error) {
    problems.push(`${show(file)}: not valid JSON (${(error as Error).message})`);
  }
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const problems = await checkProject(REPOSITORY_ROOT);
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.log(problems.length === 0 ? 'project check passed' : `project check found ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
