import { existsSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { extensionsAliasPlugin } from './extensions-alias.ts';
import { PROJECT_ROOT, uiExtensions, type UiExtension } from './project.ts';

// Bundles the preview shell together with the project's real card and settings modules.

const HOST = path.resolve(import.meta.dirname, '../ui/host.tsx');
const SHELL = path.resolve(import.meta.dirname, '../app/main.tsx');
export const STYLESHEETS = [
  path.resolve(import.meta.dirname, '../ui/preview.css'),
  path.resolve(import.meta.dirname, '../app/shell.css'),
];

// Importing a card module runs its `hubspot.extend(...)`; imports run in order, so the n-th
// registered extension belongs to the n-th module.
export function extensionsModuleSource(extensions: UiExtension[], hostFile: string): string {
  const meta = extensions.map(({ uid, kind, location, title }) => ({ uid, kind, location, title }));
  return [
    `import { takeRegisteredExtensions } from ${JSON.stringify(hostFile)};`,
    ...extensions.map((extension) => `import ${JSON.stringify(extension.file)};`),
    `const meta = ${JSON.stringify(meta)};`,
    'const renders = takeRegisteredExtensions();',
    'if (renders.length !== meta.length) throw new Error(`Expected ${meta.length} calls of hubspot.extend (one per card, settings page and app pages), got ${renders.length}`);',
    'export const extensions = meta.map((extension, index) => ({ ...extension, render: renders[index] }));',
  ].join('\n');
}

function extensionsPlugin(extensions: UiExtension[]): Plugin {
  return {
    name: 'keystone-preview-extensions',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^keystone-preview:extensions$/ }, () => ({
        path: 'extensions',
        namespace: 'keystone-preview',
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'keystone-preview' }, () => ({
        contents: extensionsModuleSource(extensions, HOST),
        resolveDir: PROJECT_ROOT,
        loader: 'ts',
      }));
    },
  };
}

export type PreviewBundle = { script: string; stylesheet: string; extensions: Array<Omit<UiExtension, 'file'>> };

export async function bundlePreview(root = PROJECT_ROOT): Promise<PreviewBundle> {
  const extensions = await uiExtensions(root);
  const missing = extensions.filter((extension) => !existsSync(extension.file));
  if (missing.length > 0) {
    throw new Error(
      missing
        .map(
          (extension) => `${path.relative(root, extension.file)} (the entrypoint of ${extension.uid}) does not exist`,
        )
        .join('\n'),
    );
  }
  const result = await build({
    entryPoints: [SHELL, ...STYLESHEETS],
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: false,
    sourcemap: 'inline',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    plugins: [extensionsAliasPlugin(), extensionsPlugin(extensions)],
  });
  const text = (ending: string) =>
    result.outputFiles
      .filter((file) => file.path.endsWith(ending))
      .map((file) => file.text)
      .join('\n');
  return {
    script: text('.js'),
    stylesheet: text('.css'),
    extensions: extensions.map(({ file: _file, ...rest }) => rest),
  };
}
