import fc from 'fast-check';

/**
 * Payload generators for connector mappers: real recorded payloads with a few fields replaced
 * or removed (reaches deep mapper code), plus arbitrary JSON (exercises the top-level checks).
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type PathStep = string | number;

/** Values platforms (or a broken proxy) have been seen to send where something else was expected. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, '', ' ', 'NaN', 'null', '-1', '1e309', '2024-13-45', '2024-02-30T25:61:00Z', '0x1A', '١٢٣',
    -1, 0, 1.5, Number.MAX_SAFE_INTEGER, 1e308, -1e308, true, false, [], {}, [null], { id: null },
    '<script>alert(1)</script>', "' OR 1=1--", '\u0000', '🔥'.repeat(50),
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

/** Every path to a value in a JSON document (the root excluded). */
export function listPaths(v: unknown, prefix: PathStep[] = [], out: PathStep[][] = []): PathStep[][] {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      out.push([...prefix, i]);
      listPaths(x, [...prefix, i], out);
    });
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.push([...prefix, k]);
      listPaths(x, [...prefix, k], out);
    }
  }
  return out;
}

function setAt(root: unknown, path: PathStep[], value: unknown, remove: boolean): void {
  let cur = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) cur = cur[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove && Array.isArray(cur)) cur.splice(last as number, 1);
  else if (remove) delete cur[last];
  else cur[last] = value;
}

export interface Mutation {
  pick: number;
  op: 'replace' | 'delete';
  value: unknown;
}

export const mutationsArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ pick: fc.nat(), op: fc.constantFrom<'replace' | 'delete'>('replace', 'replace', 'delete'), value: weirdValue }),
  { minLength: 0, maxLength: 3 },
);

/** A deep copy of `seed` with the mutations applied (each on a path of the current document). */
export function mutate(seed: unknown, mutations: Mutation[]): unknown {
  const doc = structuredClone(seed) as Json;
  for (const m of mutations) {
    const paths = listPaths(doc);
    if (!paths.length) break;
    setAt(doc, paths[m.pick % paths.length], m.value, m.op === 'delete');
  }
  return doc;
}

/** One of the seeds, mutated; or arbitrary JSON. */
export function payloadArb(seeds: unknown[]): fc.Arbitrary<unknown> {
  const mutated = fc
    .tuple(fc.nat({ max: Math.max(0, seeds.length - 1) }), mutationsArb)
    .map(([i, ms]) => mutate(seeds[i], ms));
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: weirdValue, weight: 1 });
}
