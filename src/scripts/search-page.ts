/**
 * The search page's behaviour: <nb-search> reads the query and filters from the URL, runs them
 * through Pagefind's JS API (loaded as soon as the script runs, so the first query does not wait
 * for it on a slow phone network), and keeps the URL in step with the form, so a search can be
 * shared, bookmarked, reloaded and walked back with the back button. A result links to the section
 * of the report whose passage matched (Pagefind's sub-results carry the heading anchor).
 *
 * The index is one Pagefind bundle per report year plus one for the agency pages
 * (src/integrations/search-index.ts). Results are grouped: agencies found by their name first,
 * then one group per year, newest first (oldest first under the 「年份（旧→新）」 sort). A year's
 * bundle is loaded only when its group is searched: the first group at once (a year without
 * results is skipped to the next), each older one when the reader asks for it (「继续检索 2024
 * 年的报告」). So a query transfers one year's index, not the archive's, and a report's place
 * within its year does not depend on what other years hold (src/lib/shards/merge-search.ts).
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
import { ensureT2s } from '../lib/site/query-normalise.ts';
import { searchScope, type SearchScope } from '../lib/shards/merge-search.ts';

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
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 300;
const SITE_TITLE = document.title.replace(/^.*? · /, '');
/** The Pagefind filter that holds a report's year (SEARCH_FILTERS, param `year`). */
const YEAR_FILTER = SEARCH_FILTERS.find((f) => f.param === 'year')!.name;

/** One group of results: the agencies, or one year's reports. */
interface Group {
  readonly year: number | null;
  readonly results: PagefindResult[];
  readonly list: HTMLOListElement;
  shown: number;
}

class NbSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | null = null;
  /** Bundles already merged into Pagefind (Pagefind cannot drop one again). */
  #merged = new Map<string, Promise<void>>();
  #scope!: SearchScope;
  #run = 0;
  #state: SearchState | null = null;
  /** The years this search covers, in the order they are searched. */
  #years: number[] = [];
  #groups: Group[] = [];
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
    this.#scope = searchScope(
      this.dataset.bundle ?? '/pagefind/',
      JSON.parse(this.dataset.indexYears ?? '[]') as number[],
      this.dataset.merge,
    );
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
      // While the reader types, fetch the index chunks of what is typed so far (and the t2s
      // table, if what is typed holds a traditional character).
      const typed = this.#input.value;
      if (this.#pagefind)
        void Promise.all([this.#pagefind, ensureT2s(typed)])
          .then(([pf]) => {
            const terms = queryTerms(typed);
            if (terms.length > 0) return pf.preload(terms.join(' '));
          })
          .catch(() => {});
    });
    // Start Pagefind at once: the page's <head> has already asked for its module, WebAssembly
    // and entry files (preloads), so it initialises while the rest of the page loads, and the
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
    // The 机构 select lists every agency only once the reader opens the filter panel.
    const filters = this.#part<HTMLDetailsElement>('filters');
    filters.addEventListener('toggle', () => {
      if (filters.open) void this.#agencyList().catch(() => {});
    });
    this.#part('more').addEventListener('click', () => void this.#showMore(this.#run));
    this.#part('next').addEventListener('click', () => void this.#nextYear(this.#run));
    window.addEventListener('popstate', () => this.#fromUrl());
    this.#fromUrl();
  }

  /**
   * Loads Pagefind once, with the agencies' bundle as its primary index, and merges the other
   * shards' agency bundles (top level of a sharded archive). Years are merged by #withYear.
   */
  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const [primary, ...others] = this.#scope.agencies;
      const pf = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
      // noWorker: the worker would be one more script fetched after this one (a 2 s round trip
      // on a slow network) before any index file is asked for; the search itself is small.
      // metaCacheTag: the entry file's URL the page preloads (search-preload.ts).
      await pf.options({ ...this.#bundleOptions(), noWorker: true });
      await pf.init();
      for (const b of others) await pf.mergeIndex(b, this.#bundleOptions());
      return pf;
    })();
    return this.#pagefind;
  }

  #bundleOptions(): Record<string, unknown> {
    return {
      excerptLength: 36,
      ...(this.dataset.cacheTag ? { metaCacheTag: this.dataset.cacheTag } : {}),
    };
  }

  /** Pagefind with the bundles of `year` merged in. */
  async #withYear(year: number): Promise<Pagefind> {
    const pf = await this.#load();
    const bundles = this.#scope.years.find((y) => y.year === year)?.bundles ?? [];
    for (const b of bundles) {
      if (!this.#merged.has(b)) this.#merged.set(b, pf.mergeIndex(b, this.#bundleOptions()));
      await this.#merged.get(b);
    }
    return pf;
  }

  #agencies: Promise<void> | null = null;

  /**
   * Fills the 机构 select with every agency name (agencies.json), keeping the choice it shows. Not
   * in the page's HTML: at 10,000 reports the names were ~29 KB of every first search.
   */
  #agencyList(): Promise<void> {
    this.#agencies ??= (async () => {
      // The shards' top level has no agency select (an agency is found by its name there).
      const select = this.querySelector<HTMLSelectElement>('select[data-agency-list]');
      if (!select) return;
      const response = await fetch(select.dataset.agencyList!);
      if (!response.ok) throw new Error(`${response.status}`);
      const names = (await response.json()) as string[];
      const chosen = select.value;
      select.replaceChildren(select.options[0]!, ...names.map((n) => new Option(n, n)));
      // A name from the URL that the archive does not hold stays listed, as it was chosen.
      if (chosen && !names.includes(chosen)) select.add(new Option(chosen, chosen));
      select.value = chosen;
    })();
    return this.#agencies;
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
        else {
          const value = state.filters[f.param][0] ?? '';
          // Before agencies.json is loaded the select lists only the chosen agency.
          if (value && ![...el.options].some((o) => o.value === value))
            el.add(new Option(value, value));
          el.value = value;
        }
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
    this.#state = state;
    this.#groups = [];
    this.#part('results').replaceChildren();
    this.#part('more').hidden = true;
    this.#part('next').hidden = true;
    this.#part('grouping').hidden = true;
    if (isBlank(state)) {
      this.#years = [];
      this.#part('status').textContent = '';
      this.#part('hints').hidden = false;
      // Most searches start with the newest year: load its bundle (entry file preloaded by the
      // page's <head>, and its metadata) while the reader types.
      const newest = this.#scope.years[0];
      if (newest) void this.#withYear(newest.year).catch(() => {});
      this.#rendered(state);
      return;
    }
    const chosen = state.filters.year;
    const years = this.#scope.years
      .map((y) => y.year)
      .filter((y) => chosen.length === 0 || chosen.includes(String(y)));
    this.#years = state.sort === 'year-asc' ? years.reverse() : years;
    this.#part('hints').hidden = true;
    this.#part('status').textContent = '正在检索……';
    this.setAttribute('aria-busy', 'true');
    try {
      // A query with a traditional character (復議) is searched as simplified: the table that
      // says how is loaded only for such a query (query-normalise.ts).
      await ensureT2s(state.q);
      if (run !== this.#run) return;
      // Agency pages carry no year: as in one index, a year filter leaves them out.
      if (chosen.length === 0) {
        const agencies = await this.#find(state, null);
        if (run !== this.#run) return;
        if (agencies.length > 0) this.#addGroup(null, agencies);
        await this.#showMore(run);
      }
      await this.#searchYears(run);
    } catch {
      if (run === this.#run) this.#failed();
      return;
    }
    if (run !== this.#run) return;
    this.#finish(run);
  }

  /**
   * Searches the next year of this search, and the following ones while they find nothing, so
   * that the reader always sees results (or that there are none) without asking for each empty
   * year in turn.
   */
  async #searchYears(run: number) {
    const state = this.#state!;
    while (this.#groups.filter((g) => g.year !== null).length < this.#years.length) {
      const year = this.#years[this.#groups.filter((g) => g.year !== null).length]!;
      const results = await this.#find(state, year);
      if (run !== this.#run) return;
      const group = this.#addGroup(year, results);
      await this.#showMore(run);
      if (group.results.length > 0) return;
    }
  }

  /** 「继续检索 N 年的报告」: the next year's group, with focus on its heading. */
  async #nextYear(run: number) {
    this.setAttribute('aria-busy', 'true');
    const before = this.#groups.length;
    try {
      await this.#searchYears(run);
    } catch {
      if (run === this.#run) this.#failed();
      return;
    }
    if (run !== this.#run) return;
    (this.#groups[before]?.list.previousElementSibling as HTMLElement | null)?.focus();
    this.#finish(run);
  }

  #failed() {
    this.#part('status').textContent =
      '检索功能没有载入。请检查网络后刷新页面重试，也可以从首页浏览全部报告。';
    this.removeAttribute('aria-busy');
    this.#rendered(this.#state!);
  }

  /** Status line, grouping note and buttons for what has been searched so far. */
  #finish(run: number) {
    const state = this.#state!;
    const active = activeFilterCount(state);
    const agencies = this.#groups.find((g) => g.year === null)?.results.length ?? 0;
    const searched = this.#groups.filter((g) => g.year !== null).map((g) => g.year!);
    const reports = this.#groups
      .filter((g) => g.year !== null)
      .reduce((n, g) => n + g.results.length, 0);
    const left = this.#years.length - searched.length;
    const as = searchedAs(state.q);
    const what = state.q ? `包含「${state.q}」${as ? `（按「${as}」检索）` : ''}的` : '';
    const narrowed = active > 0 ? `（已按 ${active} 个条件筛选）` : '';
    const found =
      reports === 0 && agencies > 0
        ? `${agencies} 个${what}机构`
        : `${reports} 份${what}报告${agencies > 0 ? `和 ${agencies} 个机构` : ''}`;
    let status: string;
    if (left === 0 && reports + agencies === 0)
      status =
        `没有找到${what}报告${narrowed}。` +
        (active > 0
          ? '可以清除筛选条件再试。'
          : '请检查用字，或换用更短、更常见的词，例如「复议」而不是整句话。');
    else if (left === 0) status = `找到 ${found}${narrowed}。`;
    else
      status = `在 ${yearList(searched)} 年的报告中找到 ${found}${narrowed}；还有 ${left} 个年份尚未检索。`;
    this.#part('status').textContent = status;
    const grouping = this.#part('grouping');
    grouping.hidden = this.#years.length < 2;
    grouping.textContent =
      `结果按年份分组，${state.sort === 'year-asc' ? '最早' : '最新'}的年份在前，各组内按相关度排列。` +
      '为节省流量，每次只检索一个年份，其余年份的报告请点「继续检索」载入。';
    const next = this.#part('next');
    next.hidden = left === 0;
    if (left > 0) next.textContent = `继续检索 ${this.#years[searched.length]} 年的报告`;
    this.dataset.searchedYears = searched.join(' ');
    if (run !== this.#run) return;
    this.removeAttribute('aria-busy');
    this.#rendered(state);
  }

  /** Marks which state the page shows (`data-rendered`, the canonical query string): tests wait on it. */
  #rendered(state: SearchState) {
    this.dataset.rendered = toSearchParams(state).toString();
  }

  /** A group's heading and (empty) list, appended to the results. */
  #addGroup(year: number | null, results: PagefindResult[]): Group {
    const n = results.length;
    const text =
      year === null
        ? `机构：找到 ${n} 个`
        : n === 0
          ? `${year} 年：没有找到`
          : `${year} 年：找到 ${n} 份`;
    const heading = el('h2', null, text);
    heading.tabIndex = -1;
    const list = el('ol', 'results');
    const section = el('section', 'result-group', heading, list);
    this.#part('results').append(section);
    const group: Group = { year, results, list, shown: 0 };
    this.#groups.push(group);
    return group;
  }

  /**
   * The reports of one year (or, for `year` null, the agency pages) that contain every word of
   * the query, in Pagefind's ranked order within that year's bundle. Each word is also searched
   * as an exact phrase (see exactPhrase); a page must pass all of them.
   */
  async #find(state: SearchState, year: number | null): Promise<PagefindResult[]> {
    const pf = year === null ? await this.#load() : await this.#withYear(year);
    const { term, options } = pagefindQuery(state);
    if (term === null && state.q !== '') return []; // only punctuation typed
    // Within one year (or the agencies) the order is the relevance order; across groups the
    // order is the groups'. A listing without words keeps Pagefind's order of the bundle.
    const scoped = {
      filters: {
        ...options.filters,
        ...(year === null
          ? { [AGENCY_FILTER]: { any: [AGENCY_FILTER_VALUE] } }
          : { [YEAR_FILTER]: { any: [String(year)] } }),
      },
    };
    const [ranked, ...exact] = await Promise.all([
      pf.search(term, scoped),
      ...(term === null ? [] : queryTerms(state.q).map((t) => pf.search(exactPhrase(t), scoped))),
    ]);
    if (term === null) return ranked!.results;
    const keep = exact
      .map((r) => new Map(r.results.map((x) => [x.id, x])))
      .reduce((a, b) => new Map([...a].filter(([id]) => b.has(id))));
    // Results of the first exact search: their excerpts mark the phrase itself.
    const ordered = ranked!.results.filter((r) => keep.has(r.id)).map((r) => keep.get(r.id)!);
    const seen = new Set(ordered.map((r) => r.id));
    return [...ordered, ...[...keep.values()].filter((r) => !seen.has(r.id))];
  }

  /** The next page of the last group's results (「显示更多结果」). */
  async #showMore(run: number) {
    const group = this.#groups[this.#groups.length - 1];
    if (!group) return;
    const page = group.results.slice(group.shown, group.shown + PAGE_SIZE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (run !== this.#run) return;
    group.list.append(...data.map((d) => resultItem(d)));
    group.shown += page.length;
    this.#part('more').hidden = group.shown >= group.results.length;
  }
}

/** `[2025, 2024]` → 「2025、2024」. */
const yearList = (years: readonly number[]) => years.join('、');

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
