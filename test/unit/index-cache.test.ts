/**
 * The search index's bundles kept between builds (src/lib/site/index-cache.ts, used by
 * writeSearchIndex): a bundle is copied from the cache only when its pages, their paths and the
 * index settings are what it was built from; a copied bundle is byte-identical to one Pagefind
 * writes afresh; a damaged entry is built again, never served.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index.ts';
import {
  bundleKey,
  restoreBundle,
  storeBundle,
  type IndexCache,
} from '../../src/lib/site/index-cache.ts';

const scratch = mkdtempSync(join(tmpdir(), 'nianbao-index-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Every file under `root` with its bytes, by relative path. */
function tree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p).toString('base64'));
    }
  };
  walk(root);
  return out;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><p>${text}</p><table><tr><td>不编入</td></tr></table></article></body></html>`;

/** A built site of two years and one agency page. */
function site(root: string, text2024 = '本年度收到政府信息公开申请十二件。'): void {
  write(root, 'reports/a/2024/index.html', page('甲机关 2024 年度报告', text2024));
  write(root, 'reports/b/2024/index.html', page('乙机关 2024 年度报告', '本年度未发生行政复议。'));
  write(root, 'reports/a/2023/index.html', page('甲机关 2023 年度报告', '主动公开政策解读五篇。'));
  write(root, 'agencies/a/index.html', page('甲机关', '本档案收录该机构 2 份年度报告。'));
}

describe('bundle keys', () => {
  const cache: IndexCache = { dir: join(scratch, 'keys-cache'), salt: 'lock-1' };
  const root = join(scratch, 'keys');
  site(root);
  const pages = ['reports/a/2024/index.html', 'reports/b/2024/index.html'];
  const key = bundleKey(cache, root, pages, { exclude: ['table'] });

  it('do not depend on the order the pages are listed in', () => {
    expect(bundleKey(cache, root, [...pages].reverse(), { exclude: ['table'] })).toBe(key);
  });

  it('change with a page’s bytes, a page’s path, the settings and the lock file', () => {
    write(root, 'reports/c/2024/index.html', readFileSync(join(root, pages[1]!), 'utf8'));
    expect(
      bundleKey(cache, root, [pages[0]!, 'reports/c/2024/index.html'], { exclude: ['table'] }),
    ).not.toBe(key);
    expect(bundleKey(cache, root, pages, { exclude: [] })).not.toBe(key);
    expect(bundleKey({ ...cache, salt: 'lock-2' }, root, pages, { exclude: ['table'] })).not.toBe(
      key,
    );
    write(root, pages[1]!, page('乙机关 2024 年度报告', '本年度未发生行政复议！'));
    expect(bundleKey(cache, root, pages, { exclude: ['table'] })).not.toBe(key);
  });
});

describe('entries', () => {
  const cache: IndexCache = { dir: join(scratch, 'entries-cache'), salt: 'x' };
  const bundle = join(scratch, 'bundle');
  write(bundle, 'pagefind-entry.json', '{"version":"1"}');
  write(bundle, 'index/zh-cn_1.pf_index', 'chunk bytes');
  write(bundle, 'fragment/zh-cn_2.pf_fragment', 'fragment bytes');

  it('give back exactly the files stored', () => {
    storeBundle(cache, 'k1', bundle);
    const out = join(scratch, 'restored');
    expect(restoreBundle(cache, 'k1', out)).toBe(true);
    expect(tree(out)).toEqual(tree(bundle));
  });

  it('are not served when a file is missing or cut short, nor when nothing was stored', () => {
    storeBundle(cache, 'k2', bundle);
    truncateSync(join(cache.dir, 'k2/files/index/zh-cn_1.pf_index'), 3);
    const out = join(scratch, 'not-restored');
    expect(restoreBundle(cache, 'k2', out)).toBe(false);
    expect(statSync(out, { throwIfNoEntry: false })).toBeUndefined();
    storeBundle(cache, 'k3', bundle);
    rmSync(join(cache.dir, 'k3/files/fragment'), { recursive: true });
    expect(restoreBundle(cache, 'k3', out)).toBe(false);
    expect(restoreBundle(cache, 'never-stored', out)).toBe(false);
  });
});

describe('writeSearchIndex with the cache', () => {
  it('copies the unchanged bundles, builds the changed year again, and writes the same bytes as without the cache', async () => {
    const cache: IndexCache = { dir: join(scratch, 'site-cache'), salt: 'x' };
    const logs: string[] = [];
    const logger = { info: (m: string) => logs.push(m) };
    const first = join(scratch, 'first');
    site(first);
    await writeSearchIndex(first, logger, cache);
    expect(logs.at(-1)).not.toContain('缓存');

    // The same pages again: all three bundles (2024, 2023, agencies) come from the cache.
    const again = join(scratch, 'again');
    site(again);
    await writeSearchIndex(again, logger, cache);
    expect(logs.at(-1)).toContain('其中 3 个未变、取自上次构建的缓存');
    expect(tree(join(again, 'pagefind'))).toEqual(tree(join(first, 'pagefind')));

    // One 2024 report changed: only the 2024 bundle is built again, and every bundle is what a
    // build without any cache writes.
    const changed = join(scratch, 'changed');
    site(changed, '本年度收到政府信息公开申请十三件。');
    await writeSearchIndex(changed, logger, cache);
    expect(logs.at(-1)).toContain('其中 2 个未变、取自上次构建的缓存');
    const fresh = join(scratch, 'fresh');
    site(fresh, '本年度收到政府信息公开申请十三件。');
    await writeSearchIndex(fresh, logger);
    expect(tree(join(changed, 'pagefind'))).toEqual(tree(join(fresh, 'pagefind')));
    expect(tree(join(changed, 'pagefind/2024'))).not.toEqual(tree(join(first, 'pagefind/2024')));
  }, 120_000);
});
