import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import of production code that crosses from one top-level folder of src/ into a module. */
export interface ModuleEdge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

const isProductionSource = (file: string) =>
  /\.tsx?$/.test(file) && !/\.(spec|int-spec)\.ts$/.test(file) && !file.endsWith('.d.ts');
const SKIPPED_DIRS = new Set(['__tests__', '__fixtures__', 'node_modules']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) walk(full, out);
    } else if (isProductionSource(full)) out.push(full);
  }
  return out;
}

/** The folder an absolute path belongs to: `modules/<name>` → name, `<dir>/…` → dir. */
export function ownerOf(srcRoot: string, file: string): string | null {
  const parts = path.relative(srcRoot, file).split(path.sep);
  if (parts[0] === 'modules') return parts.length > 2 ? parts[1] : null;
  return parts.length > 1 ? parts[0] : null;
}

/**
 * Every import (static, dynamic, re-export, require) of production code under `roots` that lands
 * in another module of src/modules. Read with the TypeScript scanner, so comments and strings
 * that merely look like imports are not counted.
 */
export function moduleEdges(srcRoot: string, roots: string[]): ModuleEdge[] {
  const modulesDir = path.join(srcRoot, 'modules');
  const edges: ModuleEdge[] = [];
  for (const root of roots) {
    for (const file of walk(path.join(srcRoot, root))) {
      const from = ownerOf(srcRoot, file);
      if (!from) continue;
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName: specifier } of importedFiles) {
        if (!specifier.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), specifier);
        if (!target.startsWith(modulesDir + path.sep)) continue;
        const to = ownerOf(srcRoot, target.endsWith('.ts') ? target : `${target}.ts`);
        if (to && to !== from) edges.push({ from, to, file: path.relative(srcRoot, file), specifier });
      }
    }
  }
  return edges;
}

/**
 * Every relative import between production files under `root` (a package's src/), as
 * root-relative paths; imports of data files (JSON) and of other packages are left out.
 */
export function fileEdges(root: string): Array<{ from: string; to: string }> {
  const resolve = (target: string) => [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts'), target].find((f) => /\.tsx?$/.test(f) && existsSync(f));
  const edges: Array<{ from: string; to: string }> = [];
  for (const file of walk(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const to = resolve(path.resolve(path.dirname(file), specifier));
      if (to) edges.push({ from: path.relative(root, file), to: path.relative(root, to) });
    }
  }
  return edges;
}

/** Strongly connected components with more than one member (or a self-loop): the cycles. */
export function findCycles(edges: Array<{ from: string; to: string }>): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)!.add(to);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)!.has(node)) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Edges that go up (or sideways to an unlisted module) in the declared top-to-bottom order. */
export function upwardEdges<E extends { from: string; to: string }>(edges: E[], layers: readonly string[]): E[] {
  const rank = new Map(layers.map((name, i) => [name, i]));
  return edges.filter((e) => {
    const from = rank.get(e.from);
    const to = rank.get(e.to);
    if (to === undefined) return true;
    return from !== undefined && from >= to;
  });
}
