import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Listening status (issue 15 point 7): what a platform search could not do (e.g. an instance without full-text search). */
export class ListeningCursorNotice1764200000001 implements MigrationInterface {
  name = 'ListeningCursorNotice1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE listening_cursors ADD COLUMN notice text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE listening_cursors DROP COLUMN notice`);
  }
}
