/**
 * The search page's behaviour: <nb-search> reads the query and filters from the URL, runs them
 * through Pagefind's JS API (loaded from `data-bundle` as soon as the page is idle, so the first
 * query does not wait for it on a slow phone network), and keeps the URL in step with the form, so
 * a search can be shared, bookmarked, reloaded and walked back with the back button. A result links
 * to the section of the report whose passage matched (Pagefind's sub-results carry the heading
 * anchor); an agency page found by its name is listed as an agency.
 */
import {
  AGENCY_FILTER,
  AGENCY_FILTER_VALUE,
  AGENCY_RESULT_TYPE,
  SEARCH_FILTERS,
  activeFilterCount,
  excerptParts,
  exactPhrase,
  isBlank,
  pagefindQuery,
  parseSearchParams,
  queryTerms,
  searchedAs,
  toSearchParams,
  type SearchState,
} from '../lib/site/search.ts';
import { mergeShardIndexes } from '../lib/shards/merge-search.ts';

/** The part of Pagefind's browser API this page uses. */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Present when the passage sits under a heading with an id. */
  anchor?: { id: string };
  locations: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: object): Promise<PagefindResponse>;
  preload(term: string, options?: object): Promise<void>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 300;
const SITE_TITLE = document.title.replace(/^.*? · /, '');

class NbSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | null = null;
  #run = 0;
  #shown = 0;
  #results: PagefindResult[] = [];
  /** Ids of the agency pages among the current results (see AGENCY_FILTER). */
  #agencyIds = new Set<string>();
  #typing: ReturnType<typeof setTimeout> | undefined;

  get #form() {
    return this.querySelector('form')!;
  }
  get #input() {
    return this.querySelector<HTMLInputElement>('input[name="q"]')!;
  }
  #part<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-${name}]`)!;
  }

  connectedCallback() {
    // With this script running, filter changes apply at once: no apply button needed.
    this.#part('apply').hidden = true;
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.#typing);
      this.#commit(true);
    });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#typing);
      this.#typing = setTimeout(() => this.#commit(false), TYPING_DELAY_MS);
      // While the reader types, fetch the index chunks of what is typed so far.
      const terms = queryTerms(this.#input.value);
      if (terms.length > 0 && this.#pagefind)
        void this.#pagefind.then((pf) => pf.preload(terms.join(' '))).catch(() => {});
    });
    // Start Pagefind at once: the page's <head> has already asked for its module, WebAssembly
    // and entry file (preloads), so it initialises while the rest of the page loads, and the
    // first query waits only for the index chunks it needs.
    void this.#load().catch(() => {});
    this.#form.addEventListener('change', (e) => {
      if (e.target !== this.#input) this.#commit(true);
    });
    this.#part('clear').addEventListener('click', () => {
      for (const f of SEARCH_FILTERS)
        for (const el of this.#form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
          `[name="${f.param}"]`,
        ))
          if (el instanceof HTMLInputElement) el.checked = false;
          else el.value = '';
      this.#commit(true);
    });
    this.#part('more').addEventListener('click', () => void this.#showMore(this.#run));
    window.addEventListener('popstate', () => this.#fromUrl());
    this.#fromUrl();
  }

  /** Loads Pagefind once, from the bundle under the site's base path. */
  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const pf = (await import(
        /* @vite-ignore */ `${this.dataset.bundle ?? '/pagefind/'}pagefind.js`
      )) as Pagefind;
      // noWorker: the worker would be one more script fetched after this one (a 2 s round trip
      // on a slow network) before any index file is asked for; the search itself is small.
      // metaCacheTag: the entry file's URL the page preloads (search-preload.ts).
      await pf.options({
        excerptLength: 36,
        noWorker: true,
        ...(this.dataset.cacheTag ? { metaCacheTag: this.dataset.cacheTag } : {}),
      });
      await pf.init();
      // The top level of a sharded archive merges the other shards' indexes (data-merge).
      return mergeShardIndexes(pf, this.dataset.merge);
    })();
    return this.#pagefind;
  }

  #fromUrl() {
    const state = parseSearchParams(new URLSearchParams(location.search));
    this.#fillForm(state);
    void this.#search(state);
  }

  #readForm(): SearchState {
    return parseSearchParams(new URLSearchParams(new FormData(this.#form) as never));
  }

  #fillForm(state: SearchState) {
    this.#input.value = state.q;
    for (const f of SEARCH_FILTERS)
      for (const el of this.#form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        `[name="${f.param}"]`,
      ))
        if (el instanceof HTMLInputElement) el.checked = state.filters[f.param].includes(el.value);
        else el.value = state.filters[f.param][0] ?? '';
    this.#form.querySelector<HTMLSelectElement>('select[name="sort"]')!.value = state.sort;
  }

  /** Puts the form's state in the URL (a new history entry unless the reader is typing) and searches. */
  #commit(push: boolean) {
    const state = this.#readForm();
    const query = toSearchParams(state).toString();
    const next = query ? `${location.pathname}?${query}` : location.pathname;
    if (next !== location.pathname + location.search) {
      if (push) history.pushState(null, '', next);
      else history.replaceState(null, '', next);
    }
    void this.#search(state);
  }

  async #search(state: SearchState) {
    const run = ++this.#run;
    const active = activeFilterCount(state);
    this.#part('filter-count').textContent = active > 0 ? String(active) : '';
    this.#part('clear').hidden = active === 0;
    document.title = state.q ? `检索：${state.q} · ${SITE_TITLE}` : `检索报告 · ${SITE_TITLE}`;
    const status = this.#part('status');
    const list = this.#part('results');
    if (isBlank(state)) {
      this.#results = [];
      list.replaceChildren();
      status.textContent = '';
      this.#part('hints').hidden = false;
      this.#part('results-heading').hidden = true;
      this.#part('more').hidden = true;
      this.#rendered(state);
      return;
    }
    this.#part('hints').hidden = true;
    status.textContent = '正在检索……';
    this.setAttribute('aria-busy', 'true');
    let results: PagefindResult[];
    try {
      results = await this.#find(state);
    } catch {
      if (run === this.#run) {
        status.textContent =
          '检索功能没有载入。请检查网络后刷新页面重试，也可以从首页浏览全部报告。';
        this.removeAttribute('aria-busy');
        this.#rendered(state);
      }
      return;
    }
    if (run !== this.#run) return;
    this.#results = results;
    this.#shown = 0;
    list.replaceChildren();
    const n = results.length;
    const agencies = results.filter((r) => this.#agencyIds.has(r.id)).length;
    const as = searchedAs(state.q);
    const what = state.q ? `包含「${state.q}」${as ? `（按「${as}」检索）` : ''}的` : '';
    const narrowed = active > 0 ? `（已按 ${active} 个条件筛选）` : '';
    if (n === 0) {
      status.textContent =
        `没有找到${what}报告${narrowed}。` +
        (active > 0
          ? '可以清除筛选条件再试。'
          : '请检查用字，或换用更短、更常见的词，例如「复议」而不是整句话。');
    } else {
      const reports = n - agencies;
      const found =
        reports === 0
          ? `${agencies} 个${what}机构`
          : `${reports} 份${what}报告${agencies > 0 ? `和 ${agencies} 个机构` : ''}`;
      status.textContent = `找到 ${found}${narrowed}。`;
    }
    this.#part('results-heading').hidden = n === 0;
    await this.#showMore(run);
    if (run !== this.#run) return;
    this.removeAttribute('aria-busy');
    this.#rendered(state);
  }

  /** Marks which state the page shows (`data-rendered`, the canonical query string): tests wait on it. */
  #rendered(state: SearchState) {
    this.dataset.rendered = toSearchParams(state).toString();
  }

  /**
   * Reports that contain every word of the query, in Pagefind's ranked (or year) order. Each word
   * is also searched as an exact phrase (see exactPhrase); a report must pass all of them.
   */
  async #find(state: SearchState): Promise<PagefindResult[]> {
    const pf = await this.#load();
    const { term, options } = pagefindQuery(state);
    if (term === null && state.q !== '') return []; // only punctuation typed
    const agencyOptions = {
      ...options,
      filters: { ...options.filters, [AGENCY_FILTER]: { any: [AGENCY_FILTER_VALUE] } },
    };
    const [ranked, agencies, ...exact] = await Promise.all([
      pf.search(term, options),
      pf.search(term, agencyOptions),
      ...(term === null ? [] : queryTerms(state.q).map((t) => pf.search(exactPhrase(t), options))),
    ]);
    this.#agencyIds = new Set(agencies!.results.map((r) => r.id));
    if (term === null) return ranked!.results;
    const keep = exact
      .map((r) => new Map(r.results.map((x) => [x.id, x])))
      .reduce((a, b) => new Map([...a].filter(([id]) => b.has(id))));
    // Results of the first exact search: their excerpts mark the phrase itself.
    const ordered = ranked!.results.filter((r) => keep.has(r.id)).map((r) => keep.get(r.id)!);
    const seen = new Set(ordered.map((r) => r.id));
    return [...ordered, ...[...keep.values()].filter((r) => !seen.has(r.id))];
  }

  async #showMore(run: number) {
    const page = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (run !== this.#run) return;
    this.#part('results').append(...data.map((d) => resultItem(d)));
    this.#shown += page.length;
    this.#part('more').hidden = this.#shown >= this.#results.length;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | null,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/**
 * The passage a result opens at: of the sections under a heading with an id, the one with the
 * most matched words (the first such on a tie); null when the match is only outside them.
 */
function bestSection(d: PagefindResultData): PagefindSubResult | null {
  let best: PagefindSubResult | null = null;
  for (const sub of d.sub_results ?? [])
    if (sub.anchor?.id && (!best || sub.locations.length > best.locations.length)) best = sub;
  return best;
}

/**
 * One result: title (linked to the matching section), agency · year · date, the section's heading,
 * and the excerpt with matched words marked. An agency page reads 「机构」 instead of a year.
 */
function resultItem(d: PagefindResultData): HTMLLIElement {
  const isAgency = d.meta.type === AGENCY_RESULT_TYPE;
  const section = isAgency ? null : bestSection(d);
  const link = el('a', null, d.meta.title ?? d.url);
  link.href = section?.url ?? d.url;
  const meta = isAgency
    ? ['机构', d.meta.agency].filter(Boolean).join(' · ')
    : [
        d.meta.agency,
        d.meta.year && `${d.meta.year} 年度`,
        d.meta.published && `${d.meta.published}发布`,
      ]
        .filter(Boolean)
        .join(' · ');
  const excerpt = el(
    'p',
    'excerpt',
    ...excerptParts(section?.excerpt ?? d.excerpt).map((p) =>
      p.marked ? el('mark', null, p.text) : p.text,
    ),
  );
  const parts: HTMLElement[] = [el('h3', null, link), el('p', 'result-meta', meta)];
  if (section && section.title !== d.meta.title)
    parts.push(el('p', 'result-section', `见「${section.title}」`));
  parts.push(excerpt);
  return el('li', null, ...parts);
}

customElements.define('nb-search', NbSearch);
