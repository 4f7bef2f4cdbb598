/**
 * `npm run check:corrections` on a real, temporary git repository (issue 13): a published number
 * changed in a branch fails with the file, line, cell label, both values and a paste-ready entry;
 * the matching entry makes it pass; drafts and new reports are exempt; an entry on the record may
 * not be deleted; the base comes from an argument or from the GitHub/Gitea or GitLab variables.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/corrections-check.ts', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/good/data', import.meta.url));
const FILE = 'data/reports/jiyuan-gongan/2020.yaml';
const PUBLISHED = '  licensing: { previous: 36, change: 0, decisions: 1618 }';
const CHANGED = '  licensing: { previous: 36, change: 0, decisions: 1619 }';
const ENTRY = [
  'corrections:',
  '  - date: 2026-11-29',
  '    kind: erratum',
  '    reason: 机构于 2026-11-20 发布更正说明',
  '    cells:',
  '      - { cell: proactive.licensing.decisions, old: 1618, new: 1619 }',
  '',
].join('\n');

let dir: string;
/** What the failing run printed, to paste from. */
let printed = '';
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=编辑', '-c', 'user.email=editor@example.org', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
const read = (file = FILE) => readFileSync(join(dir, file), 'utf8');
const write = (text: string, file = FILE) => writeFileSync(join(dir, file), text);

function run(args: string[] = ['main'], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  for (const k of ['GITHUB_BASE_REF', 'CI_MERGE_REQUEST_DIFF_BASE_SHA', 'NIANBAO_TODAY'])
    delete clean[k];
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...clean, NIANBAO_TODAY: '2026-11-29', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-corrections-'));
  cpSync(GOOD, join(dir, 'data'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'published');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check:corrections', () => {
  it('a changed published number without an entry fails, naming file, line, cell and both values', () => {
    git('checkout', '-q', '-b', 'edit');
    const line = read().split('\n').indexOf(PUBLISHED) + 1;
    expect(line).toBe(10);
    write(read().replace(PUBLISHED, CHANGED));
    git('commit', '-q', '-am', 'change a number');
    const base = git('rev-parse', '--short=7', 'main');
    const failed = run();
    printed = failed.stdout;
    expect(failed).toEqual({
      status: 1,
      stderr: '',
      stdout: [
        `错误：${FILE} 第 10 行（proactive.licensing.decisions）`,
        `  已发布的数字被改动，却没有更正记录：表二第二十条第（五）项「行政许可」行「处理决定数量」列在 main（${base}）中为 1618，现在为 1619。如果这是更正，请把下面几行原样复制到本文件末尾，并填写类型 kind（机构发布了更正写 erratum，本站录入时打错写 typo）和原因 reason；如果改错了，请把这一格改回 1618。`,
        'corrections:',
        '  - date: 2026-11-29',
        '    kind:    # erratum 或 typo',
        '    reason:  # 例如：机构于 2026-02-20 发布更正说明',
        '    cells:',
        '      - { cell: proactive.licensing.decisions, old: 1618, new: 1619 }',
        '',
        `更正检查未通过：与 main（${base}）相比，有 1 处问题。已发布的数字只能随更正记录一起改动。`,
        '',
      ].join('\n'),
    });
  });

  it('the base can come from GitLab’s CI_MERGE_REQUEST_DIFF_BASE_SHA or GitHub/Gitea’s GITHUB_BASE_REF', () => {
    const sha = git('rev-parse', 'main');
    const gitlab = run([], { CI_MERGE_REQUEST_DIFF_BASE_SHA: sha });
    expect(gitlab.status).toBe(1);
    expect(gitlab.stdout).toContain(`在 合并基准（${sha.slice(0, 7)}）中为 1618，现在为 1619`);
    // On GitHub the base branch is fetched as origin/<branch>.
    git('update-ref', 'refs/remotes/origin/main', sha);
    const github = run([], { GITHUB_BASE_REF: 'main' });
    expect(github.status).toBe(1);
    expect(github.stdout).toContain(`在 main（${sha.slice(0, 7)}）中为 1618，现在为 1619`);
  });

  it('passes once the printed entry is pasted and filled in (even before it is committed)', () => {
    // The lines from `corrections:` to the blank line, exactly as printed, kind and reason filled.
    const lines = printed.split('\n');
    const from = lines.indexOf('corrections:');
    const pasted = lines
      .slice(from, lines.indexOf('', from) + 1)
      .join('\n')
      .replace('kind:    # erratum 或 typo', 'kind: erratum')
      .replace(
        'reason:  # 例如：机构于 2026-02-20 发布更正说明',
        'reason: 机构于 2026-11-20 发布更正说明',
      );
    expect(pasted).toBe(ENTRY);
    write(read() + pasted);
    const base = git('rev-parse', '--short=7', 'main');
    expect(run()).toEqual({
      status: 0,
      stderr: '',
      stdout: `更正检查通过：与 main（${base}）相比改动了 1 个报告数据文件，已发布的数字改动都有更正记录。\n`,
    });
    // An entry whose old value is not the published one does not match.
    write(read().replace('old: 1618, new: 1619', 'old: 1617, new: 1619'));
    expect(run().stdout).toContain(
      '在 main（' +
        base +
        '）中为 1618，现在为 1619。如果这是更正，请把下面几行原样复制到本文件 corrections 列表的末尾',
    );
    write(read().replace('old: 1617, new: 1619', 'old: 1618, new: 1619'));
    git('commit', '-q', '-am', 'record the correction');
  });

  it('an entry on the record may not be deleted later', () => {
    git('checkout', '-q', 'main');
    git('merge', '-q', '--ff-only', 'edit');
    git('checkout', '-q', '-b', 'erase');
    write(read().replace(ENTRY, ''));
    const r = run();
    expect(r.status).toBe(1);
    const base = git('rev-parse', '--short=7', 'main');
    expect(r.stdout).toBe(
      [
        `错误：${FILE}（corrections）`,
        `  更正记录只能添加，不能删除或改写：main（${base}）中 2026-11-29 的这条更正（proactive.licensing.decisions）现在不见了或被改动了。请恢复原样；如需再次更正，另加一条。`,
        '  - date: 2026-11-29',
        '    kind: erratum',
        '    reason: 机构于 2026-11-20 发布更正说明',
        '    cells:',
        '      - { cell: proactive.licensing.decisions, old: 1618, new: 1619 }',
        '',
        `更正检查未通过：与 main（${base}）相比，有 1 处问题。已发布的数字只能随更正记录一起改动。`,
        '',
      ].join('\n'),
    );
    git('checkout', '-q', '--', '.');
  });

  it('drafts at the base and new reports are exempt', () => {
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'drafts');
    const other = 'data/reports/jiyuan-gongan/2021.yaml';
    write(`status: draft\n${read(other)}`, other);
    git('commit', '-q', '-am', 'a draft');
    git('checkout', '-q', 'main');
    git('merge', '-q', '--ff-only', 'drafts');
    git('checkout', '-q', '-b', 'edit-draft');
    write(
      read(other).replace(/decisions: (\d+)/, (_m, n) => `decisions: ${Number(n) + 1}`),
      other,
    );
    const added = 'data/reports/jiyuan-gongan/2022.yaml';
    write(read(other), added);
    git('add', '.');
    git('commit', '-q', '-m', 'edit a draft, add a report');
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('改动了 2 个报告数据文件');
  });

  it('outside a merge request there is no base: it says so and passes', () => {
    expect(run([])).toEqual({
      status: 0,
      stderr: '',
      stdout:
        '更正检查：没有可比较的基准（不是合并请求），跳过。在本地检查时请写明要比较的分支，例如：npm run check:corrections -- main\n',
    });
  });

  it('an unknown base fails with what to set in CI', () => {
    const r = run(['no-such-branch']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '更正检查：找不到比较基准「no-such-branch」。如果是在 CI 中运行：GitHub Actions 和 Gitea/Forgejo Actions 的 actions/checkout 需要 fetch-depth: 0；GitLab CI 需要变量 GIT_DEPTH: "0"（本项目提供的 CI 文件已经这样设置）。\n',
    );
  });
});
