/**
 * The caches' folder and pruning (src/lib/content/cache-dir.ts): NIANBAO_CACHE_DIR moves both
 * caches out of node_modules (CI keeps that folder between runs), a read marks an entry used, and
 * pruning removes only entries unused for 30 days.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CACHE_DIR_ENV, cacheRoot, pruneCache } from '../../src/lib/content/cache-dir.ts';
import { openProseCache, storeProse } from '../../src/lib/content/report-store.ts';

const scratch = mkdtempSync(join(tmpdir(), 'nianbao-cache-dir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  delete process.env[CACHE_DIR_ENV];
});

const DAY = 24 * 60 * 60 * 1000;
const age = (path: string, days: number) => {
  const then = new Date(Date.now() - days * DAY);
  utimesSync(path, then, then);
};

describe('cache folder', () => {
  it('is node_modules/.cache/nianbao unless NIANBAO_CACHE_DIR names another, relative to the project', () => {
    expect(cacheRoot('/srv/site')).toBe('/srv/site/node_modules/.cache/nianbao');
    process.env[CACHE_DIR_ENV] = '.nianbao-cache';
    expect(cacheRoot('/srv/site')).toBe('/srv/site/.nianbao-cache');
    expect(openProseCache('/srv/site').dir).toBe('/srv/site/.nianbao-cache/prose');
    process.env[CACHE_DIR_ENV] = '/var/cache/nianbao';
    expect(cacheRoot('/srv/site')).toBe('/var/cache/nianbao');
  });
});

describe('pruning', () => {
  it('removes entries unused for 30 days and empty folders, keeps the rest', () => {
    const root = join(scratch, 'prune');
    mkdirSync(join(root, 'check/ab'), { recursive: true });
    mkdirSync(join(root, 'prose/cd'), { recursive: true });
    const old = join(root, 'check/ab/old.bin');
    const fresh = join(root, 'check/ab/fresh.bin');
    const lonely = join(root, 'prose/cd/old.json');
    for (const f of [old, fresh, lonely]) writeFileSync(f, 'x');
    age(old, 31);
    age(lonely, 45);
    age(fresh, 29);
    expect(pruneCache(root)).toEqual({ removed: 2, kept: 1 });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(join(root, 'prose/cd'))).toBe(false);
    expect(existsSync(join(root, 'check/ab'))).toBe(true);
    expect(pruneCache(join(scratch, 'absent'))).toEqual({ removed: 0, kept: 0 });
  });

  it('a prose entry read by a build is marked used and survives the next pruning', async () => {
    const root = join(scratch, 'used');
    const cache = openProseCache(root, join(root, 'prose'));
    const render = async () => [{ kind: 'html' as const, html: '<p>正文</p>' }];
    const path = await storeProse(cache, '正文', render);
    age(path, 40);
    await storeProse(cache, '正文', render);
    expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(DAY);
    expect(pruneCache(root)).toEqual({ removed: 0, kept: 1 });
  });
});
