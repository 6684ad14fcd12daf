import { join, posix } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { cycles, edgesBetween, folderOf, importGraph, roundTrip, type ImportGraph } from './import-graph.ts';

// Keystone's layers, checked on the resolved imports of every module under src/ (type-only imports
// included): each layer imports only itself and the layers it builds on, no folder imports one that
// imports it back, and ESLint (eslint.config.js) refuses every import this table forbids.

const REPOSITORY = join(import.meta.dirname, '../..');
const SRC = join(REPOSITORY, 'src');

type LayerName =
  | 'kam'
  | 'errors'
  | 'contracts'
  | 'crm'
  | 'keystone'
  | 'functions'
  | 'ui'
  | 'cards'
  | 'settings'
  | 'pages';

interface Layer {
  /** Its folder under src/. */
  folder: string;
  /** The layers it may import besides itself. */
  uses: LayerName[];
  /** Packages it may import ('node:' for Node's own modules). */
  packages: string[];
  /** Packages it may import types from only: the component folders do not install them. */
  typesFrom?: string[];
}

const SCREEN: Pick<Layer, 'uses' | 'packages' | 'typesFrom'> = {
  uses: ['kam', 'errors', 'contracts', 'ui'],
  packages: ['react', '@hubspot/ui-extensions'],
  typesFrom: ['zod'],
};

const LAYERS: Record<LayerName, Layer> = {
  kam: { folder: 'kam', uses: [], packages: ['zod'] },
  errors: { folder: 'errors', uses: ['kam'], packages: [] },
  contracts: { folder: 'contracts', uses: ['kam', 'errors'], packages: ['zod'] },
  crm: { folder: 'crm', uses: ['kam', 'errors', 'contracts'], packages: ['@hubspot/api-client', 'zod', 'node:'] },
  keystone: {
    folder: 'keystone',
    uses: ['kam', 'errors', 'contracts', 'crm'],
    packages: ['@hubspot/api-client', 'zod', 'node:'],
  },
  functions: {
    folder: 'app/functions',
    uses: ['kam', 'errors', 'contracts', 'crm', 'keystone'],
    packages: ['@hubspot/api-client', 'zod'],
  },
  ui: {
    folder: 'app/ui',
    uses: ['kam', 'errors', 'contracts'],
    packages: ['react'],
    typesFrom: ['@hubspot/ui-extensions', 'zod'],
  },
  cards: { folder: 'app/cards', ...SCREEN },
  settings: { folder: 'app/settings', ...SCREEN },
  pages: { folder: 'app/pages', ...SCREEN },
};
const NAMES = Object.keys(LAYERS) as LayerName[];

function layerOf(module: string): LayerName | null {
  return NAMES.find((name) => module.startsWith(`${LAYERS[name].folder}/`)) ?? null;
}

const isPackage = (specifier: string, name: string) =>
  specifier === name || specifier.startsWith(name.endsWith(':') ? name : `${name}/`);

describe('the layers', () => {
  let graph: ImportGraph;
  beforeAll(() => {
    graph = importGraph(SRC);
  });
  const modulesOf = (name: LayerName) => graph.modules.filter((m) => layerOf(m) === name);
  const importsOf = (name: LayerName) =>
    modulesOf(name).flatMap((from) => graph.imports.get(from)!.map((i) => ({ from, ...i })));

  it('place every module under src/ in a layer', () => {
    expect(graph.modules.length).toBeGreaterThan(100);
    expect(graph.modules.filter((m) => layerOf(m) === null)).toEqual([]);
  });

  it.each(NAMES)('%s imports only itself and the layers it builds on', (name) => {
    const allowed = new Set([name, ...LAYERS[name].uses]);
    const outside = importsOf(name).filter((i) => !i.isPackage && !allowed.has(layerOf(i.target)!));
    expect(outside.map((i) => `${i.from} → ${i.target}`)).toEqual([]);
  });

  it.each(NAMES)('%s imports only the packages it may use', (name) => {
    const { packages, typesFrom = [] } = LAYERS[name];
    const refused = importsOf(name).filter(
      (i) =>
        i.isPackage &&
        !packages.some((p) => isPackage(i.target, p)) &&
        !(i.typeOnly && typesFrom.some((p) => isPackage(i.target, p))),
    );
    expect(refused.map((i) => `${i.from} → ${i.target}${i.typeOnly ? ' (types)' : ''}`)).toEqual([]);
  });

  it('keep the services from importing a function or a screen', () => {
    const upward = importsOf('keystone').filter((i) => !i.isPackage && i.target.startsWith('app/'));
    expect(upward.map((i) => `${i.from} → ${i.target}`)).toEqual([]);
  });

  it('keep the CRM adapter from importing a service', () => {
    const upward = importsOf('crm').filter(
      (i) => !i.isPackage && (i.target.startsWith('keystone/') || i.target.startsWith('app/')),
    );
    expect(upward.map((i) => `${i.from} → ${i.target}`)).toEqual([]);
  });

  it('have no folder that imports a folder importing it back', () => {
    const edges = edgesBetween(graph, folderOf);
    expect(cycles(edges).map((members) => roundTrip(edges, members))).toEqual([]);
  });

  it('have no module that imports a module importing it back', () => {
    const edges = edgesBetween(graph, (module) => module);
    expect(cycles(edges).map((members) => roundTrip(edges, members))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const graphOf = (edges: Record<string, string[]>) =>
    new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

  it('finds a cycle, however long, and shows one way round it', () => {
    const edges = graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] });
    expect(cycles(edges)).toEqual([['a', 'b', 'c']]);
    expect(roundTrip(edges, ['a', 'b', 'c'])).toBe('a → b → c → a');
  });

  it('finds none in a graph that only points down', () => {
    expect(cycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('counts a type-only import as an edge', () => {
    const graph = importGraph(join(REPOSITORY, 'test/architecture/fixtures'));
    expect(cycles(edgesBetween(graph, folderOf))).toEqual([['one', 'two']]);
  });
});

const PACKAGES = [
  'zod',
  '@hubspot/api-client',
  '@hubspot/ui-extensions',
  '@hubspot/ui-extensions/pages',
  'react',
  'node:crypto',
  'lodash',
];

describe('the lint rules', () => {
  // The probes are text no TypeScript project holds, so the rules that need types are left out:
  // only the import rules are under test here.
  const eslint = new ESLint({ cwd: REPOSITORY, overrideConfig: tseslint.configs.disableTypeChecked });
  // A module standing in each layer's folder, and a real module of each layer to import.
  const probeIn = (name: LayerName) => `src/${LAYERS[name].folder}/${name === 'cards' ? 'account/' : ''}probe.ts`;
  let targets: Record<LayerName, string>;
  beforeAll(() => {
    const graph = importGraph(SRC);
    targets = Object.fromEntries(
      NAMES.map((name) => [name, graph.modules.find((m) => layerOf(m) === name)!]),
    ) as Record<LayerName, string>;
  });

  it.each(NAMES)('refuse every import %s may not make, and no other', async (name) => {
    const probe = probeIn(name);
    const refused: LayerName[] = [];
    for (const target of NAMES) {
      let specifier = posix.relative(posix.dirname(probe), `src/${targets[target]}`);
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: join(REPOSITORY, probe) });
      if (result!.messages.some((m) => m.ruleId === 'no-restricted-imports')) refused.push(target);
    }
    const allowed = new Set([name, ...LAYERS[name].uses]);
    expect(refused).toEqual(NAMES.filter((target) => !allowed.has(target)));
  });

  it.each(NAMES)('refuse every package %s may not import, and types from those it may not use', async (name) => {
    const { packages, typesFrom = [] } = LAYERS[name];
    const refusals = async (code: (specifier: string) => string) => {
      const refused: string[] = [];
      for (const specifier of PACKAGES) {
        const [result] = await eslint.lintText(code(specifier), { filePath: join(REPOSITORY, probeIn(name)) });
        if (result!.messages.some((m) => m.ruleId === 'no-restricted-imports')) refused.push(specifier);
      }
      return refused;
    };
    const allows = (list: string[]) => (specifier: string) => list.some((p) => isPackage(specifier, p));
    expect(await refusals((specifier) => `import '${specifier}';\n`)).toEqual(
      PACKAGES.filter((p) => !allows(packages)(p)),
    );
    expect(await refusals((specifier) => `import type { T } from '${specifier}';\nexport type U = T;\n`)).toEqual(
      PACKAGES.filter((p) => !allows([...packages, ...typesFrom])(p)),
    );
  });
});
