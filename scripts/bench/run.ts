/**
 * `npm run bench -- --reports N [--prose corpus|long] [--keep] [--seed S] [--dir D] [--no-search]
 * [--rebuild]`:
 * writes N synthetic reports into a temporary folder outside the project, builds them with the
 * project's real pipeline (`npm run build`'s scripts/build.ts with NIANBAO_CONTENT: `astro build`,
 * then the search index once Astro has exited; the content data store and the caches of the
 * content check, the rendered prose and the index's bundles cleared first), and prints one table
 * of figures: per-stage time and memory, output bytes by kind, search bytes. `--rebuild` then changes one report and builds again with warm caches.
 * A benchmark prints; it never asserts on time.
 *
 * Stages are cut at lines the build already logs (no instrumentation in src/): the first
 * `[content]` line ends start-up and the content check (the content-check integration runs
 * loadArchive in `astro:config:setup`, before Astro logs anything); `Synced content` ends content
 * sync; `generating static routes` ends bundling; the next `✓ Completed` ends page rendering (the
 * per-route `(+N ms)` lines split it between report pages, per-report downloads and the rest);
 * the archive-downloads and search-index integrations each log one line when done.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateArchive, PROSE_LENGTHS, type ProseLength } from './generate.ts';
import { gib, kb, measure, mib, type Measured } from './measure.ts';
import { BENCH_QUERIES, breakdown, searchBytes } from './search-bytes.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
/** The content check's cache between builds (src/lib/content/check-cache.ts). */
const CHECK_CACHE = 'node_modules/.cache/nianbao/check';
/** The reports' rendered prose between builds (src/lib/content/report-store.ts). */
const PROSE_CACHE = 'node_modules/.cache/nianbao/prose';
/** The search index's bundles between builds (src/lib/site/index-cache.ts). */
const INDEX_CACHE = 'node_modules/.cache/nianbao/pagefind';

/** Gzipped bytes of a built page and the stylesheets and scripts it references (what a CDN sends). */
export function pageTransfer(
  dist: string,
  pagePath: string,
): { html: number; css: number; js: number } {
  const html = readFileSync(join(dist, pagePath, 'index.html'));
  const assets = [...html.toString().matchAll(/(?:href|src)="\/([^"]+\.(css|js))"/g)];
  let css = 0;
  let js = 0;
  for (const [, path, ext] of assets) {
    const bytes = gzipSync(readFileSync(join(dist, path!))).length;
    if (ext === 'css') css += bytes;
    else js += bytes;
  }
  return { html: gzipSync(html).length, css, js };
}

/** Bytes of everything under `path`, split by a classifier of relative paths. */
function sizesBy(root: string, classify: (rel: string) => string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else {
        const kind = classify(child);
        out[kind] = (out[kind] ?? 0) + statSync(join(root, child)).size;
      }
    }
  };
  walk('');
  return out;
}

/** Which part of the output a built file belongs to. */
export function outputKind(rel: string): string {
  if (rel.startsWith('pagefind/')) return 'search index';
  if (/^reports\/[^/]+\/[^/]+\/data\.(csv|json)$/.test(rel)) return 'per-report downloads';
  if (/^data\/archive[^/]*\.(csv|json)$/.test(rel)) return 'archive-wide downloads';
  return 'pages and assets';
}

export interface Stage {
  readonly name: string;
  readonly ms: number;
  /** CPU seconds of the whole tree within the stage. */
  readonly cpu: number;
  /** Peak RSS of the whole tree, of Node and of Pagefind's binary within the stage. */
  readonly tree: number;
  readonly node: number;
  readonly pagefind: number;
}

const STAGE_ENDS: readonly [string, RegExp][] = [
  ['start-up + content check (loadArchive)', /\[content\] Syncing content/],
  ['content sync (prose rendered into the data store)', /\[content\] Synced content/],
  ['types + bundling (Vite)', /generating static routes/],
  ['page rendering', /✓ Completed in/],
  // archive-downloads writes each report's data.csv, data.json and tables.csv, then the year files.
  ['per-report downloads (written after Astro)', /\[nianbao:archive-downloads\] 报告下载/],
  ['archive-wide downloads', /\[nianbao:archive-downloads\] 整体下载/],
  // scripts/build.ts (npm run build) says when Astro's process has exited.
  ['finish (Astro after the hooks, until it exits)', /\[nianbao:build\]/],
  ['search index (Pagefind)', /\[nianbao:search-index\]/],
];

/** RSS of Pagefind's binaries in one sample (the rest of the tree is Node and esbuild). */
const pagefindOf = (byName: Readonly<Record<string, number>>) =>
  Object.entries(byName)
    .filter(([k]) => k.startsWith('pagefind'))
    .reduce((a, [, v]) => a + v, 0);

/** Cuts a measured build into stages at the log lines that end them. */
export function stages(run: Measured): Stage[] {
  const out: Stage[] = [];
  let from = 0;
  let line = 0;
  const cut = (name: string, to: number) => {
    const within = run.samples.filter((s) => s.at >= from && s.at <= to);
    const peak = (f: (s: (typeof within)[number]) => number) => Math.max(0, ...within.map(f));
    const cpuAt = (t: number) => run.samples.findLast((s) => s.at <= t)?.cpu ?? 0;
    out.push({
      name,
      ms: to - from,
      cpu: cpuAt(to) - cpuAt(from),
      tree: peak((s) => s.total),
      node: peak((s) => s.total - pagefindOf(s.byName)),
      pagefind: peak((s) => pagefindOf(s.byName)),
    });
    from = to;
  };
  for (const [name, end] of STAGE_ENDS) {
    // "✓ Completed" also ends "Collecting build info": only a line after the previous stage counts.
    const i = run.lines.findIndex((l, k) => k >= line && end.test(l.text));
    if (i < 0) continue;
    line = i + 1;
    cut(name, run.lines[i]!.at);
  }
  cut(
    run.lines.some((l) => /\[nianbao:build\]/.test(l.text))
      ? 'finish (the build script exits)'
      : 'finish (Astro after the hooks)',
    run.wallMs,
  );
  return out;
}

/** Sum of Astro's per-route `(+N ms)` figures, by kind of route. */
export function routeTimes(run: Measured): Record<string, { ms: number; routes: number }> {
  const out: Record<string, { ms: number; routes: number }> = {};
  for (const { text } of run.lines) {
    const m = /[├└]─ (\S+) \(\+([\d.]+)(m?s)\)/.exec(text);
    if (!m) continue;
    const route = m[1]!;
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const kind = /^\/reports\/[^/]+\/[^/]+\/data\.(csv|json)$/.test(route)
      ? 'per-report downloads'
      : /^\/reports\/[^/]+\/[^/]+\/index\.html$/.test(route)
        ? 'report pages'
        : 'other pages';
    const o = (out[kind] ??= { ms: 0, routes: 0 });
    o.ms += ms;
    o.routes++;
  }
  return out;
}

/**
 * Changes one report of a generated archive the way an editor would (a sentence added to its
 * prose, a comment line to its YAML) and returns its id. The first report in path order.
 */
export function changeOneReport(dir: string): string {
  const reports = join(dir, 'data/reports');
  const agency = readdirSync(reports).sort()[0]!;
  const year = readdirSync(join(reports, agency))
    .sort()[0]!
    .replace(/\.yaml$/, '');
  const yaml = join(reports, agency, `${year}.yaml`);
  writeFileSync(yaml, `# 编辑改过一处。\n${readFileSync(yaml, 'utf8')}`);
  const mdx = join(dir, 'src/content/reports', agency, `${year}.mdx`);
  writeFileSync(mdx, `${readFileSync(mdx, 'utf8').trimEnd()}\n\n本报告已于次年更正一处文字。\n`);
  return `${agency}/${year}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string' },
      prose: { type: 'string', default: 'corpus' },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string' },
      dir: { type: 'string' },
      'no-search': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.reports);
  const prose = values.prose as ProseLength;
  if (!Number.isInteger(n) || n < 1 || !PROSE_LENGTHS.includes(prose)) {
    console.error(
      '用法：npm run bench -- --reports <数量> [--prose corpus|long] [--keep] [--seed <整数>] [--dir <目录>] [--no-search] [--rebuild]',
    );
    process.exitCode = 2;
    return;
  }
  let dir: string;
  if (values.dir) {
    dir = resolve(values.dir);
    if (existsSync(dir)) throw new Error(`--dir ${dir} already exists`);
    mkdirSync(dir, { recursive: true });
  } else dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const dist = join(dir, 'dist');
  const keep = values.keep || values.dir !== undefined;
  try {
    const loadBefore = loadAverage();
    const t0 = performance.now();
    const generated = generateArchive(dir, n, values.seed ? Number(values.seed) : undefined, prose);
    const genMs = performance.now() - t0;
    console.log(
      `generated ${generated.reports} reports of ${generated.agencies} agencies in ${seconds(genMs)} → ${dir}`,
    );
    console.log(
      `prose per report (${prose}), non-space characters: min ${generated.prose.min}, median ${generated.prose.median}, mean ${generated.prose.mean}, max ${generated.prose.max}`,
    );

    // Neither Astro's content data store nor the content check's cache may carry a previous run.
    const dataStore = join(PROJECT, 'node_modules/.astro/data-store.json');
    rmSync(dataStore, { force: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NIANBAO_CONTENT: dir,
      SITE_BASE: '/',
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    // A cold build, as on a CI runner: Astro's content data store would otherwise carry the
    // rendered prose of the previous run.
    rmSync(join(PROJECT, CHECK_CACHE), { recursive: true, force: true });
    rmSync(join(PROJECT, PROSE_CACHE), { recursive: true, force: true });
    rmSync(join(PROJECT, INDEX_CACHE), { recursive: true, force: true });
    // As `npm run build` runs it: `astro build`, then the search index once Astro has exited.
    // (A checkout from before scripts/build.ts, e.g. the baseline, builds with astro build.)
    const buildScript = join(PROJECT, 'scripts/build.ts');
    const buildCommand = existsSync(buildScript)
      ? [buildScript, '--outDir', dist]
      : [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist];
    const build = await measure(process.execPath, buildCommand, { cwd: PROJECT, env });
    const loadAfter = loadAverage();
    if (build.code !== 0) {
      console.error(build.stdout.slice(-4000));
      throw new Error(`astro build exited ${build.code}`);
    }
    const storeBytes = existsSync(dataStore) ? statSync(dataStore).size : 0;
    // --rebuild: one report changes (a sentence in its prose, a comment in its YAML) and the
    // site is built again with both caches warm, as an editor's next build or a CI job that keeps
    // node_modules/.cache and node_modules/.astro.
    let rebuild: { run: Measured; load: string; report: string } | undefined;
    if (values.rebuild) {
      const changed = changeOneReport(dir);
      const loadBefore = loadAverage();
      const run = await measure(process.execPath, buildCommand, { cwd: PROJECT, env });
      if (run.code !== 0) {
        console.error(run.stdout.slice(-4000));
        throw new Error(`astro build (rebuild) exited ${run.code}`);
      }
      rebuild = { run, load: `${loadBefore} / ${loadAverage()}`, report: changed };
    }
    const pages = readdirSync(join(dist, 'reports')).reduce(
      (s, a) => s + readdirSync(join(dist, 'reports', a)).length,
      0,
    );
    const firstAgency = readdirSync(join(dist, 'reports')).sort()[0]!;
    const firstYear = readdirSync(join(dist, 'reports', firstAgency)).sort()[0]!;
    const page = pageTransfer(dist, `reports/${firstAgency}/${firstYear}`);
    const bytes = sizesBy(dist, outputKind);
    const outputTotal = Object.values(bytes).reduce((a, b) => a + b, 0);
    const search = values['no-search']
      ? []
      : await searchBytes(dist, BENCH_QUERIES.first, BENCH_QUERIES.later);

    const rows: [string, string][] = [
      ['reports', `${generated.reports} (prose ${prose}, median ${generated.prose.median} chars)`],
      ['load average before / after the build', `${loadBefore} / ${loadAfter}`],
      ['build wall time (build + downloads + index)', seconds(build.wallMs)],
      ['CPU time of the build (user + system, whole tree)', `${build.cpuSeconds.toFixed(1)} s`],
    ];
    for (const st of stages(build))
      rows.push([
        `  ${st.name}`,
        `${seconds(st.ms)} (CPU ${st.cpu.toFixed(1)} s); peak tree ${gib(st.tree)}, Node+esbuild ${gib(st.node)}${st.pagefind ? `, Pagefind ${gib(st.pagefind)}` : ''}`,
      ]);
    for (const [kind, t] of Object.entries(routeTimes(build)))
      rows.push([
        `    routes: ${kind}`,
        `${seconds(t.ms)} for ${t.routes} routes (Astro's +ms sum)`,
      ]);
    if (rebuild) {
      rows.push(
        [
          `rebuild after one report changed (${rebuild.report})`,
          `${seconds(rebuild.run.wallMs)} (CPU ${rebuild.run.cpuSeconds.toFixed(1)} s)`,
        ],
        ['  load average before / after the rebuild', rebuild.load],
      );
      for (const st of stages(rebuild.run))
        rows.push([
          `  ${st.name}`,
          `${seconds(st.ms)} (CPU ${st.cpu.toFixed(1)} s); peak tree ${gib(st.tree)}, Node+esbuild ${gib(st.node)}${st.pagefind ? `, Pagefind ${gib(st.pagefind)}` : ''}`,
        ]);
    }
    rows.push(
      ['peak RSS, whole process tree', gib(build.peakRss)],
      [
        '  Pagefind binary (its own peak)',
        gib(
          Math.max(
            0,
            ...Object.entries(build.peakByName)
              .filter(([k]) => k.startsWith('pagefind'))
              .map(([, v]) => v),
          ),
        ),
      ],
      [
        '  Node and esbuild (peak of the tree without Pagefind)',
        gib(Math.max(0, ...build.samples.map((x) => x.total - pagefindOf(x.byName)))),
      ],
      [
        '  processes (peak RSS by name)',
        Object.entries(build.peakByName)
          .filter(([, v]) => v > 50 * 1024 * 1024)
          .map(([k, v]) => `${k} ${gib(v)}`)
          .join(', '),
      ],
      ['content data store on disk (node_modules/.astro)', mib(storeBytes)],
      ['report pages per second (whole build)', (pages / (build.wallMs / 1000)).toFixed(0)],
      ['output size', `${mib(outputTotal)} (${kb(outputTotal / generated.reports)} per report)`],
    );
    for (const kind of [
      'pages and assets',
      'per-report downloads',
      'archive-wide downloads',
      'search index',
    ])
      rows.push([
        `  ${kind}`,
        `${mib(bytes[kind] ?? 0)} (${kb((bytes[kind] ?? 0) / generated.reports)} per report)`,
      ]);
    const labels = [
      'first search (newest year)',
      'later search',
      'later search, a word in every report',
      'one more year:',
    ];
    search.forEach((s, i) => {
      rows.push([`${labels[i]} ${s.query}`, `${kb(s.bytes)} (${s.results})`]);
      rows.push([
        `  by kind of file`,
        breakdown(s)
          .map((l) => l.trim())
          .join('; '),
      ]);
    });
    rows.push([
      'report page transfer (gzip: HTML + CSS + JS)',
      `${kb(page.html + page.css + page.js)} (HTML ${kb(page.html)}, CSS ${kb(page.css)}, JS ${kb(page.js)})`,
    ]);
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n| ${'figure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | ----- |`);
    for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
    console.log(
      `\nnode ${process.version}, ${execFileSync('nproc').toString().trim()} cores, ${gib(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024)} RAM`,
    );
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
