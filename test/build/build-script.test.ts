/**
 * `npm run build` (scripts/build.ts) builds the search index after Astro's process has exited, to
 * keep Node's and Pagefind's memory apart. It must write exactly what a plain `astro build` writes
 * (which indexes in-process): every file, byte for byte, the search index included.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, buildSite } from '../support/build-site.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/build-site');

/** Every file under `dir`, relative, sorted. */
function files(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) => {
      const child = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? files(dir, child) : [child];
    })
    .sort();
}

let inProcess = '';
let script = '';
beforeAll(() => {
  inProcess = buildSite({ content: FIXTURE, base: '/fixture/' });
  script = buildSite({ content: FIXTURE, base: '/fixture/', viaBuildScript: true });
});
afterAll(() => {
  for (const d of [inProcess, script]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('writes the search index: one bundle per report year and one for the agency pages', () => {
    const index = files(script).filter((f) => f.startsWith('pagefind/'));
    const bundles = [...new Set(index.map((f) => f.split('/')[1]!))].sort();
    expect(bundles).toEqual(['2020', '2021', '2023', 'agencies']);
    const pages: Record<string, number> = {};
    for (const b of bundles) {
      expect(index.some((f) => f.startsWith(`pagefind/${b}/fragment/`))).toBe(true);
      const entry = JSON.parse(
        readFileSync(join(script, `pagefind/${b}/pagefind-entry.json`), 'utf8'),
      );
      // In Chinese only.
      expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
      pages[b] = entry.languages['zh-cn'].page_count;
    }
    // The fixture: 示例市人民政府 2020 and 2021, 示例县发展和改革局 2023; two agency pages.
    expect(pages).toEqual({ '2020': 1, '2021': 1, '2023': 1, agencies: 2 });
  });

  it('keeps the tables out of the index, their labels included', () => {
    const dir = join(script, 'pagefind/2020/fragment');
    const [name] = readdirSync(dir);
    // A fragment is gzip: a signature, then the page's JSON (its indexed text in `content`).
    const text = gunzipSync(readFileSync(join(dir, name!))).toString('utf8');
    // Pagefind separates the Chinese words it segmented with zero-width spaces.
    const content = (
      JSON.parse(text.slice(text.indexOf('{'))) as { content: string }
    ).content.replaceAll('\u200b', '');
    expect(content).toContain('保密审查');
    const html = readFileSync(join(script, 'reports/fixture-city-gov/2020/index.html'), 'utf8');
    // A label printed in the report's table, and in no paragraph of its prose.
    expect(html).toContain('scope="col">对外公开总数量</th>');
    expect(content).not.toContain('对外公开总数量');
  });

  it('keeps Pagefind’s code only in the agencies’ bundle, the one the search page loads', () => {
    const index = files(script).filter((f) => f.startsWith('pagefind/'));
    const code = index.filter((f) => /\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+)$/.test(f));
    // The search page imports the agencies' module and WebAssembly and never starts the worker.
    expect(code).toEqual([
      'pagefind/agencies/pagefind.js',
      'pagefind/agencies/wasm.unknown.pagefind',
    ]);
  });

  it('writes the same files as astro build, byte for byte', () => {
    const names = files(inProcess);
    expect(files(script)).toEqual(names);
    const differ = names.filter(
      (f) => !readFileSync(join(inProcess, f)).equals(readFileSync(join(script, f))),
    );
    expect(differ).toEqual([]);
  });
});
