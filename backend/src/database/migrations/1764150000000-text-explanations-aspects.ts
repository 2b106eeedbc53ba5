import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text intelligence a CM can check (issue 14): each comment keeps why the classifier chose its
 * request type (cues with their offsets, top features, runner-up) and how sure it was, and what
 * it talks about (aspects with the polarity of their clause) for the "themes" of Overview and
 * the monthly report. Existing comments get them at their next enrichment.
 */
export class TextExplanationsAspects1764150000000 implements MigrationInterface {
  name = 'TextExplanationsAspects1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments
      ADD COLUMN request_confidence real,
      ADD COLUMN request_explanation jsonb,
      ADD COLUMN aspects jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments DROP COLUMN aspects, DROP COLUMN request_explanation, DROP COLUMN request_confidence`);
  }
}
