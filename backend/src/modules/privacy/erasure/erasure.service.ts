import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { pseudonymSalt } from '../../../common/crypto/pseudonym';
import { ERASURE_STEPS, REDACTED_DOCUMENTS } from './erasure-steps';
import { redactJson, type RedactionNeedles, usableNeedles } from './redact-json';
import { type PrivacySubject, resolveSubject, type SubjectRef, subjectParams, withSubject } from './subject';

export interface ErasureResult {
  erasureId: string;
  /** Rows touched per table (the erasure log keeps only these). */
  counts: Record<string, number>;
}

/**
 * GDPR erasure of one person in one workspace, in one transaction: their texts and identity
 * leave every table (ERASURE_STEPS), report snapshots and alerts stop quoting them
 * (REDACTED_DOCUMENTS), and an identity-less tombstone per platform id keeps a later sync from
 * bringing them back (database triggers, privacy migration). The erasure_log row says who asked
 * and when, with counts — never whom.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  erase(workspaceId: string, ref: SubjectRef, requestedBy: string | null): Promise<ErasureResult> {
    return this.db.transaction(async (m) => {
      const subject = await resolveSubject(m, workspaceId, ref);
      const needles = await this.needles(m, subject);
      const counts: Record<string, number> = {};
      const params = subjectParams(subject);
      for (const step of ERASURE_STEPS) {
        const res = (await m.query(withSubject(step.sql), params)) as [unknown, number];
        counts[step.table] = (counts[step.table] ?? 0) + (res[1] ?? 0);
      }
      counts.authors += await this.tombstones(m, subject);
      for (const doc of REDACTED_DOCUMENTS) counts[doc.table] = await this.redactDocuments(m, workspaceId, doc, needles);
      const [log] = (await m.query('INSERT INTO erasure_log (workspace_id, requested_by, counts) VALUES ($1, $2, $3) RETURNING id', [
        workspaceId,
        requestedBy,
        JSON.stringify(counts),
      ])) as Array<{ id: string }>;
      return { erasureId: log.id, counts };
    });
  }

  /** What quotes of the person look like, read before anything is emptied. */
  private async needles(m: EntityManager, s: PrivacySubject): Promise<RedactionNeedles> {
    const [names] = (await m.query(
      withSubject(`SELECT coalesce(array_agg(DISTINCT v) FILTER (WHERE v IS NOT NULL), '{}') AS ids FROM (
         SELECT unnest(ARRAY[handle, display_name]) AS v FROM authors WHERE workspace_id = $1 AND id = ANY($2::bigint[])
         UNION ALL
         SELECT unnest(ARRAY[author_handle, author_name]) FROM mentions
         WHERE workspace_id = $1 AND platform = $3 AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))
       ) x`),
      subjectParams(s),
    )) as Array<{ ids: string[] }>;
    const [texts] = (await m.query(
      withSubject(`SELECT coalesce(array_agg(t), '{}') AS texts FROM (
         SELECT text AS t FROM comments WHERE workspace_id = $1 AND author_id = ANY($2::bigint[]) AND text <> ''
         UNION ALL
         SELECT text FROM mentions
         WHERE workspace_id = $1 AND platform = $3 AND text <> ''
           AND (author_external_id = ANY($4::text[]) OR lower(ltrim(author_handle, '@')) = ANY($5::text[]))
       ) x`),
      subjectParams(s),
    )) as Array<{ texts: string[] }>;
    return usableNeedles({
      identities: [...names.ids, ...s.handles, ...s.externalIds.filter((x) => x.length >= 6)],
      texts: texts.texts,
    });
  }

  /** Platform ids known only from mentions get an erased authors row too (the suppression key). */
  private async tombstones(m: EntityManager, s: PrivacySubject): Promise<number> {
    if (!s.externalIds.length) return 0;
    const res = (await m.query(
      `INSERT INTO authors (workspace_id, platform, external_id, pseudonym, erased_at)
       SELECT $1::uuid, $2::text, x, 'Utilisateur ' || upper(left(md5($4::text || ':' || $2::text || ':' || x), 4)), now()
       FROM unnest($3::text[]) AS x
       ON CONFLICT (workspace_id, platform, external_id) DO NOTHING
       RETURNING 1`,
      [s.workspaceId, s.platform, s.externalIds, pseudonymSalt(this.config.secretKey, s.workspaceId)],
    )) as unknown[];
    return res.length;
  }

  private async redactDocuments(
    m: EntityManager,
    workspaceId: string,
    doc: (typeof REDACTED_DOCUMENTS)[number],
    needles: RedactionNeedles,
  ): Promise<number> {
    const [{ present }] = (await m.query('SELECT to_regclass($1) IS NOT NULL AS present', [doc.table])) as Array<{ present: boolean }>;
    if (!present || (!needles.identities.length && !needles.texts.length)) return 0;
    const cols = [...doc.jsonColumns, ...doc.textColumns];
    const keys = doc.keyColumns ?? [];
    const rows = (await m.query(`SELECT id::text AS id, ${[...cols, ...keys].join(', ')} FROM ${doc.table} WHERE workspace_id = $1`, [
      workspaceId,
    ])) as Array<Record<string, unknown>>;
    let changed = 0;
    for (const row of rows) {
      const sets: string[] = [];
      const values: unknown[] = [row.id];
      for (const c of cols) {
        const r = redactJson(row[c], needles);
        if (!r.changed) continue;
        values.push(doc.jsonColumns.includes(c) ? JSON.stringify(r.value) : r.value);
        sets.push(`${c} = $${values.length}`);
      }
      // A de-duplication key naming the person ('author:x:123') becomes unique to the row.
      for (const k of keys) if (redactJson(row[k], needles).changed) sets.push(`${k} = 'erased:' || id::text`);
      if (!sets.length) continue;
      await m.query(`UPDATE ${doc.table} SET ${sets.join(', ')} WHERE id::text = $1`, values);
      changed++;
    }
    return changed;
  }
}
