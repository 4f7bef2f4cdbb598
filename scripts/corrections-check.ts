/**
 * `npm run check:corrections [-- <base>]`: in a merge request, every published number that changed
 * since the merge base needs a `corrections` entry (issue 13). The base is the argument, else the
 * git host's variable: GITHUB_BASE_REF (GitHub Actions, Gitea/Forgejo Actions) or
 * CI_MERGE_REQUEST_DIFF_BASE_SHA (GitLab). Outside a merge request there is nothing to compare
 * with, and the check says so and passes. Exits 1 on any unrecorded change.
 *
 * The comparison itself is src/lib/editor/corrections-check.ts; this file only talks to git.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../src/lib/content/archive.ts';
import { formatProblem, sortProblems, type Problem } from '../src/lib/content/problems.ts';
import { checkCorrections } from '../src/lib/editor/corrections-check.ts';

const root = process.cwd();

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

const fail = (message: string) => {
  console.log(message);
  process.exit(1);
};

const SHALLOW =
  '如果是在 CI 中运行：GitHub Actions 和 Gitea/Forgejo Actions 的 actions/checkout 需要 fetch-depth: 0；GitLab CI 需要变量 GIT_DEPTH: "0"（本项目提供的 CI 文件已经这样设置）。';

const arg = process.argv[2];
const fromEnv = process.env.GITHUB_BASE_REF || process.env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
const ref = arg || fromEnv;
if (!ref) {
  console.log(
    '更正检查：没有可比较的基准（不是合并请求），跳过。在本地检查时请写明要比较的分支，例如：npm run check:corrections -- main',
  );
  process.exit(0);
}
if (git('rev-parse', '--is-inside-work-tree')?.trim() !== 'true') {
  fail('更正检查：当前文件夹不是 git 仓库，无法与合并基准比较。');
}

// A branch name from the host is the remote's branch; a name given by hand is tried as written first.
const candidates = arg ? [ref, `origin/${ref}`] : [`origin/${ref}`, ref];
const baseSha = candidates
  .map((c) => git('rev-parse', '--verify', '--quiet', `${c}^{commit}`)?.trim())
  .find((s) => s);
if (!baseSha) fail(`更正检查：找不到比较基准「${ref}」。${SHALLOW}`);
const mergeBase = git('merge-base', 'HEAD', baseSha!)?.trim();
if (!mergeBase) fail(`更正检查：找不到当前提交与「${ref}」的共同祖先（合并基准）。${SHALLOW}`);
// GitLab gives a commit id, which says nothing to an editor: call it the merge base.
const baseName = `${/^[0-9a-f]{40}$/.test(ref) ? '合并基准' : ref}（${mergeBase!.slice(0, 7)}）`;

// Report files that differ between the merge base and the working tree (committed or not).
const changed = (git('diff', '--name-only', '--relative', '-z', mergeBase!, '--', DATA_DIR) ?? '')
  .split('\0')
  .filter((f) => f.endsWith('.yaml') && existsSync(join(root, f)))
  .sort();

const today =
  process.env.NIANBAO_TODAY ??
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const problems: Problem[] = [];
for (const file of changed) {
  problems.push(
    ...checkCorrections({
      file,
      base: git('show', `${mergeBase}:./${file}`),
      current: readFileSync(join(root, file), 'utf8'),
      baseName,
      today,
    }),
  );
}

if (problems.length > 0) {
  // The YAML to paste is printed flush left, not indented like other hints: pasted with the
  // console's indentation, `corrections:` would no longer be a top-level key.
  const show = (p: Problem) =>
    [formatProblem({ ...p, hint: undefined }), ...(p.hint ?? [])].join('\n');
  console.log(sortProblems(problems).map(show).join('\n\n'));
  console.log(
    `\n更正检查未通过：与 ${baseName}相比，有 ${problems.length} 处问题。已发布的数字只能随更正记录一起改动。`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `更正检查通过：与 ${baseName}相比改动了 ${changed.length} 个报告数据文件，已发布的数字改动都有更正记录。`,
  );
}
