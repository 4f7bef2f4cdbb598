/**
 * Live preview (issue 13 item 3): `astro dev` on a temporary copy of test/fixtures/good, driven
 * in Chromium. An edited YAML shows without a restart; a broken one shows the check's Chinese
 * message where the page was; the fixed one shows the page again; a removed report goes and an
 * agency renamed in data/agencies.yaml shows its new name. The server is started on a loopback
 * port and stopped by the test (its whole process group), with a deadline on every wait.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 4600 + (process.pid % 300);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const REPORT = `${ORIGIN}/reports/jiyuan-gongan/2020/`;
const YAML = 'data/reports/jiyuan-gongan/2020.yaml';
const LOG = openSync(join(tmpdir(), 'nianbao-dev-preview.log'), 'w');

let content: string;
let server: ChildProcess | undefined;
let browser: Browser;
let page: Page;

const edit = (file: string, from: string, to: string) => {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
};

/** Reloads `url` until `ok(body text)` holds, or fails after `ms`. */
async function until(url: string, ok: (text: string) => boolean, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    try {
      // 'commit', not 'domcontentloaded': the page's text is server-rendered, and on a fresh
      // clone Vite may hold the page's module scripts while it optimises dependencies, which
      // delayed DOMContentLoaded past the whole deadline (CI, 2026-11-30).
      await page.goto(url, { waitUntil: 'commit', timeout: 8_000 });
      text = await page.locator('main').innerText({ timeout: 8_000 });
      if (ok(text)) return text;
    } catch (error) {
      // The dev server's own reload after a content change can interrupt a navigation (or the
      // read after it); that is the live preview working, so try again until the deadline.
      text = String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not change in ${ms} ms; last text:\n${text.slice(0, 400)}`);
}

/** The environment of a person running `npm run dev`: without the test runner's variables. */
const devEnv = () => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
  NODE_ENV: 'development',
});

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'nianbao-dev-'));
  cpSync(join(ROOT, 'test/fixtures/good'), content, { recursive: true });
  // process.execPath: the pinned Node that runs the tests (Astro refuses the system's Node 20).
  server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    {
      cwd: ROOT,
      env: { ...devEnv(), NIANBAO_CONTENT: content },
      detached: true,
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(REPORT).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`astro dev did not serve ${REPORT} in 120 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 360, height: 740 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  // The dev server and its children: negative pid = the process group started above.
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(content, { recursive: true, force: true });
});

describe('npm run dev: live preview', () => {
  it('shows an edited cell, the check message for a broken file, and the page again once fixed', async () => {
    await until(REPORT, (t) => t.includes('1618'));
    edit(YAML, 'decisions: 1618 }', 'decisions: 1619 }');
    const edited = await until(REPORT, (t) => t.includes('1619'));
    expect(edited).not.toContain('1618');

    edit(YAML, 'decisions: 1619 }', 'decisions: 1,619 }');
    const broken = await until(REPORT, (t) => t.includes('内容检查'));
    expect(broken).toContain(`错误：${YAML} 第 10 行第 52 列（licensing）`);
    expect(broken).toContain(
      '数字「1,619」里的千位分隔符「,」会被当成字段之间的分隔。请去掉逗号，写成「1619」。',
    );

    edit(YAML, 'decisions: 1,619 }', 'decisions: 1620 }');
    const fixed = await until(REPORT, (t) => t.includes('1620'));
    expect(fixed).not.toContain('内容检查');
  }, 120_000);

  it('drops a removed report and shows a renamed agency without a restart', async () => {
    const y2021 = `${ORIGIN}/reports/jiyuan-gongan/2021/`;
    await until(y2021, (t) => t.includes('2021'));
    rmSync(join(content, 'data/reports/jiyuan-gongan/2021.yaml'));
    rmSync(join(content, 'src/content/reports/jiyuan-gongan/2021.mdx'));
    await until(y2021, (t) => t.includes('找不到这个页面'));

    edit('data/agencies.yaml', 'name: 济源示范区公安局', 'name: 济源示范区公安局（改名测试）');
    await until(`${ORIGIN}/agencies/jiyuan-gongan/`, (t) =>
      t.includes('济源示范区公安局（改名测试）'),
    );
  }, 120_000);
});
