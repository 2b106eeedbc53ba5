import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { findCycles, moduleEdges, upwardEdges } from '../architecture/module-graph';
import { FOUNDATION_DIRS, MODULE_LAYERS } from '../architecture/module-layers';

const SRC = path.resolve(__dirname, '..');
const moduleDirs = readdirSync(path.join(SRC, 'modules')).filter((name) =>
  statSync(path.join(SRC, 'modules', name)).isDirectory(),
);
const describeEdge = (e: { from: string; to: string; file: string; specifier: string }) =>
  `${e.from} → ${e.to} (${e.file} imports '${e.specifier}')`;

describe('module layers (production code; tests may import anything)', () => {
  const edges = moduleEdges(SRC, ['modules']);

  it('declares every module folder exactly once', () => {
    expect([...moduleDirs].sort()).toEqual([...MODULE_LAYERS].sort());
  });

  it('has no module cycle', () => {
    expect(findCycles(edges)).toEqual([]);
  });

  it('only imports modules further down the declared order', () => {
    expect(upwardEdges(edges, MODULE_LAYERS).map(describeEdge)).toEqual([]);
  });

  it('keeps shared infrastructure free of module imports', () => {
    expect(moduleEdges(SRC, [...FOUNDATION_DIRS]).map(describeEdge)).toEqual([]);
  });
});

describe('module graph checks', () => {
  it.each([
    ['no edges', [], []],
    ['a chain', [['a', 'b'], ['b', 'c']], []],
    ['two modules importing each other', [['auth', 'workspaces'], ['workspaces', 'auth']], [['auth', 'workspaces']]],
    ['a longer loop', [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']], [['a', 'b', 'c']]],
    ['two separate loops', [['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c']], [['a', 'b'], ['c', 'd']]],
  ])('finds the cycles of %s', (_name, pairs, expected) => {
    const cycles = findCycles(pairs.map(([from, to]) => ({ from, to })));
    expect([...cycles].sort((x, y) => x[0].localeCompare(y[0]))).toEqual(expected);
  });

  it.each([
    ['down the order', ['top', 'mid'], false],
    ['skipping a layer', ['top', 'bottom'], false],
    ['up the order', ['bottom', 'top'], true],
    ['into an undeclared module', ['mid', 'stray'], true],
  ])('flags an import %s', (_name, [from, to], flagged) => {
    expect(upwardEdges([{ from, to }], ['top', 'mid', 'bottom'])).toHaveLength(flagged ? 1 : 0);
  });
});
