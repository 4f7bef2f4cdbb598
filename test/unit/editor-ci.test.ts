/**
 * CI for the editors' git hosts and the pre-commit hook.
 *
 * Workflow files are checked with each host's own schema, offline: GitHub's (and Gitea/Forgejo's,
 * which run the same syntax) by action-validator, which validates against the published
 * workflow schema; GitLab's by gitlab-ci-local, which bundles GitLab's own CI schema. Each check
 * is shown to be live by a broken copy it must reject. The hook runs in a temporary repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/json-schema.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const STEPS = [
  'npm ci --no-audit --no-fund',
  'npm run check',
  'npm run check:corrections',
  'npm run build',
];

const ACTIONS_FILES = ['.github/workflows/content.yml', '.gitea/workflows/content.yml'];

describe('GitHub Actions and Gitea/Forgejo Actions', () => {
  for (const file of ACTIONS_FILES) {
    it(`${file} passes the workflow schema`, () => {
      expect(validateWorkflow(read(file)).errors).toEqual([]);
    });

    it(`${file} runs npm ci, check, the corrections check and build on every pull request and keeps dist/`, () => {
      const wf = parse(read(file)) as any;
      expect(Object.keys(wf.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
      expect(wf.on.pull_request).toBeNull(); // every pull request, any target branch
      const steps = wf.jobs['check-and-build'].steps as any[];
      expect(steps.filter((s) => s.run).map((s) => s.run)).toEqual(STEPS);
      // The corrections check compares with the merge base: the whole history is needed.
      expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
      const setup = steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
      expect(setup.with['node-version-file']).toBe('.nvmrc');
      expect(read('.nvmrc').trim()).toBe('24');
      const upload = steps.at(-1);
      expect(upload.uses).toBe(
        file.startsWith('.gitea') ? 'actions/upload-artifact@v3' : 'actions/upload-artifact@v4',
      );
      expect(upload.with.path).toBe('dist/');
      expect(upload.with['if-no-files-found']).toBe('error');
    });
  }

  it('the schema check is live: a misspelt key is refused', () => {
    const broken = read('.github/workflows/content.yml').replace('runs-on:', 'runs_on:');
    const errors = validateWorkflow(broken).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).toContain("Additional property 'runs_on' is not allowed");
  });
});

const GITLAB_CI_LOCAL = join(
  dirname(createRequire(import.meta.url).resolve('gitlab-ci-local/package.json')),
  'dist/index.js',
);

/** gitlab-ci-local in a scratch repository holding only the given .gitlab-ci.yml. */
function gitlabList(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-gitlab-'));
  writeFileSync(join(dir, '.gitlab-ci.yml'), text);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git(
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@example.org',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'x',
  );
  const run = spawnSync(
    process.execPath,
    [GITLAB_CI_LOCAL, '--list', '--variable', 'CI_PIPELINE_SOURCE=merge_request_event'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('GitLab CI', () => {
  it(".gitlab-ci.yml passes GitLab's CI schema and lists the job for a merge request", () => {
    const run = gitlabList(read('.gitlab-ci.yml'));
    expect(run.output).toContain('json schema validated');
    expect(run.output).toMatch(/check-and-build\s+test\s+on_success/);
    expect(run.status).toBe(0);
  });

  it('the schema check is live: a misspelt key is refused', () => {
    const run = gitlabList(read('.gitlab-ci.yml').replace('paths: [dist/]', 'pathz: [dist/]'));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("'pathz' property is not expected to be here");
  });

  it('runs npm ci, check, the corrections check and build on merge requests (full history) and keeps dist/', () => {
    const ci = parse(read('.gitlab-ci.yml')) as any;
    expect(ci.workflow.rules[0]).toEqual({ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' });
    expect(ci['check-and-build'].script).toEqual(STEPS);
    expect(ci['check-and-build'].artifacts.paths).toEqual(['dist/']);
    expect(ci['check-and-build'].image).toMatch(/^node:24/);
    expect(ci['check-and-build'].variables.GIT_DEPTH).toBe('0');
  });
});

describe('the pre-commit hook', () => {
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  const env = {
    ...process.env,
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.org',
  };

  /** A repository with the hook, the real `hooks` script, and the check of this project. */
  function repo(): {
    dir: string;
    run: (cmd: string, ...args: string[]) => { status: number | null; out: string };
  } {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-hook-'));
    cpSync(join(ROOT, '.githooks'), join(dir, '.githooks'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        private: true,
        scripts: {
          hooks: pkg.scripts.hooks,
          // The project's check, by absolute path: this scratch repository has no node_modules.
          check: pkg.scripts.check?.replace('scripts/check.ts', join(ROOT, 'scripts/check.ts')),
        },
      }),
    );
    const run = (cmd: string, ...args: string[]) => {
      const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env });
      return { status: r.status, out: r.stdout + r.stderr };
    };
    run('git', 'init', '-q');
    return { dir, run };
  }

  const head = (r: ReturnType<typeof repo>) =>
    r.run('git', 'rev-list', '--count', 'HEAD').out.trim();

  it('`npm run hooks` installs it without global tools, and it blocks a broken staged report', () => {
    expect(pkg.scripts.hooks).toBe('git config core.hooksPath .githooks');
    const r = repo();
    expect(r.run('npm', 'run', '--silent', 'hooks').status).toBe(0);
    expect(r.run('git', 'config', '--get', 'core.hooksPath').out.trim()).toBe('.githooks');

    cpSync(join(ROOT, 'test/fixtures/good/data'), join(r.dir, 'data'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/good/src'), join(r.dir, 'src'), { recursive: true });
    r.run('git', 'add', '-A');
    const ok = r.run('git', 'commit', '-q', '-m', '两份报告');
    expect(ok.out).toContain('内容检查通过：没有发现问题。');
    expect(ok.status).toBe(0);
    expect(head(r)).toBe('1');

    cpSync(
      join(ROOT, 'test/fixtures/wrong-row-length/data/reports/jiyuan-gongan/2020.yaml'),
      join(r.dir, 'data/reports/jiyuan-gongan/2020.yaml'),
    );
    r.run('git', 'add', '-A');
    const bad = r.run('git', 'commit', '-q', '-m', '录错的一行');
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(
      '错误：data/reports/jiyuan-gongan/2020.yaml 第 22 行（applications.received）',
    );
    expect(bad.out).toContain('检查没有通过，这次没有提交。');
    expect(head(r)).toBe('1');
  });

  it('checks the staged version, not the working tree; commits without content skip it', () => {
    const r = repo();
    r.run('npm', 'run', '--silent', 'hooks');
    cpSync(join(ROOT, 'test/fixtures/good/data'), join(r.dir, 'data'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/good/src'), join(r.dir, 'src'), { recursive: true });
    r.run('git', 'add', '-A');
    // Broken after staging: the commit holds the staged, valid version.
    writeFileSync(join(r.dir, 'data/reports/jiyuan-gongan/2020.yaml'), 'template: [');
    const staged = r.run('git', 'commit', '-q', '-m', '暂存区正确');
    expect(staged.status).toBe(0);
    expect(staged.out).toContain('内容检查通过');

    writeFileSync(join(r.dir, 'README.md'), '说明\n');
    r.run('git', 'add', 'README.md');
    const docs = r.run('git', 'commit', '-q', '-m', '只改说明');
    expect(docs.status).toBe(0);
    expect(docs.out).not.toContain('提交前检查');
    expect(head(r)).toBe('2');
  });

  it('is executable in git (mode 100755)', () => {
    const ls = spawnSync('git', ['ls-files', '-s', '.githooks/pre-commit'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ls.stdout.split(' ')[0]).toBe('100755');
  });
});

describe('a quiet npm ci', () => {
  it('every dependency with an install script is reviewed in allowScripts (no npm warn install-scripts)', () => {
    const run = spawnSync('npm', ['install-scripts', 'ls'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('No packages with unreviewed install scripts.');
    expect(run.status).toBe(0);
  });
});
