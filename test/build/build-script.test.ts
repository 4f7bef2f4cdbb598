/**
 * `npm run build` (scripts/build.ts) builds the search index after Astro's process has exited, to
 * keep Node's and Pagefind's memory apart. It must write exactly what a plain `astro build` writes
 * (which indexes in-process): every file, byte for byte, the search index included.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
  it('writes the search index', () => {
    const index = files(script).filter((f) => f.startsWith('pagefind/'));
    expect(index).toContain('pagefind/pagefind-entry.json');
    expect(index.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(script, 'pagefind/pagefind-entry.json'), 'utf8'));
    // One index, in Chinese, holding the fixture's pages.
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBeGreaterThan(0);
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
