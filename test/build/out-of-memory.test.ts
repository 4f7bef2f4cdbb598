/**
 * A build that runs out of memory stops with a sentence in Chinese that says so, not in silence.
 * When Pagefind's process goes away while the index is being written (on a CI runner, the system
 * kills it when memory runs out), the build fails naming the bundle and its pages, instead of Node
 * exiting with 0 or 13 and an unfinished index. Pagefind's Node API takes its binary from
 * PAGEFIND_EXTENDED_BINARY_PATH; here that is a script that kills itself (`killedBinary`). When
 * Astro's own heap runs out, `npm run build` says which heap limit it gave. The builds run in
 * child processes: Pagefind's end is noticed when Node's event loop runs empty, which never
 * happens in a test worker.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagefindLostMessage } from '../../src/integrations/search-index.ts';
import { PROJECT_ROOT as PROJECT, buildSite } from '../support/build-site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'nianbao-index-failure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const page = (title: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><p>本年度收到政府信息公开申请十二件。</p></article></body></html>`;

/** `writeSearchIndex` on `site` in a child Node process with `binary` as Pagefind's. */
function indexWith(site: string, binary: string) {
  const module = pathToFileURL(join(PROJECT, 'src/integrations/search-index.ts')).href;
  const script =
    `import { writeSearchIndex } from ${JSON.stringify(module)};\n` +
    `await writeSearchIndex(${JSON.stringify(site)}, { info: (m) => console.log(m) });\n`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, PAGEFIND_EXTENDED_BINARY_PATH: binary },
    timeout: 60_000,
  });
}

/**
 * A stand-in for Pagefind's binary that reads the first byte of the first request and then kills
 * itself, as the kernel's out-of-memory killer would.
 */
function killedBinary(): string {
  const path = join(scratch, 'pagefind-killed.sh');
  if (!existsSync(path)) {
    writeFileSync(path, '#!/bin/sh\nhead -c 1 >/dev/null\nkill -KILL $$\n');
    chmodSync(path, 0o755);
  }
  return path;
}

describe('Pagefind’s process killed while the index is written', () => {
  const site = join(scratch, 'dist');
  let run: ReturnType<typeof indexWith>;
  beforeAll(() => {
    write(join(site, 'reports/a/2024/index.html'), page('甲机关 2024 年度报告'));
    write(join(site, 'reports/b/2024/index.html'), page('乙机关 2024 年度报告'));
    write(join(site, 'agencies/a/index.html'), page('甲机关'));
    run = indexWith(site, killedBinary());
  });

  it('fails the build, naming the bundle and its pages, in Chinese', () => {
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '检索索引：编入2024 年报告的索引（2 个页面）时，Pagefind 的进程中途退出，索引没有写完，构建失败。',
    );
    expect(run.stderr).toContain('最常见的原因是内存不足，进程被系统终止');
    expect(run.stderr).not.toContain('unsettled top-level await');
  });

  it('does not go on to the next bundle or report an index as written', () => {
    expect(run.stdout).not.toContain('检索索引：按年份分');
    expect(existsSync(join(site, 'pagefind/agencies'))).toBe(false);
  });
});

/** How a build of the fixture site with `env` ended: its exit code and what it wrote to stderr. */
function buildFixture(
  viaBuildScript: boolean,
  env: NodeJS.ProcessEnv,
): { status: number | null; stderr: string } {
  try {
    buildSite({
      content: join(PROJECT, 'test/fixtures/build-site'),
      outDir: mkdtempSync(join(scratch, 'out-')),
      viaBuildScript,
      env,
    });
    return { status: 0, stderr: '' };
  } catch (error) {
    const failed = error as { status: number | null; stderr: Buffer };
    return { status: failed.status, stderr: failed.stderr.toString('utf8') };
  }
}

/** A whole build of the fixture site with the killed binary and an empty index cache. */
function buildKilled(viaBuildScript: boolean) {
  return buildFixture(viaBuildScript, {
    PAGEFIND_EXTENDED_BINARY_PATH: killedBinary(),
    NIANBAO_CACHE_DIR: mkdtempSync(join(scratch, 'cache-')),
  });
}

describe.each([
  ['astro build (the index in Astro’s process, as the shards build)', false],
  ['npm run build (the index after Astro’s process has exited)', true],
])('%s with Pagefind’s process killed', (_, viaBuildScript) => {
  // Before, `astro build` exited with 0 and no index at all, and `npm run build` with 13.
  let run = { status: null as number | null, stderr: '' };
  beforeAll(() => {
    run = buildKilled(viaBuildScript);
  });
  it('fails with the sentence that says what happened', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '检索索引：编入2023 年报告的索引（1 个页面）时，Pagefind 的进程中途退出，索引没有写完，构建失败。',
    );
  });
});

describe('the message', () => {
  it('gives the machine’s memory and where to read on', () => {
    const text = pagefindLostMessage('agencies', 11093, 7 * 10 ** 9);
    expect(text).toContain('编入机构页的索引（11093 个页面）时');
    expect(text).toContain('本机内存 6.5 GiB');
    expect(text).toContain('docs/performance.md「分片 / Shards」');
  });
});

describe('npm run build when Astro’s own heap runs out', () => {
  // A 40 MiB heap cannot even load Astro: V8 aborts (SIGABRT) with its English stack only.
  let run = { status: null as number | null, stderr: '' };
  beforeAll(() => {
    run = buildFixture(true, { NODE_OPTIONS: '--max-old-space-size=40' });
  });

  it('fails and says, in Chinese, that the heap limit was too small and who set it', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('JavaScript heap out of memory');
    expect(run.stderr).toContain(
      '[nianbao:build] astro build 的进程中止（SIGABRT），站点没有构建完。如果上面有「JavaScript heap out of memory」，是 Node 的堆内存上限不够：这次构建给 Astro 的上限是 NODE_OPTIONS 里设定的 --max-old-space-size。',
    );
  });
});
