/**
 * The content check's cache (src/lib/content/check-cache.ts): a cached load of the archive is
 * deep-equal to a fresh one (reports, and problems with file, line and field), and changing a
 * report file, the agency list or the registered templates never serves a stale result. The
 * oracle is `loadArchive(root, null)`, which checks every file afresh.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { codeHashOf, openCheckCache, registryHash } from '../../src/lib/content/check-cache.ts';
import { declarationsFromFile, registerTemplate } from '../../src/lib/template/registry.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-check-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dirs = 0;
/** A cache in a folder of its own, so no other test's entries can answer. */
const freshCacheDir = () => join(scratch, `cache-${dirs++}`);

/** A fixture copied where the test may change it. */
function copyFixture(name: string): string {
  const dir = join(scratch, `${name}-${dirs++}`);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

// Every fixture of the bad-input corpus and the sites, except the importer's inputs (not an
// archive) and the third version (registered below, which would change its result mid-file).
const ARCHIVES = readdirSync(FIXTURES).filter(
  (n) => !['import-inputs', 'third-version'].includes(n),
);

describe('a cached check equals a fresh one', () => {
  it.each(ARCHIVES)('%s: cold and warm loads are deep-equal to an uncached load', (name) => {
    const root = join(FIXTURES, name);
    const fresh = loadArchive(root, null);
    const dir = freshCacheDir();
    const cold = openCheckCache(dir)!;
    expect(loadArchive(root, cold)).toStrictEqual(fresh);
    const warm = openCheckCache(dir)!;
    const cached = loadArchive(root, warm);
    expect(cached).toStrictEqual(fresh);
    // The warm load answered every file it checked from the cache (the test would prove nothing
    // if the cache were never used).
    expect(warm.misses).toBe(0);
    expect(warm.hits).toBe(cold.misses);
  });

  it('the fixtures with problems carry line and field through the cache', () => {
    const root = join(FIXTURES, 'several-errors');
    const dir = freshCacheDir();
    loadArchive(root, openCheckCache(dir));
    const warm = openCheckCache(dir)!;
    const problems = loadArchive(root, warm).problems;
    expect(warm.hits).toBeGreaterThan(0);
    expect(problems.some((p) => p.line !== undefined && p.field !== undefined)).toBe(true);
    expect(problems).toStrictEqual(loadArchive(root, null).problems);
  });
});

describe('a change is never answered from the cache', () => {
  it('changing a cell in a report YAML re-checks that file, and the new error names its line', () => {
    const root = copyFixture('good');
    const dir = freshCacheDir();
    const before = loadArchive(root, openCheckCache(dir));
    expect(before.problems).toEqual([]);
    const file = 'data/reports/jiyuan-gongan/2021.yaml';
    const text = readFileSync(join(root, file), 'utf8');
    // A count written as a word: an error on that line and field.
    const changed = text.replace(/^(\s+received:\s*\[)\s*\d+/m, '$1 三');
    expect(changed).not.toBe(text);
    writeFileSync(join(root, file), changed);
    const warm = openCheckCache(dir)!;
    const after = loadArchive(root, warm);
    expect(after).toStrictEqual(loadArchive(root, null));
    expect(warm.misses).toBe(1); // only the changed file
    const errors = after.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((p) => p.file === file && p.line !== undefined)).toBe(true);
    expect(after.reports.map((r) => r.id)).toEqual(['jiyuan-gongan/2020']);
  });

  it('changing the prose re-checks it: the new title is served, not the old one', () => {
    const root = copyFixture('good');
    const dir = freshCacheDir();
    loadArchive(root, openCheckCache(dir));
    const file = 'src/content/reports/jiyuan-gongan/2020.mdx';
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(join(root, file), text.replace(/^title: .*$/m, 'title: 改过的标题'));
    const after = loadArchive(root, openCheckCache(dir));
    expect(after).toStrictEqual(loadArchive(root, null));
    expect(after.reports.find((r) => r.id === 'jiyuan-gongan/2020')?.frontmatter.title).toBe(
      '改过的标题',
    );
  });

  it('removing the agency from the agency list leaves its reports out, as uncached', () => {
    const root = copyFixture('good');
    const dir = freshCacheDir();
    expect(loadArchive(root, openCheckCache(dir)).reports).toHaveLength(2);
    const agencies = join(root, 'data/agencies.yaml');
    writeFileSync(
      agencies,
      readFileSync(agencies, 'utf8').replace('id: jiyuan-gongan', 'id: jiyuan-gongan-x'),
    );
    const warm = openCheckCache(dir)!;
    const after = loadArchive(root, warm);
    expect(warm.misses).toBe(0); // the files are unchanged; the join is recomputed
    expect(after).toStrictEqual(loadArchive(root, null));
    expect(after.reports).toEqual([]);
    expect(after.problems.map((p) => p.message)).toContain(
      '机构「jiyuan-gongan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。',
    );
  });

  it('registering a template version changes every key: a report in it is then read, not refused', () => {
    const root = join(FIXTURES, 'third-version');
    const dir = freshCacheDir();
    const hashBefore = registryHash();
    const before = loadArchive(root, openCheckCache(dir));
    expect(before.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(before.reports.map((r) => r.id)).not.toContain('jiyuan-gongan/2029');
    for (const d of declarationsFromFile(join(root, 'template.json'))) registerTemplate(d);
    expect(registryHash()).not.toBe(hashBefore);
    const warm = openCheckCache(dir)!;
    const after = loadArchive(root, warm);
    expect(warm.hits).toBe(0);
    expect(after).toStrictEqual(loadArchive(root, null));
    expect(after.problems).toEqual([]);
    expect(after.reports.map((r) => r.id)).toContain('jiyuan-gongan/2029');
  });

  it('a change to the checking code or to the dependencies changes the key of every entry', () => {
    // A copy of what the hash covers: the checking code and the lock file.
    const project = join(scratch, `project-${dirs++}`);
    const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
    for (const part of ['src/lib/content', 'src/lib/template', 'package-lock.json'])
      cpSync(join(PROJECT, part), join(project, part), { recursive: true });
    const before = codeHashOf(project);
    expect(codeHashOf(project)).toBe(before);
    const rules = join(project, 'src/lib/template/rules.ts');
    writeFileSync(rules, `${readFileSync(rules, 'utf8')}\n// changed\n`);
    const afterCode = codeHashOf(project);
    expect(afterCode).not.toBe(before);
    const lock = join(project, 'package-lock.json');
    // A dependency upgraded (the YAML or MDX parser): the lock file changes.
    writeFileSync(
      lock,
      readFileSync(lock, 'utf8').replace(/"version": "[^"]+"/, '"version": "9.9.9"'),
    );
    expect(codeHashOf(project)).not.toBe(afterCode);
  });

  it('NIANBAO_CHECK_CACHE=off turns it off', () => {
    process.env.NIANBAO_CHECK_CACHE = 'off';
    try {
      expect(openCheckCache(freshCacheDir())).toBeUndefined();
    } finally {
      delete process.env.NIANBAO_CHECK_CACHE;
    }
  });
});
