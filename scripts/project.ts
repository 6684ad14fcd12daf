import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ProjectConfig {
  root: string;
  name: string;
  srcDir: string;
  platformVersion: string;
}

/** The project's `hsproject.json`, with `srcDir` made absolute. */
export function readProject(root: string): ProjectConfig {
  const config = JSON.parse(readFileSync(join(root, 'hsproject.json'), 'utf8')) as Partial<Omit<ProjectConfig, 'root'>>;
  for (const key of ['name', 'srcDir', 'platformVersion'] as const) {
    if (typeof config[key] !== 'string' || !config[key]) throw new Error(`hsproject.json needs "${key}"`);
  }
  return { root, name: config.name!, srcDir: resolve(root, config.srcDir!), platformVersion: config.platformVersion! };
}

/** The repository root, from a script in scripts/. */
export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');
