/**
 * Search across the archive: the filters the index carries, the search state a URL holds, and the
 * translation of that state into a Pagefind query. Shared by the build (which writes the filter
 * values into report pages) and the search page's script (which reads the URL), so this module
 * stays small and imports nothing heavy.
 */
import { compareText } from '../content/problems.ts';
import { normaliseQuery } from './query-normalise.ts';

/**
 * The filters of the index, in the order the search page shows them. `name` is the Pagefind filter
 * name (what the reader sees), `param` the URL parameter that holds its chosen values.
 */
export const SEARCH_FILTERS = [
  { param: 'year', name: '年份' },
  { param: 'agency', name: '机构' },
  { param: 'level', name: '层级' },
  { param: 'kind', name: '类型' },
  { param: 'template', name: '模板版本' },
] as const;
export type FilterParam = (typeof SEARCH_FILTERS)[number]['param'];

/** Result orders: Pagefind's relevance, or by report year. */
export const SEARCH_SORTS = [
  { value: '', label: '相关度' },
  { value: 'year-desc', label: '年份（新→旧）' },
  { value: 'year-asc', label: '年份（旧→新）' },
] as const;
export type SortValue = (typeof SEARCH_SORTS)[number]['value'];

/**
 * A filter only agency pages carry, not shown as a choice: the search page runs the query once
 * more within it to tell agencies from reports without loading every result.
 */
export const AGENCY_FILTER = '类别';
export const AGENCY_FILTER_VALUE = '机构';

/** Value of the `type` metadata on an agency page's index entry; report entries have none. */
export const AGENCY_RESULT_TYPE = 'agency';

/** Pagefind sort key written on every report page (`data-pagefind-sort`). */
export const SORT_KEY = 'year';

export interface SearchState {
  /** The words typed, trimmed; '' when none. */
  readonly q: string;
  /** Chosen values per filter, deduplicated, in code-point order; absent filters are []. */
  readonly filters: Readonly<Record<FilterParam, readonly string[]>>;
  readonly sort: SortValue;
}

/** Longest query kept from a URL: longer ones are cut, not rejected. */
export const MAX_QUERY_LENGTH = 200;

/** Reads the search state from a URL's query string (`?q=…&year=2020&sort=year-desc`). */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const filters = {} as Record<FilterParam, string[]>;
  for (const f of SEARCH_FILTERS) {
    const values = params
      .getAll(f.param)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    filters[f.param] = [...new Set(values)].sort(compareText);
  }
  const sortParam = params.get('sort') ?? '';
  const sort = SEARCH_SORTS.find((s) => s.value === sortParam)?.value ?? '';
  return { q, filters, sort };
}

/** The canonical query string of a state: q, then filters in declaration order, then sort. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of SEARCH_FILTERS)
    for (const v of [...new Set(state.filters[f.param])].sort(compareText))
      params.append(f.param, v);
  if (state.sort) params.set('sort', state.sort);
  return params;
}

/** True when there is neither a query nor a filter: the page shows its starting hints. */
export function isBlank(state: SearchState): boolean {
  return state.q === '' && SEARCH_FILTERS.every((f) => state.filters[f.param].length === 0);
}

export function activeFilterCount(state: SearchState): number {
  return SEARCH_FILTERS.reduce((n, f) => n + state.filters[f.param].length, 0);
}

/** Options for `pagefind.search()`: values chosen within one filter widen (any), filters narrow. */
export interface PagefindQuery {
  readonly term: string | null;
  readonly options: {
    filters: Record<string, { any: string[] }>;
    sort?: Record<string, 'asc' | 'desc'>;
  };
}

export function pagefindQuery(state: SearchState): PagefindQuery {
  // The ranked search uses the words as split by queryTerms; exactPhrase() queries check them.
  const filters: Record<string, { any: string[] }> = {};
  for (const f of SEARCH_FILTERS)
    if (state.filters[f.param].length > 0) filters[f.name] = { any: [...state.filters[f.param]] };
  // Without words Pagefind lists every page that passes the filters; newest first reads best.
  const sort: SortValue = state.sort || (state.q === '' ? 'year-desc' : '');
  return {
    term: state.q === '' ? null : queryTerms(state.q).join(' ') || null,
    options: {
      filters,
      ...(sort ? { sort: { [SORT_KEY]: sort === 'year-asc' ? 'asc' : 'desc' } } : {}),
    },
  };
}

/** At most this many separate words of a query are matched; the rest are ignored. */
export const MAX_QUERY_TERMS = 8;

/**
 * The words of a query that a report must contain: normalised (traditional → simplified, agency
 * short forms expanded: query-normalise.ts), split at spaces and punctuation (「先审查、后公开」 is
 * two words), deduplicated, lower-cased. A query with a traditional character needs
 * `await ensureT2s(q)` first (query-normalise.ts), as do pagefindQuery and searchedAs.
 */
export function queryTerms(q: string): string[] {
  const terms = normaliseQuery(q)
    .toLocaleLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((t) => t !== '');
  return [...new Set(terms)].slice(0, MAX_QUERY_TERMS);
}

/**
 * A Pagefind exact-phrase query for one word. Pagefind's ordinary search is lenient with Chinese:
 * a word missing from the index falls back to a shorter prefix (量子计算 matches 数量 through 量),
 * and a report needs only some of the words. An exact search of each word keeps reports that
 * contain all of them, character for character.
 */
export const exactPhrase = (term: string) => `"${term}"`;

export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matched words) into plain text
 * parts, so the page renders it with text nodes and never parses it as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') {
      const text = piece.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
      const last = parts[parts.length - 1];
      if (last && last.marked === marked)
        parts[parts.length - 1] = { text: last.text + text, marked };
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/**
 * What the status line says a query was searched as: '' when the query is searched as typed, else
 * the normalised words (復議 → 「复议」), so a reader sees why a report without 復議 was found.
 */
export function searchedAs(q: string): string {
  const normal = normaliseQuery(q);
  return normal === q ? '' : normal;
}

/** `/archive/reports/jiyuan-gongan/2020/` → `jiyuan-gongan/2020` (null for other pages). */
export function reportIdFromUrl(url: string): string | null {
  const m = /\/reports\/([a-z0-9-]+)\/(\d{4})\/?(?:[?#].*)?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}

/** `/archive/agencies/jiyuan-gongan/` → `jiyuan-gongan` (null for other pages). */
export function agencyIdFromUrl(url: string): string | null {
  const m = /\/agencies\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(url);
  return m ? m[1]! : null;
}
