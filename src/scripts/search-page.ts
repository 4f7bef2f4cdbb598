/**
 * The search page's behaviour: <nb-search> reads the query and filters from the URL, runs them
 * through Pagefind's JS API (loaded on demand from `data-bundle`), and keeps the URL in step with
 * the form, so a search can be shared, bookmarked, reloaded and walked back with the back button.
 */
import {
  SEARCH_FILTERS,
  activeFilterCount,
  excerptParts,
  exactPhrase,
  isBlank,
  pagefindQuery,
  parseSearchParams,
  queryTerms,
  toSearchParams,
  type SearchState,
} from '../lib/site/search.ts';

/** The part of Pagefind's browser API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
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
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 300;
const SITE_TITLE = document.title.replace(/^.*? · /, '');

class NbSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | null = null;
  #run = 0;
  #shown = 0;
  #results: PagefindResult[] = [];
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
    });
    this.#input.addEventListener('focus', () => void this.#load().catch(() => {}), {
      once: true,
    });
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
      await pf.options({ excerptLength: 36 });
      await pf.init();
      return pf;
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
    const what = state.q ? `包含「${state.q}」的报告` : '报告';
    const narrowed = active > 0 ? `（已按 ${active} 个条件筛选）` : '';
    if (n === 0) {
      status.textContent =
        `没有找到${what}${narrowed}。` +
        (active > 0
          ? '可以清除筛选条件再试。'
          : '请检查用字，或换用更短、更常见的词，例如「复议」而不是整句话。');
    } else {
      status.textContent = `找到 ${n} 份${what}${narrowed}。`;
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
    const ranked = await pf.search(term, options);
    if (term === null) return ranked.results;
    const exact = await Promise.all(
      queryTerms(state.q).map((t) => pf.search(exactPhrase(t), options)),
    );
    const keep = exact
      .map((r) => new Map(r.results.map((x) => [x.id, x])))
      .reduce((a, b) => new Map([...a].filter(([id]) => b.has(id))));
    // Results of the first exact search: their excerpts mark the phrase itself.
    const ordered = ranked.results.filter((r) => keep.has(r.id)).map((r) => keep.get(r.id)!);
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

/** One result: title, agency · year · date, and the excerpt with matched words marked. */
function resultItem(d: PagefindResultData): HTMLLIElement {
  const link = el('a', null, d.meta.title ?? d.url);
  link.href = d.url;
  const meta = [
    d.meta.agency,
    d.meta.year && `${d.meta.year} 年度`,
    d.meta.published && `${d.meta.published}发布`,
  ]
    .filter(Boolean)
    .join(' · ');
  const excerpt = el(
    'p',
    'excerpt',
    ...excerptParts(d.excerpt).map((p) => (p.marked ? el('mark', null, p.text) : p.text)),
  );
  return el('li', null, el('h3', null, link), el('p', 'result-meta', meta), excerpt);
}

customElements.define('nb-search', NbSearch);
