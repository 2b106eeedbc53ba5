import type { FilterNode, QueryDoc } from './ast';
import { normalizeFilterValue } from './lexer';

/**
 * Whether a document's metadata satisfies a filter. `lang:fr` also accepts regional
 * tags (fr-FR, fr_CA); other fields compare whole normalised values. A document
 * without the field never satisfies the filter.
 */
export function filterMatches(filter: FilterNode, doc: QueryDoc): boolean {
  const raw = doc[filter.field];
  if (raw === undefined || raw === null) return false;
  const value = normalizeFilterValue(filter.field, raw);
  if (filter.field === 'lang')
    return value === filter.value || value.startsWith(`${filter.value}-`);
  return value === filter.value;
}
