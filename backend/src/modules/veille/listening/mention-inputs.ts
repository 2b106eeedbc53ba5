import type { CompiledQuerySet } from '@vigie/query';
import { analyze } from '@vigie/text';
import type { NormalizedMention } from '../../channels/connectors/channel-connector';
import type { ActiveQuery } from '../queries/compiled-queries.cache';
import type { MentionInput, MentionKind, MentionOrigin } from '../mentions/mention-writer';

export interface MatchContext {
  set: CompiledQuerySet;
  byId: Map<string, ActiveQuery>;
  /** External ids of the workspace's own channel accounts on this platform (their posts are own content). */
  ownAuthorIds?: ReadonlySet<string>;
}

const sumKnown = (...xs: Array<number | null | undefined>) => {
  const known = xs.filter((x): x is number => typeof x === 'number');
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
};

/**
 * Search / feed results → mention inputs, keeping only what the real matcher accepts (the
 * platform search string is a superset). Language is read first so `lang:` filters work.
 */
export function matchFoundItems(
  items: NormalizedMention[],
  where: { platform: string; origin: MentionOrigin; kind: MentionKind },
  ctx: MatchContext,
): MentionInput[] {
  const out: MentionInput[] = [];
  for (const m of items) {
    const a = analyze(m.text);
    // `lang:es` must still match Spanish text, which Vigie does not read (its language is 'und').
    const seen = a.detectedLanguage ?? a.language;
    const lang = seen !== 'und' ? seen : undefined;
    const ids = ctx.set.match({
      text: m.text,
      lang,
      platform: where.platform,
      source: m.source,
      author: m.author?.handle ?? undefined,
    });
    const matches = ids.flatMap((id) => {
      const q = ctx.byId.get(id);
      return q ? [{ queryId: id, brandId: q.brandId }] : [];
    });
    if (!matches.length) continue;
    out.push({
      platform: where.platform,
      source: m.source,
      externalId: m.externalId,
      kind: where.kind,
      origin: where.origin,
      text: m.text,
      url: m.permalink,
      author: m.author
        ? { externalId: m.author.externalId, handle: m.author.handle, name: m.author.displayName, followers: m.author.followers }
        : null,
      reach: m.metrics.reach ?? null,
      engagement: sumKnown(m.metrics.reactions, m.metrics.comments, m.metrics.shares),
      publishedAt: m.publishedAt,
      isOwnContent: Boolean(m.author && ctx.ownAuthorIds?.has(m.author.externalId)),
      channelAccountId: null,
      language: lang ?? null,
      sentiment: a.sentiment,
      matches,
    });
  }
  return out;
}
