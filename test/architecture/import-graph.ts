import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// Keystone's import graph over a source folder: every module with what it imports. Type-only imports
// count as edges (they tie modules together as much as value imports do) and are marked, because a
// screen may import a type from a module whose packages it could not bundle.

export interface Import {
  /** A module of the graph (path from the root, with /) or a package ('zod', 'node:crypto'…). */
  target: string;
  isPackage: boolean;
  /** `import type` / `export type … from`: erased when the module is compiled. */
  typeOnly: boolean;
}

export interface ImportGraph {
  /** Paths from the root, with /, sorted. */
  modules: string[];
  imports: Map<string, Import[]>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every import and re-export of a module's source, with whether it is type-only. */
export function importsIn(fileName: string, source: string): Array<{ specifier: string; typeOnly: boolean }> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  const visit = (node: ts.Node) => {
    const declared = ts.isImportDeclaration(node) || ts.isExportDeclaration(node) ? node.moduleSpecifier : undefined;
    if (declared && ts.isStringLiteral(declared)) {
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true
        : (node as ts.ExportDeclaration).isTypeOnly;
      found.push({ specifier: declared.text, typeOnly });
    }
    const loaded =
      ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword ? node.arguments[0] : undefined;
    if (loaded && ts.isStringLiteral(loaded)) found.push({ specifier: loaded.text, typeOnly: false });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export function importGraph(root: string): ImportGraph {
  const name = (file: string) => relative(root, file).split(sep).join('/');
  const imports = new Map<string, Import[]>();
  for (const file of sourceFiles(root)) {
    imports.set(
      name(file),
      importsIn(file, readFileSync(file, 'utf8')).map(({ specifier, typeOnly }) => {
        const isPackage = !specifier.startsWith('.');
        return { target: isPackage ? specifier : name(resolve(dirname(file), specifier)), isPackage, typeOnly };
      }),
    );
  }
  return { modules: [...imports.keys()].sort(), imports };
}

/** The folder a module sits in ('keystone/account' for 'keystone/account/card-data.ts'). */
export const folderOf = (module: string) => module.split('/').slice(0, -1).join('/') || '.';

/** Module-to-module edges, each module replaced by its key (folder, layer…); edges within one key are dropped. */
export function edgesBetween(graph: ImportGraph, keyOf: (module: string) => string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [from, imports] of graph.imports) {
    const a = keyOf(from);
    if (!edges.has(a)) edges.set(a, new Set());
    for (const { target, isPackage } of imports) {
      const b = isPackage ? null : keyOf(target);
      if (b !== null && b !== a) edges.get(a)!.add(b);
    }
  }
  return edges;
}

/**
 * The strongly connected components of more than one node (Tarjan): each is a set of nodes that import
 * one another, directly or round about. None means the graph has no cycle.
 */
export function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One way round a cycle, to show in a failure: 'a → b → a'. */
export function roundTrip(edges: ReadonlyMap<string, ReadonlySet<string>>, members: readonly string[]): string {
  const inCycle = new Set(members);
  const start = members[0]!;
  const path = [start];
  const seen = new Set(path);
  for (let node = start; ; ) {
    const targets = [...(edges.get(node) ?? [])].filter((t) => inCycle.has(t));
    if (targets.includes(start)) return [...path, start].join(' → ');
    node = targets.find((t) => !seen.has(t)) ?? targets[0]!;
    path.push(node);
    if (seen.has(node)) return path.join(' → ');
    seen.add(node);
  }
}
