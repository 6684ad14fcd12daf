import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const domainRoot = join(import.meta.dirname, '../../src/kam');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(source: string): string[] {
  const specifiers = [
    ...source.matchAll(
      /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('the KAM domain', () => {
  const files = sourceFiles(domainRoot);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(domainRoot, f), f]))(
    '%s imports only zod and other domain modules',
    (_name, file) => {
      const outside = importsOf(readFileSync(file, 'utf8')).filter((spec) => {
        if (spec === 'zod') return false;
        if (!spec.startsWith('.')) return true;
        return relative(domainRoot, join(file, '..', spec)).startsWith('..');
      });
      expect(outside).toEqual([]);
    },
  );

  it.each(files.map((f) => [relative(domainRoot, f), f]))(
    '%s never reads the clock or the environment',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now\(|process\.env/);
    },
  );
});
