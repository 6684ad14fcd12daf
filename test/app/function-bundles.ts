import { existsSync } from 'node:fs';
import { buildFunctions, functionEntries } from '../../scripts/build-functions.ts';
import { readProject, REPOSITORY_ROOT } from '../../scripts/project.ts';

/** Builds the function bundles unless `npm run build` already has (npm test builds before vitest). */
export async function ensureFunctionBundles(): Promise<void> {
  const { srcDir } = readProject(REPOSITORY_ROOT);
  if (functionEntries(srcDir).some((entry) => !existsSync(entry.bundle))) await buildFunctions(srcDir);
}
