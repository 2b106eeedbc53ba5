import fc from 'fast-check';
import { IMPORT_FORMATS, type ImportFormatName } from '../../modules/ingestion/imports/formats';
import { importFormat } from '../../modules/ingestion/imports/formats';
import { ImportRunner } from '../../modules/ingestion/imports/import-runner.service';
import { RowReader } from '../../modules/ingestion/imports/row-reader';
import { createTestApp, createUser, createWorkspace, login, type LoggedIn, type TestApp } from '../../test-utils/test-app';

/**
 * CSV importers: any header and any cells give either a mapped row or row errors (never an
 * exception), and through the HTTP import endpoint a file mixing good and bad rows leaves
 * exactly the good rows in the database.
 */

const cell = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1,234', '1 234', '12.5', 'NaN', '1e309', '99999999999999999999', '2025-03-01', '2024-13-45',
    '03/15/2025 10:00', '2025-03-01T10:00:00+01:00', 'facebook', 'youtube', 'myspace', 'photo', 'views', '="cmd"', '\u0000', 'Lifetime'),
  fc.string({ maxLength: 12 }),
);

describe('CSV import properties (fast-check)', () => {
  it.each(IMPORT_FORMATS.map((f) => [f]))('%s: any header and cells map to a row or row errors, never an exception', (name) => {
    const format = importFormat(name as ImportFormatName);
    // The format's own column names (from a layout read off an empty header) plus random ones.
    const known = format.layout(new Set()).known;
    let mapped = 0;
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 5 }, { arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 1 }), { minLength: 1, maxLength: 14 }),
        fc.array(cell, { minLength: 14, maxLength: 14 }),
        (header, values) => {
          const keys = new Set(header.map(RowReader.key));
          const layout = format.layout(keys);
          const cells = new Map(header.map((h, i) => [RowReader.key(h), { header: h, value: values[i] }]));
          const r = new RowReader(2, cells, 'Europe/Paris');
          if (layout.skip?.(r)) return;
          const row = layout.map(r);
          if (row === null) {
            rejected++;
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(e.reason.length).toBeGreaterThan(0);
          } else {
            mapped++;
            expect(Object.values(row.metrics).every((v) => v === null || (Number.isFinite(v) && v >= 0))).toBe(true);
            if (row.publishedAt !== null) expect(new Date(row.publishedAt).toISOString()).toBe(row.publishedAt);
          }
        },
      ),
      { numRuns: 300, seed: 5150 },
    );
    expect(rejected).toBeGreaterThan(0);
    // Most generated rows reach the mapper (the property is not vacuous).
    expect(mapped + rejected).toBeGreaterThan(200);
  });

  describe('through the HTTP import endpoint', () => {
    let t: TestApp;
    let c: LoggedIn;
    let ws: string;
    let brandId: string;

    beforeAll(async () => {
      t = await createTestApp();
      const u = await createUser(t.db, 'csv@prop.test');
      ws = await createWorkspace(t.db, 'CSV', [[u, 'admin']]);
      c = await login(t, u);
      brandId = ((await c.post(`/api/workspaces/${ws}/brands`, { name: 'B', kind: 'own' })).body as { id: string }).id;
    });
    afterAll(() => t.close());

    const goodRow = fc.record({
      n: fc.integer({ min: 0, max: 1_000_000 }),
      day: fc.integer({ min: 1, max: 28 }),
      text: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\u0000"\r\n]/g, '')),
    });
    const badCell = fc.constantFrom('-5', 'abc', '1e309', '12.5', 'NaN');
    const badDate = fc.constantFrom('2024-13-45', 'yesterday', '', '31/31/2025');

    it('a generated file with good and bad rows leaves exactly the good rows, and reports every bad one', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(goodRow, fc.oneof(fc.constant(null), fc.tuple(fc.constantFrom('reach', 'published_at', 'platform'), badCell, badDate))), { minLength: 1, maxLength: 12 }),
          async (rows) => {
            run++;
            const lines = ['id,platform,published_at,text,reach'];
            const good: string[] = [];
            rows.forEach(([g, bad], i) => {
              const id = `r${run}-${i}`;
              let platform = 'facebook';
              let date = `2025-03-${String(g.day).padStart(2, '0')}`;
              let reach = String(g.n);
              if (bad?.[0] === 'reach') reach = bad[1];
              else if (bad?.[0] === 'published_at') date = bad[2];
              else if (bad?.[0] === 'platform') platform = 'myspace';
              else good.push(id);
              lines.push(`${id},${platform},${date},"${g.text}",${reach}`);
            });
            const res = await c.agent
              .post(`/api/workspaces/${ws}/imports`)
              .set('X-CSRF-Token', c.csrf)
              .field('format', 'generic')
              .field('brandId', brandId)
              .attach('file', Buffer.from(lines.join('\n')), { filename: 'gen.csv', contentType: 'text/csv' });
            expect(res.status).toBe(202);
            await t.app.get(ImportRunner).run(res.body.id as string);
            const imp = (await c.get(`/api/workspaces/${ws}/imports/${res.body.id as string}`)).body as {
              status: string;
              rowsImported: number;
              rowsSkipped: number;
              errors: Array<{ row: number; reason: string }>;
            };
            expect(imp.status).toBe('done');
            expect(imp.rowsImported).toBe(good.length);
            expect(imp.rowsSkipped).toBe(rows.length - good.length);
            expect(new Set(imp.errors.map((e) => e.row)).size).toBe(rows.length - good.length);
            const stored = (await t.db.query(`SELECT external_id FROM posts WHERE workspace_id = $1 AND external_id LIKE $2 ORDER BY external_id`, [
              ws,
              `r${run}-%`,
            ])) as Array<{ external_id: string }>;
            expect(stored.map((s) => s.external_id)).toEqual([...good].sort());
          },
        ),
        { numRuns: 12, seed: 77 },
      );
    });
  });
});
