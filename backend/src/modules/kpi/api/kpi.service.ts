import { Injectable, Logger } from '@nestjs/common';
import { POST_METRICS, type SeriesPointDto } from '@vigie/contracts';
import {
  computeKpis,
  detectSeriesBreak,
  isPlatform,
  mergeCountSums,
  type CountSums,
  type DayPeriod,
  type KpiKey,
  type KpiResult,
  type SeriesBreak,
  type SeriesPoint,
} from '@vigie/kpi';
import { KpiContributorRegistry, type KpiContribution, type KpiContributionQuery, type KpiContributor } from '../contributors/kpi-contributor';
import type { Granularity, KpiQueryDto } from './kpi-query.dto';
import { KpiScopeResolver } from './kpi-scope';
import { KpiReadsRepository, type KpiChannelRow, type KpiScope } from '../kpi-reads.repository';
import { flagGrowth, sumFollowers, type Followers } from './follower-sums';
import { checkPeriod } from './period';
import { recordSums, rollupSums } from './rollup-sums';
import { VersionedCache } from '../../../common/cache/versioned-cache';
import { PreparedJson } from '../../../common/http/prepared-json';
import { seriesBuckets } from './series-buckets';

/** Keys each series point carries: the counts and the ratios that make sense per bucket. */
const SERIES_KEYS: readonly KpiKey[] = ['posts', ...POST_METRICS];

/** Raw metric names behind posts.impressions_definition, for detectSeriesBreak. */
const ERA_METRIC: Record<string, { impressions: string; views: string }> = {
  facebook: { impressions: 'post_impressions', views: 'post_media_view' },
  instagram: { impressions: 'impressions', views: 'views' },
};

type RollupPart = Awaited<ReturnType<KpiService['rollupPart']>>;

/** Serialised answers kept (a year by day is ~140 KiB of JSON). */
const JSON_ANSWERS = 100;

export interface KpiBlock {
  kpis: KpiResult['values'];
  missing: KpiKey[];
  partial: KpiKey[];
}

@Injectable()
export class KpiService {
  private readonly logger = new Logger('kpi');

  constructor(
    private readonly reads: KpiReadsRepository,
    private readonly scopes: KpiScopeResolver,
    private readonly contributors: KpiContributorRegistry,
  ) {}

  /** Rollup-derived parts of recent answers, per brand rollup version (see VersionedCache). */
  private readonly rollupAnswers = new VersionedCache<RollupPart>();
  /** JSON text of recent answers, per question, with the fingerprint of the inputs it was computed from. */
  private readonly jsonAnswers = new Map<string, { fingerprint: string; answer: PreparedJson }>();
  /** Answers of the contributors kept between requests, per brand activity or sources version. */
  private readonly keptAnswers = new VersionedCache<KpiContribution[]>(600);
  /** Followers of the period and the previous one, per brand sources version. */
  private readonly followerAnswers = new VersionedCache<Array<Map<string, Followers>>>(200);

  async getKpis(workspaceId: string, q: KpiQueryDto) {
    return (await this.inputs(workspaceId, q)).answer();
  }

  /**
   * getKpis as JSON text, for the HTTP reply. A dashboard asks the same question again and again:
   * the text is kept per question (key) and reused while every input is unchanged — the versions
   * and the per-request reads, compared as a fingerprint — so a repeat costs the reads but neither
   * the KPI computations nor the serialisation of a year of series.
   */
  async getKpisJson(workspaceId: string, q: KpiQueryDto): Promise<PreparedJson> {
    const inputs = await this.inputs(workspaceId, q);
    const hit = this.jsonAnswers.get(inputs.key);
    this.jsonAnswers.delete(inputs.key);
    if (hit && hit.fingerprint === inputs.fingerprint) {
      this.jsonAnswers.set(inputs.key, hit);
      return hit.answer;
    }
    // Its ETag (and gzip form) are made once per text, not on every reply.
    const answer = new PreparedJson(JSON.stringify(inputs.answer()));
    // An answer missing a failed contributor's keys is not kept: the next request asks it again.
    if (!inputs.complete) return answer;
    this.jsonAnswers.set(inputs.key, { fingerprint: inputs.fingerprint, answer });
    while (this.jsonAnswers.size > JSON_ANSWERS) this.jsonAnswers.delete(this.jsonAnswers.keys().next().value as string);
    return answer;
  }

  /**
   * Everything an answer is computed from, read (or taken from the version caches), with the
   * question's key, a fingerprint of the inputs that are read on every request, and the answer.
   */
  private async inputs(workspaceId: string, q: KpiQueryDto) {
    const { period, previousPeriod } = checkPeriod(q.from, q.to);
    const granularity: Granularity = q.granularity ?? 'day';
    // The version is read before any rollup: the cached part is reused only while it is current.
    const { scope, version, activity, sources, channels } = await this.scopes.resolveWithRollupState(workspaceId, q.brandId, q.channelAccountId);
    const key = JSON.stringify([
      ...[scope.workspaceId, scope.brandId, scope.channelAccountId, scope.timezone],
      ...[period.from, period.to, granularity],
      channels.map((c) => c.id),
    ]);
    const [fromRollups, [followers, previousFollowers], contributed] = await Promise.all([
      this.rollupAnswers.get(key, version, () => this.rollupPart(scope, period, previousPeriod, granularity)),
      this.followerAnswers.get(key, sources, () => this.followers(scope, [period, previousPeriod])),
      this.contributions(scope, [period, previousPeriod], { activity: activity.version, sources, brandKind: activity.brandKind }),
    ]);
    // The versions, the channel list (handles shown per channel) and what was read this time.
    const fingerprint = JSON.stringify([version, activity, sources, channels, contributed.readEveryTime]);
    return {
      key,
      fingerprint,
      complete: contributed.complete,
      answer: () =>
        this.answer(scope, period, previousPeriod, granularity, channels, fromRollups, [followers, previousFollowers], contributed.periods),
    };
  }

  private answer(
    scope: KpiScope,
    period: DayPeriod,
    previousPeriod: DayPeriod,
    granularity: Granularity,
    channels: readonly KpiChannelRow[],
    fromRollups: RollupPart,
    [followers, previousFollowers]: Array<Map<string, Followers>>,
    [extra, previousExtra]: Array<{ sums: CountSums; firstResponseMinutes: number[] | null }>,
  ) {
    const { grouped, previousRow, heatmap, breaks, series } = fromRollups;

    const total = grouped.find((r) => r.g_channel && r.g_type && r.g_bucket);
    const brandFollowers = sumFollowers([...followers.values()]);
    const current = flagGrowth(
      computeKpis({
        ...mergeCountSums(rollupSums(total), extra.sums),
        followersStart: brandFollowers.start,
        followersEnd: brandFollowers.end,
        firstResponseMinutes: extra.firstResponseMinutes,
      }),
      brandFollowers.partial,
    );
    const previousBrandFollowers = sumFollowers([...previousFollowers.values()]);
    const previous = flagGrowth(
      computeKpis({
        ...mergeCountSums(rollupSums(previousRow), previousExtra.sums),
        followersStart: previousBrandFollowers.start,
        followersEnd: previousBrandFollowers.end,
        firstResponseMinutes: previousExtra.firstResponseMinutes,
      }),
      previousBrandFollowers.partial,
    );

    const byChannelRows = new Map(grouped.filter((r) => !r.g_channel).map((r) => [r.channel_account_id, r]));
    const byChannel = channels.map((c) => {
      const f = followers.get(c.id) ?? { start: null, end: null };
      return {
        channelAccountId: c.id,
        platform: c.platform,
        handle: c.handle,
        ...block(computeKpis({ ...rollupSums(byChannelRows.get(c.id)), followersStart: f.start, followersEnd: f.end })),
      };
    });

    const byContentType = grouped
      .filter((r) => !r.g_type)
      .map((r) => ({
        contentType: r.content_type ?? 'other',
        ...block(computeKpis({ ...rollupSums(r), followersEnd: brandFollowers.end })),
      }))
      .sort((a, b) => (b.kpis.posts ?? 0) - (a.kpis.posts ?? 0) || a.contentType.localeCompare(b.contentType));

    return {
      brandId: scope.brandId,
      channelAccountId: scope.channelAccountId,
      timezone: scope.timezone,
      granularity,
      period,
      previousPeriod,
      kpis: current.values,
      previousKpis: previous.values,
      missing: current.missing,
      partial: current.partial,
      previousMissing: previous.missing,
      previousPartial: previous.partial,
      warnings: current.warnings,
      series,
      byChannel,
      byContentType,
      heatmap,
      seriesBreaks: breaks,
    };
  }

  /**
   * Everything the answer takes from the rollups alone (no followers, no contributors), with
   * the series already computed: what VersionedCache keeps between rollup changes.
   */
  private async rollupPart(scope: KpiScope, period: DayPeriod, previousPeriod: DayPeriod, granularity: Granularity) {
    const [grouped, previousRow, heatmap, breaks] = await Promise.all([
      this.reads.groupedSums(scope, period, granularity),
      this.reads.totalSums(scope, previousPeriod),
      this.heatmap(scope, period),
      this.seriesBreaks(scope, { from: previousPeriod.from, to: period.to }),
    ]);
    const byBucket = new Map(grouped.filter((r) => !r.g_bucket).map((r) => [r.bucket, r]));
    const series = seriesBuckets(period, granularity).map((b) => {
      const values = computeKpis(rollupSums(byBucket.get(b.key))).values;
      const point: SeriesPointDto = { from: b.from, to: b.to };
      for (const key of SERIES_KEYS) point[key] = values[key];
      return point;
    });
    return { grouped: grouped.filter((r) => r.g_bucket), previousRow, heatmap, breaks, series };
  }

  /**
   * Followers per channel account: at the end, the last snapshot on or before `to`; at the
   * start, the last one before `from` (none → null: a count first seen inside the period would
   * give the growth of part of it, labelled as the whole). Never a snapshot after `to`.
   */
  private async followers(scope: KpiScope, periods: readonly DayPeriod[]): Promise<Array<Map<string, Followers>>> {
    // Every period in one round trip: per account and period, the two snapshots.
    const rows = await this.reads.followers(scope, periods);
    return periods.map(
      (_, k) =>
        new Map(
          rows.filter((r) => Number(r.i) === k + 1).map((r) => [r.id, { start: r.start_followers, end: r.end_followers }]),
        ),
    );
  }


  /** Interactions per local weekday (1 = Monday … 7 = Sunday) × hour of publication. */
  private async heatmap(scope: KpiScope, period: DayPeriod) {
    const rows = await this.reads.heatmap(scope, period);
    const found = new Map(rows.map((r) => [`${r.weekday}:${r.hour}`, r]));
    const cells = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const r = found.get(`${weekday}:${hour}`);
        cells.push({ weekday, hour, posts: r?.posts ?? 0, interactions: Number(r?.interactions ?? 0), reach: Number(r?.reach ?? 0) });
      }
    }
    return { timezone: scope.timezone, cells };
  }

  /** Meta's impressions → views switch, per platform, from the per-day era counts. */
  private async seriesBreaks(scope: KpiScope, period: DayPeriod): Promise<SeriesBreak[]> {
    // Only platforms whose metrics have eras can break (the others' points are skipped below).
    const rows = await this.reads.eraDays(scope, period, Object.keys(ERA_METRIC));
    const points: SeriesPoint[] = [];
    for (const r of rows) {
      const names = ERA_METRIC[r.platform];
      if (!names || !isPlatform(r.platform)) continue;
      // A day holding both eras: the old one first, so the switch is dated that day.
      if (r.old_era > 0) points.push({ date: `${r.day}`, platform: r.platform, sourceMetric: names.impressions });
      if (r.views_era > 0) points.push({ date: `${r.day}~`, platform: r.platform, sourceMetric: names.views });
    }
    return detectSeriesBreak(points).map((b) => ({ ...b, date: b.date.slice(0, 10) }));
  }

  /**
   * Every contributor's sums for each period (one call per contributor for all the periods).
   * Those declaring `keptWhile` are reused while that version of the brand holds.
   */
  private async contributions(
    scope: KpiScope,
    periods: readonly DayPeriod[],
    versions: { activity: string; sources: string; brandKind: string | null },
  ): Promise<{
    periods: Array<{ sums: CountSums; firstResponseMinutes: number[] | null }>;
    /** The answers of the contributors read on every request (no keptWhile), in order. */
    readEveryTime: Array<KpiContribution[] | null>;
    /** false when a contributor failed (its keys are missing from this answer). */
    complete: boolean;
  }> {
    const queries: KpiContributionQuery[] = periods.map((p) => ({ ...scope, from: p.from, to: p.to }));
    // Through then(): a contributor that throws instead of rejecting fails like one that rejects.
    const ask = (contributor: KpiContributor) => () => Promise.resolve().then(() => contributor.contribute(queries));
    const contributors = this.contributors.list();
    // Independent sources: asked side by side, merged in registration order.
    const results = await Promise.all(
      contributors.map((contributor) =>
        (contributor.keptWhile
          ? this.keptAnswers.get(
              JSON.stringify([contributor.name, versions.brandKind, queries]),
              versions[contributor.keptWhile],
              ask(contributor),
            )
          : ask(contributor)()
        ).catch((e: unknown) => {
          // One failing source must not blank the dashboard: its KPIs are reported missing.
          this.logger.warn(`KPI contributor ${contributor.name} failed: ${e instanceof Error ? e.message : String(e)}`);
          return null;
        }),
      ),
    );
    return {
      periods: periods.map((_, k) => {
        const parts: CountSums[] = [];
        let minutes: number[] | null = null;
        for (const all of results) {
          const c = all?.[k];
          if (!c) continue;
          parts.push(recordSums(c.counts, c.partial));
          if (c.firstResponseMinutes) minutes = [...(minutes ?? []), ...c.firstResponseMinutes];
        }
        return { sums: mergeCountSums(...parts), firstResponseMinutes: minutes };
      }),
      readEveryTime: results.filter((_, i) => !contributors[i].keptWhile),
      complete: results.every((r) => r !== null),
    };
  }
}

function block(result: KpiResult): KpiBlock {
  return { kpis: result.values, missing: result.missing, partial: result.partial };
}
