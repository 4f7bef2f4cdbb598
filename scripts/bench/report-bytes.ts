/**
 * `node scripts/bench/report-bytes.ts <dist> [<dist> …]`: what a built report page (`index.html`)
 * weighs, raw and gzipped, split by section of the page (head, site chrome, highlights, prose,
 * each table, 表四's phone copy, corrections, about) and by attribute inside the tables (`id`,
 * `headers`, `class`, `data-label`, Astro's scope attributes …). Averages over every report page of
 * each build (at most 200, evenly spread). Bytes only: no timing, so load does not matter.
 *
 * Measured with regular expressions on the HTML Astro writes (compressHTML: no whitespace between
 * tags), which is enough to attribute bytes; it is not a parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dists = process.argv.slice(2);
if (dists.length === 0) {
  console.error('usage: node scripts/bench/report-bytes.ts <dist> [<dist> …]');
  process.exit(2);
}

function reportPages(dist: string): string[] {
  const root = join(dist, 'reports');
  const out: string[] = [];
  for (const agency of readdirSync(root).sort()) {
    if (!statSync(join(root, agency)).isDirectory()) continue;
    for (const year of readdirSync(join(root, agency)).sort()) {
      const file = join(root, agency, year, 'index.html');
      try {
        if (statSync(file).isFile()) out.push(file);
      } catch {
        // not a report folder
      }
    }
  }
  const step = Math.max(1, Math.ceil(out.length / 200));
  return out.filter((_, i) => i % step === 0);
}

const bytes = (s: string) => Buffer.byteLength(s);
const gz = (s: string) => gzipSync(s, { level: 9 }).length;

/** Sections of the page, in order, by the markup that opens each one. */
const SECTIONS: readonly [string, RegExp][] = [
  ['head', /<head>[\s\S]*?<\/head>/],
  ['site header + breadcrumb', /<body[\s\S]*?(?=<article)/],
  ['highlights', /<section class="highlights[\s\S]*?<\/section>/],
  ['status (数字核对)', /<section class="status[\s\S]*?<\/section>(?=<div class="prose)/],
  [
    'corrections record',
    /<section[^>]*class="corrections[\s\S]*?<\/section>(?=<section class="about)/,
  ],
  ['about', /<section class="about[\s\S]*?<\/article>/],
  ['footer', /<\/main>[\s\S]*$/],
];
const TABLES = /<div class="report-tables"[\s\S]*?(?=<h[23] |<\/div><section|<\/div>$)/g;
const NARROW = /<div class="narrow-only"[\s\S]*?<\/table><\/div>/g;
const ATTRIBUTES: readonly [string, RegExp][] = [
  ['id', / id="[^"]*"/g],
  ['headers', / headers="[^"]*"/g],
  ['class', / class="[^"]*"/g],
  ['data-label', / data-label="[^"]*"/g],
  ['data-group', / data-group="[^"]*"/g],
  ['data-cell (old)', / data-(?:narrow-)?cell="[^"]*"/g],
  ['Astro scope attribute', / data-astro-cid-\w+/g],
  ['scope/colspan/rowspan', / (?:scope|colspan|rowspan)="[^"]*"/g],
  ['<data value> wrapper (old)', /<data value="[^"]*"[^>]*>|<\/data>/g],
];

for (const dist of dists) {
  const pages = reportPages(dist);
  const sum = new Map<string, [number, number]>();
  const add = (key: string, text: string) => {
    const [r, g] = sum.get(key) ?? [0, 0];
    sum.set(key, [r + bytes(text), g + (text ? gz(text) : 0)]);
  };
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    add('whole page', html);
    let rest = html;
    for (const [name, re] of SECTIONS) {
      const m = rest.match(re)?.[0] ?? '';
      add(name, m);
      rest = rest.replace(m, '');
    }
    const tables = html.match(TABLES) ?? [];
    add('tables (表二 三 四, with legends)', tables.join(''));
    add('  of which 表四 phone copy', (html.match(NARROW) ?? []).join(''));
    for (const t of tables) rest = rest.replace(t, '');
    add('prose and the rest', rest);
    for (const [name, re] of ATTRIBUTES) {
      const found = tables.flatMap((t) => t.match(re) ?? []).join('');
      const [r] = sum.get(`  attr ${name}`) ?? [0, 0];
      sum.set(`  attr ${name}`, [r + bytes(found), 0]);
    }
    const cid = html.match(/ data-astro-cid-\w+/g)?.join('') ?? '';
    const [r] = sum.get('scope attributes, whole page') ?? [0, 0];
    sum.set('scope attributes, whole page', [r + bytes(cid), 0]);
  }
  const kb = (n: number) => (n / pages.length / 1000).toFixed(1);
  console.log(`\n${dist}: ${pages.length} report pages, KB per page (1 KB = 1,000 bytes)\n`);
  console.log('| part | raw | gzip alone |');
  console.log('|---|---|---|');
  for (const [key, [r, g]] of sum) console.log(`| ${key} | ${kb(r)} | ${g ? kb(g) : ''} |`);
}
