/**
 * Where pages get reports from (src/lib/content/report-store.ts): the reports published by the
 * loader, resolved from the data store's { id, digest } entries, and each report's rendered prose
 * read back from its cache exactly as it was rendered. A changed Markdown text or Markdown
 * configuration is rendered again, never answered with an older rendering; an unchanged one is
 * not rendered twice.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { splitRenderedProse } from '../../src/lib/content/report-prose.ts';
import {
  openProseCache,
  publishReports,
  reportOf,
  reportWithProse,
  reportsOf,
  storeProse,
} from '../../src/lib/content/report-store.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/build-site/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-report-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A renderer that records what it was asked to render (placeholders as the loader leaves them). */
function counter() {
  const rendered: string[] = [];
  const render = async (markdown: string) => {
    rendered.push(markdown);
    return splitRenderedProse(`<p>${markdown}</p>\n<p>NIANBAO-TABLE-ProactiveTable</p>\n<p>尾</p>`);
  };
  return { rendered, render };
}

describe('rendered prose cache', () => {
  it('renders each Markdown text once and reads back exactly what was rendered', async () => {
    const root = join(scratch, 'once');
    const cache = openProseCache(root, join(root, 'cache'));
    const { rendered, render } = counter();
    const first = await storeProse(cache, '本年度主动公开政府信息。', render);
    const again = await storeProse(cache, '本年度主动公开政府信息。', render);
    const other = await storeProse(cache, '本年度共收到申请 12 件。', render);
    expect(rendered).toEqual(['本年度主动公开政府信息。', '本年度共收到申请 12 件。']);
    expect(again).toBe(first);
    expect(other).not.toBe(first);

    const [report] = loadArchive(FIXTURE, null).reports;
    const { markdown: _, ...base } = report!;
    const entry = reportWithProse(base, first);
    expect(entry.prose).toEqual([
      { kind: 'html', html: '<p>本年度主动公开政府信息。</p>' },
      { kind: 'table', component: 'ProactiveTable' },
      { kind: 'html', html: '<p>尾</p>' },
    ]);
    expect(entry.tables).toBe(base.tables);
    expect(entry.id).toBe(base.id);
  });

  it('renders again when the Markdown configuration, the content code or the lock file changes', async () => {
    const root = join(scratch, 'config');
    const cacheDir = join(root, 'cache');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'astro.config.mjs'), 'export default { markdown: {} };\n');
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    const { rendered, render } = counter();
    const before = await storeProse(openProseCache(root, cacheDir), '正文', render);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default { markdown: { gfm: false } };\n');
    const afterConfig = await storeProse(openProseCache(root, cacheDir), '正文', render);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    const afterLock = await storeProse(openProseCache(root, cacheDir), '正文', render);
    // The code that splits rendered prose lives in src/lib/content: a change there re-renders.
    mkdirSync(join(root, 'src/lib/content'), { recursive: true });
    writeFileSync(join(root, 'src/lib/content/report-prose.ts'), 'export const v = 1;\n');
    const afterCode = await storeProse(openProseCache(root, cacheDir), '正文', render);
    const unchanged = await storeProse(openProseCache(root, cacheDir), '正文', render);
    expect(rendered).toEqual(['正文', '正文', '正文', '正文']);
    expect(new Set([before, afterConfig, afterLock, afterCode]).size).toBe(4);
    expect(unchanged).toBe(afterCode);
  });

  it('says which report and file when a rendering has gone missing', () => {
    const [report] = loadArchive(FIXTURE, null).reports;
    const { markdown: _, ...base } = report!;
    const missing = join(scratch, 'nowhere', 'gone.json');
    const entry = reportWithProse(base, missing);
    expect(() => entry.prose).toThrow(`报告 ${base.id} 的正文渲染结果缺失（${missing}）`);
  });
});

describe('published reports', () => {
  it('resolves data-store entries to the reports published last, in the order given', () => {
    const reports = loadArchive(FIXTURE, null).reports.map(({ markdown: _, ...base }) =>
      reportWithProse(base, join(scratch, 'unused.json')),
    );
    expect(reports.length).toBeGreaterThan(1);
    publishReports(reports);
    const refs = [...reports].reverse().map((r) => ({ data: { id: r.id, digest: 'd' } }));
    const resolved = reportsOf(refs);
    expect(resolved).toHaveLength(reports.length);
    resolved.forEach((r, i) => expect(r).toBe(reports[reports.length - 1 - i]));
    expect(reportOf({ id: reports[0]!.id, digest: 'x' })).toBe(reports[0]);

    publishReports(reports.slice(1));
    expect(() => reportOf({ id: reports[0]!.id, digest: 'x' })).toThrow(
      `报告 ${reports[0]!.id} 在 Astro 的内容数据中，却不在本次构建读入的报告里`,
    );
  });
});
