import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileEdges, findCycles } from '../architecture/module-graph';

const PACKAGES = path.resolve(__dirname, '..', '..', '..', 'packages');
const sources = readdirSync(PACKAGES)
  .map((name) => ({ name, src: path.join(PACKAGES, name, 'src') }))
  .filter((p) => existsSync(p.src));

// The shared packages are pure logic read bottom-up: a file never needs, even for a type, a file
// that needs it back (the shared labels sit in a leaf file, the composite types above them).
describe('packages: no import cycle between files', () => {
  it('reads the packages and their imports', () => {
    expect(sources.map((p) => p.name)).toEqual(expect.arrayContaining(['contracts', 'kpi', 'query', 'text']));
    expect(fileEdges(path.join(PACKAGES, 'text', 'src')).length).toBeGreaterThan(20);
  });

  it.each(sources.map((p) => [p.name, p.src]))('%s', (_name, src) => {
    expect(findCycles(fileEdges(src))).toEqual([]);
  });
});
