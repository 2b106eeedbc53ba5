import { Injectable } from '@nestjs/common';
import type { CrisisInfluencersDto, CrisisMomentDto, CrisisRecommendationDto, CrisisTimelineDto } from '@vigie/contracts';
import { bucketMinutesFor, bucketStart, fillBuckets, MINUTE_MS, peakAndDecline, recommend, round } from '@vigie/crisis';
import { PrivacySettingsService, type AuthorRenderer } from '../privacy/privacy-settings.service';
import { MentionsRepository, type MentionTotalsRow, type QuerySetRange, type SpreaderRow } from '../veille/mentions.repository';
import { termCounts } from '../veille/insights/trends.service';
import type { CrisisRow } from './crises.repository';
import type { CrisisStatementRow } from './crisis-statements.repository';
import { CrisisSettingsService } from './crisis-settings.service';

const HOUR = 60 * MINUTE_MS;
const DAY = 24 * HOUR;
/** How far before opening the first mention is looked for (the timeline starts there). */
export const LOOKBACK_MS = DAY;
/** The timeline starts at the latest this long before opening. */
export const LEAD_MS = HOUR;
export const BASELINE_DAYS = 7;
const THEMES_SCAN = 3000;

export interface CrisisRange {
  from: Date;
  to: Date;
  bucketMinutes: number;
}

/**
 * The figures of a crisis, from the mentions matching its watch queries (veille's MentionsRepository):
 * live timeline with baseline and moments, the influencer map, the rules' recommendations, themes.
 */
@Injectable()
export class CrisisFiguresService {
  constructor(
    private readonly mentions: MentionsRepository,
    private readonly settings: CrisisSettingsService,
    private readonly privacy: PrivacySettingsService,
  ) {}

  private set(c: CrisisRow, from: Date, to: Date): QuerySetRange {
    return { workspaceId: c.workspaceId, queryIds: c.queryIds, from, to };
  }

  /** From the first mention of the 24 h before opening (at the latest 1 h before), aligned on a bucket, to closing or now. */
  async range(c: CrisisRow, now: Date): Promise<CrisisRange> {
    const opened = c.openedAt.getTime();
    const end = c.closedAt ? c.closedAt.getTime() : now.getTime();
    const first = await this.mentions.querySetFirst(this.set(c, new Date(opened - LOOKBACK_MS), new Date(opened)));
    const start = Math.min(first ? first.publishedAt.getTime() : opened - LEAD_MS, opened - LEAD_MS);
    const bucketMinutes = bucketMinutesFor((end - start) / MINUTE_MS);
    return { from: new Date(bucketStart(start, bucketMinutes)), to: new Date(end), bucketMinutes };
  }

  async baseline(c: CrisisRow, r: CrisisRange): Promise<MentionTotalsRow & { from: Date; to: Date; perMinute: number }> {
    const from = new Date(r.from.getTime() - BASELINE_DAYS * DAY);
    const t = await this.mentions.querySetTotals(this.set(c, from, r.from));
    return { ...t, from, to: r.from, perMinute: t.count / (BASELINE_DAYS * 24 * 60) };
  }

  totals(c: CrisisRow, from: Date, to: Date): Promise<MentionTotalsRow> {
    return this.mentions.querySetTotals(this.set(c, from, to));
  }

  async timeline(c: CrisisRow, statements: readonly CrisisStatementRow[], now: Date): Promise<CrisisTimelineDto> {
    const r = await this.range(c, now);
    const [rows, base, totals, s, renderer] = await Promise.all([
      this.mentions.querySetBuckets(this.set(c, r.from, new Date(r.to.getTime() + 1)), r.bucketMinutes),
      this.baseline(c, r),
      this.totals(c, r.from, new Date(r.to.getTime() + 1)),
      this.settings.settings(c.workspaceId),
      this.privacy.authorRenderer(c.workspaceId),
    ]);
    const points = fillBuckets(
      rows.map((x) => ({ start: x.start.toISOString(), count: x.count, negative: x.negative, reach: Number(x.reach) })),
      r.from.getTime(),
      r.to.getTime(),
      r.bucketMinutes,
    );
    const perBucket = base.perMinute * r.bucketMinutes;
    const { peak, decline } = peakAndDecline(points, r.bucketMinutes, base.perMinute);
    const moments: CrisisMomentDto[] = [];
    const first = await this.mentions.querySetFirst(this.set(c, r.from, new Date(r.to.getTime() + 1)));
    if (first) moments.push({ kind: 'first_mention', at: first.publishedAt.toISOString(), label: `First mention (${first.platform})`, count: null, value: null, author: null, platform: first.platform, language: null, manual: null, minutes: null });
    const big = await this.mentions.querySetSpreaders(this.set(c, r.from, new Date(r.to.getTime() + 1)), c.brandIds, r.from, s.bigAccountFollowers);
    for (const b of big) {
      const who = this.author(c.workspaceId, b, renderer);
      moments.push({ kind: 'big_account', at: b.firstAt.toISOString(), label: `${who.name} (${b.followers ?? 0} followers, ${b.platform}) joined`, count: b.mentions, value: b.followers, author: who.name, platform: b.platform, language: null, manual: null, minutes: null });
    }
    for (const st of statements) {
      if (st.status === 'posted' && st.postedAt) {
        moments.push({ kind: 'statement_posted', at: st.postedAt.toISOString(), label: `Statement posted (${st.language}${st.postedVia === 'manual' ? ', manually' : ''})`, count: null, value: null, author: null, platform: null, language: st.language, manual: st.postedVia === 'manual', minutes: null });
      }
    }
    if (peak) moments.push({ kind: 'peak', at: peak.at, label: `Peak: ${peak.count} mentions in ${r.bucketMinutes} min`, count: peak.count, value: peak.ratio, author: null, platform: null, language: null, manual: null, minutes: null });
    if (decline) moments.push({ kind: 'decline', at: decline.at, label: `Decline: under ${decline.threshold} mentions per ${r.bucketMinutes} min for ${decline.quietMinutes} min`, count: null, value: decline.threshold, author: null, platform: null, language: null, manual: null, minutes: decline.quietMinutes });
    moments.sort((a, b) => a.at.localeCompare(b.at));
    return {
      from: r.from.toISOString(),
      to: r.to.toISOString(),
      bucketMinutes: r.bucketMinutes,
      baseline: {
        method: 'mean_7_days_before',
        from: base.from.toISOString(),
        to: base.to.toISOString(),
        perMinute: round(base.perMinute, 4),
        perBucket: round(perBucket, 4),
        count: base.count,
        negativeShare: base.count ? round(base.negative / base.count, 4) : null,
      },
      points: points.map((p) => ({ ...p, negativeShare: p.count ? round(p.negative / p.count, 4) : null, baseline: round(perBucket, 4) })),
      moments,
      totals: { count: totals.count, negative: totals.negative, negativeShare: totals.count ? round(totals.negative / totals.count, 4) : null, reach: Number(totals.reach) },
    };
  }

  /** Who spreads it: authors of the crisis's mentions by reach, pseudonymised per the workspace; erased authors never listed. */
  async influencers(c: CrisisRow, now: Date, sort: 'reach' | 'engagement' = 'reach'): Promise<CrisisInfluencersDto> {
    const r = await this.range(c, now);
    const [rows, s, renderer] = await Promise.all([
      this.mentions.querySetSpreaders(this.set(c, r.from, new Date(r.to.getTime() + 1)), c.brandIds, r.from),
      this.settings.settings(c.workspaceId),
      this.privacy.authorRenderer(c.workspaceId),
    ]);
    if (sort === 'engagement') rows.sort((a, b) => Number(b.engagement) - Number(a.engagement) || Number(b.reach) - Number(a.reach));
    return {
      bigAccountFollowers: s.bigAccountFollowers,
      sort,
      items: rows.map((x) => ({
        platform: x.platform,
        author: this.author(c.workspaceId, x, renderer),
        followers: x.followers,
        mentions: x.mentions,
        reach: Number(x.reach),
        engagement: Number(x.engagement),
        sentiment: { positive: x.positive, negative: x.negative, negativeShare: round(x.negative / x.mentions, 4) },
        priorMentions: x.priorMentions,
        talkedBefore: x.priorMentions > 0,
        bigAccount: (x.followers ?? 0) >= s.bigAccountFollowers,
        firstAt: x.firstAt.toISOString(),
      })),
    };
  }

  private author(workspaceId: string, x: SpreaderRow, renderer: AuthorRenderer) {
    const pseudonym = x.pseudonym ?? this.privacy.pseudonymFor(workspaceId, x.platform, x.externalId);
    return renderer.render({ pseudonym, handle: x.handle, displayName: x.name }) ?? { name: pseudonym, handle: null, pseudonymized: true };
  }

  /** The rules of @vigie/crisis over the last hour (or the hour before closing). */
  async recommendations(c: CrisisRow, statements: readonly CrisisStatementRow[], now: Date): Promise<CrisisRecommendationDto[]> {
    const r = await this.range(c, now);
    const end = r.to.getTime() + 1;
    const hourFrom = end - HOUR;
    const [rows, base, s] = await Promise.all([
      this.mentions.querySetBuckets(this.set(c, new Date(hourFrom), new Date(end)), 1),
      this.baseline(c, r),
      this.settings.settings(c.workspaceId),
    ]);
    const perMinute = fillBuckets(
      rows.map((x) => ({ start: x.start.toISOString(), count: x.count, negative: x.negative, reach: 0 })),
      hourFrom,
      end - 1,
      1,
    ).slice(-60);
    const lastHour = { count: rows.reduce((a, x) => a + x.count, 0), negative: rows.reduce((a, x) => a + x.negative, 0) };
    const big = await this.mentions.querySetSpreaders(this.set(c, r.from, new Date(end)), c.brandIds, r.from, s.bigAccountFollowers);
    const posted = statements.filter((x) => x.status === 'posted' && x.postedAt).sort((a, b) => b.postedAt!.getTime() - a.postedAt!.getTime())[0];
    let lastStatement = null;
    if (posted) {
      const at = posted.postedAt!.getTime();
      const w = Math.min(HOUR, end - at);
      if (w > 0) {
        const [before, after] = await Promise.all([this.totals(c, new Date(at - w), new Date(at)), this.totals(c, new Date(at), new Date(at + w))]);
        lastStatement = { postedAt: posted.postedAt!.toISOString(), before, after };
      }
    }
    return recommend({
      stage: c.stage,
      lastHourPerMinute: perMinute.map((p) => p.count),
      baselinePerMinute: base.perMinute,
      lastHour,
      baselineNegativeShare: base.count ? base.negative / base.count : null,
      bigAccounts: { count: big.length, maxFollowers: big.length ? Math.max(...big.map((b) => b.followers ?? 0)) : null, threshold: s.bigAccountFollowers },
      lastStatement,
    });
  }

  /** Top words and hashtags of the crisis's mentions (document frequency, veille's trend tokenizer). */
  async themes(c: CrisisRow, r: CrisisRange): Promise<Array<{ term: string; count: number }>> {
    const texts = await this.mentions.querySetTexts(this.set(c, r.from, new Date(r.to.getTime() + 1)), THEMES_SCAN);
    const { words, hashtags } = termCounts(texts);
    return [...words, ...hashtags]
      .map(([term, count]) => ({ term, count }))
      .filter((x) => x.count >= 2)
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, 10);
  }
}
