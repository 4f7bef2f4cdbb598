/**
 * `node scripts/bench/index-experiments.ts --dist <built site> --out <scratch> [--variant name]…
 * [--pagefind <path to a pagefind package>]`: builds the search index of an already built site
 * (`npm run bench -- --keep`) in several ways and prints, for each, indexing time, peak memory of
 * Pagefind's binary, index bytes, and the bytes and results of three searches run in Chromium
 * with Pagefind's JS API exactly as the search page runs it (options, a ranked search, one
 * exact-phrase search, the data of the first ten results), optionally over several indexes merged
 * with `mergeIndex`. It also compares each variant's top ten with the first variant's, to show
 * what splitting the index does to ranking. Phase-1 experiments: nothing here is used by the site.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../test/support/browser.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { gib, kb, mib } from './measure.ts';

interface Variant {
  /** CSS selectors Pagefind skips, on top of nothing (SEARCH_EXCLUDE is spelled out). */
  readonly exclude: readonly string[];
  /** One index, or one per year merged in the browser (`mergeIndex`). */
  readonly shards: 'one' | 'year';
}

// The site's own exclusions are marked in the markup (data-pagefind-ignore), tables included.
const SITE: string[] = [];
const VARIANTS: Record<string, Variant> = {
  // What the site indexes today.
  site: { exclude: SITE, shards: 'one' },
  // (a) Table captions, headers and row labels repeat in every report.
  'no-tables': { exclude: [...SITE, 'table'], shards: 'one' },
  // (b) Only the title, the headings and the prose.
  'prose-only': { exclude: [...SITE, 'table', '.meta', '.downloads'], shards: 'one' },
  // (b) A summary: the title, headings and the first two paragraphs of each prose block.
  summary: {
    exclude: [...SITE, 'table', '.meta', '.downloads', '.prose p:nth-of-type(n+3)'],
    shards: 'one',
  },
  // (c) One index per year, merged in the browser.
  'site-by-year': { exclude: SITE, shards: 'year' },
  'no-tables-by-year': { exclude: [...SITE, 'table'], shards: 'year' },
};

function pagefindRss(): number {
  // Pagefind's service is a child of this process (its npm wrapper spawns the binary).
  let total = 0;
  const walk = (pid: number) => {
    let kids: number[] = [];
    try {
      for (const t of readdirSync(`/proc/${pid}/task`)) {
        const c = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
        if (c) kids.push(...c.split(/\s+/).map(Number));
      }
    } catch {
      kids = [];
    }
    for (const k of kids) {
      try {
        const st = readFileSync(`/proc/${k}/status`, 'utf8');
        if (/Name:\s+pagefind/.test(st))
          total += Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? 0) * 1024;
      } catch {
        // ended
      }
      walk(k);
    }
  };
  walk(process.pid);
  return total;
}

function sizeOf(path: string): { bytes: number; files: number } {
  const st = statSync(path);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  return readdirSync(path)
    .map((n) => sizeOf(join(path, n)))
    .reduce((a, b) => ({ bytes: a.bytes + b.bytes, files: a.files + b.files }), {
      bytes: 0,
      files: 0,
    });
}

async function buildIndex(
  pagefindPath: string,
  dist: string,
  out: string,
  exclude: readonly string[],
  glob: string,
): Promise<{ ms: number; peak: number; pages: number }> {
  const pagefind = await import(pagefindPath);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, pagefindRss())), 50);
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'zh-cn',
      excludeSelectors: [...exclude],
    });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: dist, glob });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    // As the site's search-index integration does: the prebuilt UIs are not deployed.
    for (const f of readdirSync(out))
      if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(f)) rmSync(join(out, f));
    return { ms: performance.now() - t0, peak, pages: added.page_count };
  } finally {
    clearInterval(timer);
    await pagefind.close();
  }
}

const HARNESS = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench</title>
<script type="module">
window.run = async (bundles, q) => {
  const pf = window.pf ??= await import(bundles[0] + 'pagefind.js');
  if (!window.ready) {
    await pf.options({ excerptLength: 36 });
    for (const b of bundles.slice(1)) await pf.mergeIndex(b);
    await pf.init();
    window.ready = true;
  }
  const ranked = await pf.search(q);
  const exact = await pf.search('"' + q + '"');
  const keep = new Set(exact.results.map((r) => r.id));
  const results = ranked.results.filter((r) => keep.has(r.id));
  const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
  window.last = results;
  return { ranked: ranked.results.length, exact: exact.results.length, top: data.map((d) => d.url.slice(d.url.indexOf('/reports/'))) };
};
// Run after the bytes are counted: the top ten by a score from the report alone (matched word
// positions), ties by page id (a content hash): it does not depend on which index holds a report.
window.tfTop = async () => {
  const byTf = [...window.last].sort((a, b) => b.words.length - a.words.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tf = await Promise.all(byTf.slice(0, 10).map((r) => r.data()));
  return { tf: tf.map((d) => d.url.slice(d.url.indexOf('/reports/'))), ids: byTf.slice(0, 3).map((r) => r.id) };
};
</script></html>`;

async function searchBytes(
  dist: string,
  variantDir: string,
  bundles: string[],
  queries: string[],
): Promise<Searched[]> {
  mkdirSync(variantDir, { recursive: true });
  writeFileSync(join(variantDir, 'harness.html'), HARNESS);
  const { server, origin } = await startStaticServer([
    { base: '/x/', dir: variantDir },
    { base: '/', dir: dist },
  ]);
  const browser = await launchBrowser();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 360, height: 740 } })
    ).newPage();
    let bytes = 0;
    const byKind: Record<string, number> = {};
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(
        request.sizes().then((s) => {
          const b = s.responseBodySize + s.responseHeadersSize;
          bytes += b;
          const u = request.url();
          const kind = /\.pf_fragment/.test(u)
            ? 'fragments'
            : /\.pf_index/.test(u)
              ? 'word chunks'
              : /\.pf_meta/.test(u)
                ? 'metadata'
                : /\.pf_filter/.test(u)
                  ? 'filters'
                  : /wasm/.test(u)
                    ? 'wasm'
                    : 'js/json/html';
          byKind[kind] = (byKind[kind] ?? 0) + b;
        }),
      );
    });
    await page.goto(`${origin}/x/harness.html`);
    const out: Searched[] = [];
    for (const q of queries) {
      await Promise.all(pending);
      const before = bytes;
      const kinds0 = { ...byKind };
      const r = (await page.evaluate(
        ([b, q]) =>
          (window as unknown as { run: (b: string[], q: string) => unknown }).run(
            b as string[],
            q as string,
          ),
        [bundles, q] as const,
      )) as { ranked: number; exact: number; top: string[] };
      await page.waitForTimeout(300);
      await Promise.all(pending);
      const after = bytes;
      const kinds = Object.fromEntries(
        Object.entries(byKind)
          .map(([k, v]) => [k, v - (kinds0[k] ?? 0)])
          .filter(([, v]) => (v as number) > 0),
      );
      const t = (await page.evaluate(() =>
        (window as unknown as { tfTop: () => unknown }).tfTop(),
      )) as { tf: string[]; ids: string[] };
      await page.waitForTimeout(300);
      await Promise.all(pending);
      // The fragments tfTop loads are not part of what the search page transfers.
      for (const k of Object.keys(byKind)) byKind[k] = (kinds0[k] ?? 0) + (kinds[k] ?? 0);
      bytes = after;
      out.push({ q, bytes: after - before, kinds, ...r, ...t });
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}

interface Searched {
  readonly q: string;
  readonly bytes: number;
  readonly kinds: Record<string, number>;
  readonly ranked: number;
  readonly exact: number;
  readonly top: string[];
  /** Top ten ordered by matched positions (shard-independent). */
  readonly tf: string[];
  readonly ids: string[];
}

function describe(s: Searched, ref: string, refTop?: string[], refTf?: string[]): string {
  const kinds = Object.entries(s.kinds)
    .map(([k, b]) => `${k} ${kb(b)}`)
    .join(', ');
  const overlap = refTop
    ? `; top-10 overlap with ${ref}: ${refTop.filter((u) => s.top.includes(u)).length}/10`
    : '';
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((u, i) => u === b[i]);
  const tf = refTf
    ? `; top 10 by matched positions ${same(refTf, s.tf) ? 'identical to' : `differs from (${refTf.filter((u) => s.tf.includes(u)).length}/10)`} ${ref}'s`
    : '';
  const years = s.top.map((u) => /\/(\d{4})\//.exec(u)?.[1]).join(' ');
  return `search ${s.q}: ${kb(s.bytes)} [${kinds}]; ranked ${s.ranked}, exact ${s.exact}${overlap}${tf}; top-10 years ${years}; first ids ${s.ids.join(' ')}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      out: { type: 'string' },
      variant: { type: 'string', multiple: true },
      pagefind: { type: 'string', default: 'pagefind' },
      label: { type: 'string', default: '' },
      existing: { type: 'boolean', default: false },
    },
  });
  const dist = resolve(values.dist!);
  const outRoot = resolve(values.out!);
  const names = values.variant ?? Object.keys(VARIANTS);
  const years = [
    ...new Set(
      readdirSync(join(dist, 'reports')).flatMap((a) => readdirSync(join(dist, 'reports', a))),
    ),
  ].sort();
  const queries = ['保密审查', '政策解读', '行政复议'];
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  // Top tens of every variant measured so far (also by earlier runs into the same --out), to
  // compare a split index with the same content in one index.
  const topsFile = join(outRoot, 'tops.json');
  mkdirSync(outRoot, { recursive: true });
  const tops: Record<string, Record<string, string[]>> = existsSync(topsFile)
    ? (JSON.parse(readFileSync(topsFile, 'utf8')) as Record<string, Record<string, string[]>>)
    : {};
  const reference = (name: string) => {
    const single = name.replace(/-by-year$/, '');
    return tops[single] && single !== name ? single : 'site';
  };
  if (values.existing) {
    // The index the site's own build wrote (dist/pagefind): the 'site' variant without rebuilding.
    const search = await searchBytes(dist, join(outRoot, 'existing'), ['/pagefind/'], queries);
    tops.site = Object.fromEntries(search.map((s) => [s.q, s.top]));
    tops['site:tf'] = Object.fromEntries(search.map((s) => [s.q, s.tf]));
    writeFileSync(topsFile, JSON.stringify(tops));
    const size = sizeOf(join(dist, 'pagefind'));
    console.log(
      `\n## site, as built by the bench (dist/pagefind: ${mib(size.bytes)} in ${size.files} files; load ${load()})`,
    );
    for (const s of search) console.log(describe(s, ''));
  }
  for (const name of names) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`unknown variant ${name}`);
    const dir = join(outRoot, `${name}${values.label}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const loadBefore = load();
    const shards =
      v.shards === 'one'
        ? [['pagefind', 'reports/*/*/index.html']]
        : years.map((y) => [`pagefind-${y}`, `reports/*/${y}/index.html`]);
    let ms = 0;
    let peak = 0;
    let pages = 0;
    for (const [sub, glob] of shards) {
      const r = await buildIndex(values.pagefind!, dist, join(dir, sub!), v.exclude, glob!);
      ms += r.ms;
      peak = Math.max(peak, r.peak);
      pages += r.pages;
    }
    const size = sizeOf(dir);
    const bundles = shards.map(([sub]) => `/x/${sub}/`);
    const search = await searchBytes(dist, dir, bundles.reverse(), queries);
    const ref = reference(name);
    tops[`${name}${values.label}`] = Object.fromEntries(search.map((s) => [s.q, s.top]));
    tops[`${name}${values.label}:tf`] = Object.fromEntries(search.map((s) => [s.q, s.tf]));
    writeFileSync(topsFile, JSON.stringify(tops));
    console.log(
      `\n## ${name}${values.label} (${v.shards === 'one' ? 'one index' : `${shards.length} indexes merged`}; load ${loadBefore} → ${load()})`,
    );
    console.log(
      `index: ${pages} pages, ${(ms / 1000).toFixed(1)} s, Pagefind peak ${gib(peak)}, ${mib(size.bytes)} in ${size.files} files`,
    );
    for (const s of search)
      console.log(describe(s, ref, tops[ref]?.[s.q], tops[`${ref}:tf`]?.[s.q]));
  }
}

await main();
