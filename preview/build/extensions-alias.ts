import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'esbuild';

// The real cards import `@hubspot/ui-extensions` unmodified; in the preview bundle that specifier
// resolves to a generated module that re-exports the preview's browser implementation, and stands
// in for every export the preview lacks with a visible "unknown component <Name>".

const previewUi = path.resolve(import.meta.dirname, '../ui');
const require = createRequire(import.meta.url);
// The package exposes only its entry points; its dist folder holds the plain constants.
const realDist = path.dirname(require.resolve('@hubspot/ui-extensions'));

// Subpaths the cards may import, each with the preview module that implements part of it.
export const EXTENSION_MODULES = {
  '@hubspot/ui-extensions': path.join(previewUi, 'index.ts'),
  '@hubspot/ui-extensions/crm': path.join(previewUi, 'crm.ts'),
  '@hubspot/ui-extensions/pages': path.join(previewUi, 'pages.tsx'),
} as const;
type ExtensionModule = keyof typeof EXTENSION_MODULES;

// Event classes, icon names and status constants are plain data: the real ones are used as they are.
const REAL_CONSTANTS = path.join(realDist, 'shared.synced/types/index.synced.js');

export type AliasModuleInput = {
  specifier: string;
  realExports: string[];
  constantExports: string[];
  previewExports: string[];
  previewFile: string;
  unknownFile: string;
  constantsFile: string;
};

export function aliasModuleSource({
  specifier,
  realExports,
  constantExports,
  previewExports,
  previewFile,
  unknownFile,
  constantsFile,
}: AliasModuleInput): string {
  const implemented = realExports.filter((name) => previewExports.includes(name));
  const missing = realExports.filter((name) => !previewExports.includes(name) && !constantExports.includes(name));
  const lines = [
    `import { unknownComponent, unknownExport } from ${JSON.stringify(unknownFile)};`,
    `export * from ${JSON.stringify(constantsFile)};`,
    `export { ${implemented.join(', ')} } from ${JSON.stringify(previewFile)};`,
    // Components are capitalised; hooks and helpers are not.
    ...missing.map((name) =>
      /^[A-Z]/.test(name)
        ? `export const ${name} = unknownComponent(${JSON.stringify(name)});`
        : `export const ${name} = unknownExport(${JSON.stringify(name)}, ${JSON.stringify(specifier)});`,
    ),
  ];
  return lines.join('\n');
}

export async function aliasModuleFor(specifier: ExtensionModule): Promise<string> {
  const previewFile = EXTENSION_MODULES[specifier];
  const [real, constants, preview] = await Promise.all([
    import(specifier),
    import(REAL_CONSTANTS),
    import(previewFile),
  ]);
  return aliasModuleSource({
    specifier,
    realExports: Object.keys(real),
    constantExports: Object.keys(constants),
    previewExports: Object.keys(preview),
    previewFile,
    unknownFile: path.join(previewUi, 'components/unknown.tsx'),
    constantsFile: REAL_CONSTANTS,
  });
}

const isExtensionModule = (specifier: string): specifier is ExtensionModule => specifier in EXTENSION_MODULES;

export function extensionsAliasPlugin(): Plugin {
  return {
    name: 'keystone-preview-ui-extensions',
    setup(build) {
      build.onResolve({ filter: /^@hubspot\/ui-extensions(\/.*)?$/ }, (args) => {
        // The preview's own modules import only types from the real package.
        if (args.importer.startsWith(previewUi)) return undefined;
        if (!isExtensionModule(args.path))
          return { errors: [{ text: `The Keystone preview does not implement ${args.path}` }] };
        return { path: args.path, namespace: 'preview-ui-extensions' };
      });
      build.onLoad({ filter: /.*/, namespace: 'preview-ui-extensions' }, async (args) => ({
        contents: await aliasModuleFor(args.path as ExtensionModule),
        resolveDir: previewUi,
        loader: 'ts',
      }));
    },
  };
}
