import { QueryFailedError } from 'typeorm';
import { createTestApp, type TestApp } from '../../test-utils/test-app';
import { preparedQuery } from './prepared-query';

describe('preparedQuery (real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('returns the same rows as DataSource.query, statement after statement', async () => {
    const sql = 'SELECT $1::int + 1 AS n, $2::text AS s';
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      expect(await preparedQuery(t.db, sql, [n, `v${n}`])).toEqual(await t.db.query(sql, [n, `v${n}`]));
    }
  });

  it('fails like DataSource.query: a QueryFailedError carrying the Postgres code', async () => {
    const err = await preparedQuery(t.db, 'SELECT $1::date AS d', ['2024-02-30']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryFailedError);
    expect((err as { driverError: { code: string } }).driverError.code).toMatch(/^22/);
  });
});
