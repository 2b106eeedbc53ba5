import { Injectable } from '@nestjs/common';
import { tokenize } from '@vigie/query';
import { BrandsService } from '../../brands/brands.service';
import { WorkspacesRepository } from '../../workspaces/workspaces.repository';
import { InsightsRepository } from '../insights.repository';
import { checkPeriod } from '../shared/check-period';
import { workspaceTimezone } from '../shared/workspace-time';

/** Newest mentions read per period for term counts (bounds the cost). */
export const TRENDS_SCAN_LIMIT = 5000;
export const TRENDS_MIN_COUNT = 3;
const TOP = 20;

// Function words (folded, as tokenize() returns them) never make a trend.
const STOPWORDS = new Set(
  (
    'les des une pour que qui dans par sur pas plus est sont avec ses aux ces mais ont ete etre fait tout tous tres bien ' +
    'nous vous ils elles leur leurs cette cet son sa mon mes ton tes notre votre comme aussi encore deja alors donc car ' +
    'quand sans sous entre vers chez avoir fais faire peut elle lui moi toi rien quoi dont ou oui non meme apres avant ' +
    'the and for that this with you your are was were have has had not but all can from they them their there what ' +
    'when which who will would just about into than then out our one its also been more some very http https www com'
  ).split(' '),
);

export interface TermGrowth {
  term: string;
  count: number;
  previous: number;
  /** (count + 1) / (previous + 1): +1 smoothing so new terms rank without dividing by 0. */
  growth: number;
}

/** Rising terms/hashtags: in ≥ TRENDS_MIN_COUNT mentions now, ranked by smoothed growth then count. */
export function risingTerms(current: Map<string, number>, previous: Map<string, number>): TermGrowth[] {
  const out: TermGrowth[] = [];
  for (const [term, count] of current) {
    if (count < TRENDS_MIN_COUNT) continue;
    const prev = previous.get(term) ?? 0;
    const growth = (count + 1) / (prev + 1);
    if (growth <= 1) continue;
    out.push({ term, count, previous: prev, growth: Math.round(growth * 100) / 100 });
  }
  return out.sort((a, b) => b.growth - a.growth || b.count - a.count || a.term.localeCompare(b.term)).slice(0, TOP);
}

/** Document frequency of words and hashtags (each counted once per mention). */
export function termCounts(texts: string[]): { words: Map<string, number>; hashtags: Map<string, number> } {
  const words = new Map<string, number>();
  const hashtags = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const t of tokenize(text)) {
      const key = t.kind === 'hashtag' ? `#${t.norm}` : t.kind === 'word' ? t.norm : null;
      if (!key || seen.has(key)) continue;
      if (t.kind === 'word' && (t.norm.length < 3 || /^\d+$/.test(t.norm) || STOPWORDS.has(t.norm))) continue;
      seen.add(key);
      const m = t.kind === 'hashtag' ? hashtags : words;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return { words, hashtags };
}

/**
 * Trends of the brand's mentions (all its queries, own content excluded) against the previous
 * period of the same length: rising terms and hashtags, and the sources and platforms whose
 * mention counts grow fastest ("plates-formes émergentes").
 */
@Injectable()
export class TrendsService {
  constructor(
    private readonly insights: InsightsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly brands: BrandsService,
  ) {}

  private texts(workspaceId: string, brandId: string, from: string, to: string, tz: string) {
    return this.insights.trendTexts(workspaceId, brandId, from, to, tz, TRENDS_SCAN_LIMIT);
  }

  private counts(workspaceId: string, brandId: string, from: string, to: string, tz: string) {
    return this.insights.trendSourceCounts(workspaceId, brandId, from, to, tz);
  }

  async trends(workspaceId: string, brandId: string, from: string, to: string) {
    await this.brands.get(workspaceId, brandId);
    const { previous } = checkPeriod(from, to);
    const tz = await workspaceTimezone(this.workspaces, workspaceId);
    const [curTexts, prevTexts, curCounts, prevCounts] = await Promise.all([
      this.texts(workspaceId, brandId, from, to, tz),
      this.texts(workspaceId, brandId, previous.from, previous.to, tz),
      this.counts(workspaceId, brandId, from, to, tz),
      this.counts(workspaceId, brandId, previous.from, previous.to, tz),
    ]);
    const cur = termCounts(curTexts.map((r) => r.text));
    const prev = termCounts(prevTexts.map((r) => r.text));
    const grow = (key: (r: { platform: string; source: string }) => string) => {
      const c = new Map<string, number>();
      const p = new Map<string, number>();
      for (const r of curCounts) c.set(key(r), (c.get(key(r)) ?? 0) + r.n);
      for (const r of prevCounts) p.set(key(r), (p.get(key(r)) ?? 0) + r.n);
      return [...new Set([...c.keys(), ...p.keys()])]
        .map((k) => ({ key: k, count: c.get(k) ?? 0, previous: p.get(k) ?? 0, growth: Math.round((((c.get(k) ?? 0) + 1) / ((p.get(k) ?? 0) + 1)) * 100) / 100 }))
        .sort((a, b) => b.growth - a.growth || b.count - a.count || a.key.localeCompare(b.key))
        .slice(0, TOP);
    };
    return {
      period: { from, to },
      previousPeriod: previous,
      terms: risingTerms(cur.words, prev.words),
      hashtags: risingTerms(cur.hashtags, prev.hashtags),
      platforms: grow((r) => r.platform).map(({ key, ...x }) => ({ platform: key, ...x })),
      sources: grow((r) => r.source).map(({ key, ...x }) => ({ source: key, ...x })),
    };
  }
}
