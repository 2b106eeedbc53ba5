import { randomUUID } from 'node:crypto';
import type { RecommendationItem, ReportLanguage, StoredRecommendations } from '../report-figures';
import type { RuleResult } from './rule-types';
import { renderRecommendation } from './templates';

/**
 * The list after a (re)generation: the CM's own sentences and edited rule sentences are kept
 * as they are; untouched rule sentences are replaced by the fresh figures' version (or dropped
 * if the rule no longer fires); rule sentences the CM removed stay removed.
 */
export function mergeRecommendations(
  stored: StoredRecommendations | null,
  fresh: RuleResult[],
  lang: ReportLanguage,
  newId: () => string = randomUUID,
): StoredRecommendations {
  const removedKeys = stored?.removedKeys ?? [];
  const freshByKey = new Map(fresh.map((r) => [r.key as string, r]));
  const items: RecommendationItem[] = [];
  const placed = new Set<string>();
  for (const item of stored?.items ?? []) {
    if (item.source === 'cm' || item.edited) {
      items.push(item);
      if (item.key) placed.add(item.key);
      continue;
    }
    const update = item.key ? freshByKey.get(item.key) : undefined;
    if (update) {
      items.push({ ...item, params: update.params, text: renderRecommendation(update, lang) });
      placed.add(update.key);
    }
  }
  for (const r of fresh) {
    if (placed.has(r.key) || removedKeys.includes(r.key)) continue;
    items.push({ id: newId(), key: r.key, params: r.params, text: renderRecommendation(r, lang), source: 'rule', edited: false });
  }
  return { items, removedKeys };
}

/**
 * Applies the CM's list (PATCH): items are given in their new order; an item with a known id
 * keeps its rule key (marked edited when its text changed), one without id is the CM's own,
 * and a rule item left out is recorded as removed.
 */
export function applyEdits(
  stored: StoredRecommendations,
  edits: Array<{ id?: string; text: string }>,
  newId: () => string = randomUUID,
): StoredRecommendations {
  const byId = new Map(stored.items.map((i) => [i.id, i]));
  const items: RecommendationItem[] = edits.map((e) => {
    const existing = e.id ? byId.get(e.id) : undefined;
    const text = e.text.trim();
    if (!existing) return { id: newId(), key: null, params: {}, text, source: 'cm', edited: true };
    return { ...existing, text, edited: existing.edited || text !== existing.text };
  });
  const kept = new Set(items.map((i) => i.id));
  const removed = stored.items.filter((i) => !kept.has(i.id) && i.key).map((i) => i.key!);
  return { items, removedKeys: [...new Set([...stored.removedKeys, ...removed])] };
}
