/** `npm run import` as an editor runs it: files written, agency added, exit codes, messages. */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { renderReport } from '../support/make-import-inputs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, 'test/fixtures/corpus');
const dirs: string[] = [];

/** An empty archive with one agency, in a temporary folder. */
function archive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'test/fixtures/good/data/agencies.yaml'), join(dir, 'data/agencies.yaml'));
  return dir;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('writes both files, adds the agency and runs the content check', () => {
    const out = archive();
    const r = run(
      join(CORPUS, '2023-shuyangxian-fagaiju.txt'),
      '--agency',
      'shuyangxian-fagaiju',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('表格中的数字：共 75 个，放入单元格 75 个。');
    expect(r.stdout).toContain('已写入 data/reports/shuyangxian-fagaiju/2023.yaml');
    expect(r.stdout).toContain(
      '已在 data/agencies.yaml 中添加机构「沭阳县发展和改革局」（shuyangxian-fagaiju）：level: county、kind: department、region: 沭阳县 是按名称推测的，请核对并改正。',
    );
    expect(r.stdout).toContain('内容检查通过：没有发现问题。');
    expect(readFileSync(join(out, 'data/agencies.yaml'), 'utf8')).toContain(
      '- id: shuyangxian-fagaiju\n  name: 沭阳县发展和改革局\n  level: county\n  kind: department\n  region: 沭阳县\n',
    );
    expect(existsSync(join(out, 'src/content/reports/shuyangxian-fagaiju/2023.mdx'))).toBe(true);

    const again = run(
      join(CORPUS, '2023-shuyangxian-fagaiju.txt'),
      '--agency',
      'shuyangxian-fagaiju',
      '--out',
      out,
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('文件已存在，没有覆盖');
    const forced = run(
      join(CORPUS, '2023-shuyangxian-fagaiju.txt'),
      '--agency',
      'shuyangxian-fagaiju',
      '--out',
      out,
      '--force',
    );
    expect(forced.status).toBe(0);
    expect(forced.stdout).not.toContain('已在 data/agencies.yaml 中添加');
  }, 90_000);

  it('refuses an incomplete import, listing what is missing, and writes nothing', () => {
    const out = archive();
    const r = run(
      join(CORPUS, '2020-jiyuan-gongan.txt'),
      '--agency',
      'jiyuan-gongan',
      '--out',
      out,
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `未放入的数字：原文第 88 行 ${'「0」'.repeat(16)}：表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入。`,
    );
    expect(r.stdout).toContain('导入不完整：没有写入任何文件。');
    expect(existsSync(join(out, 'data/reports'))).toBe(false);
  });

  it("names the copied text's own line for a row whose blanks the copy lost", () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-copy-'));
    dirs.push(dir);
    // A browser copy of the page: every paragraph and table cell on a line of its own.
    const copy = parse(renderReport('shanghai-shizhengfu-bangongting/2019'))
      .querySelectorAll('h1, p, td')
      .map((el) => el.textContent.trim())
      .join('\n');
    expect(copy.split('\n')[90]).toBe('一、本年新收政府信息公开申请数量');
    writeFileSync(join(dir, 'copy.txt'), copy);
    const r = run(
      join(dir, 'copy.txt'),
      '--agency',
      'shanghai-shizhengfu-bangongting',
      '--out',
      archive(),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '未放入的数字：原文第 91 行 「821」「35」「2」「1」「859」：表三「一、本年新收政府信息公开申请数量」行只读到 5 个单元格（应为 7 个），无法确定哪些单元格空白。',
    );
  });

  it('--allow-partial writes the draft, marked, and still exits 1', () => {
    const out = archive();
    const r = run(
      join(CORPUS, '2020-jiyuan-gongan.txt'),
      '--agency',
      'jiyuan-gongan',
      '--out',
      out,
      '--allow-partial',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('已写入 data/reports/jiyuan-gongan/2020.yaml（草稿，导入不完整）');
    const yaml = readFileSync(join(out, 'data/reports/jiyuan-gongan/2020.yaml'), 'utf8');
    expect(yaml).toContain('# 草稿：导入不完整');
  });

  it('reports wrong arguments', () => {
    const r = run(join(CORPUS, '2020-jiyuan-gongan.txt'), '--agency', 'Jiyuan Gongan');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--agency 应为机构 id');
    expect(run().stderr).toContain('请给出原文文件或文件夹。');
  });

  it('without --agency, one file whose agency is not registered is refused with the reason', () => {
    const out = archive();
    const r = run(join(CORPUS, '2023-shuyangxian-fagaiju.txt'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      '机构「沭阳县发展和改革局」不在 data/agencies.yaml 中，无法自动给出机构 id',
    );
    expect(existsSync(join(out, 'data/reports'))).toBe(false);
  });
});

describe('npm run import with a folder (batch)', () => {
  /** A folder of inputs: two corpus reports and a .doc the importer refuses. */
  function inputs(): string {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-in-'));
    dirs.push(dir);
    cpSync(join(CORPUS, '2023-shuyangxian-fagaiju.txt'), join(dir, 'a-shuyang.txt'));
    cpSync(join(CORPUS, '2020-jiyuan-gongan.txt'), join(dir, 'b-jiyuan.txt'));
    writeFileSync(join(dir, 'c-old.doc'), 'not read');
    writeFileSync(join(dir, 'notes.odt'), 'ignored');
    return dir;
  }
  /** An archive that knows the demo's agencies (their names are what the titles print). */
  function demoArchive(): string {
    const dir = archive();
    cpSync(join(ROOT, 'data/agencies.yaml'), join(dir, 'data/agencies.yaml'));
    return dir;
  }

  it('imports each file, derives the agency from the title, prints one summary table', () => {
    const out = demoArchive();
    const dir = inputs();
    writeFileSync(join(dir, 'c-old.doc'), 'x');
    const r = run(dir, join(dir, 'c-old.doc'), '--out', out);
    expect(r.stdout).toContain(`[1/3] ${join(dir, 'a-shuyang.txt')}`);
    expect(r.stdout).toContain('导入汇总（3 个文件）：');
    const table = r.stdout.slice(r.stdout.indexOf('导入汇总')).split('\n');
    expect(table[1]).toMatch(/^文件 +机构 +年度 +模板 +放入 +未放入 +不符 +结果$/u);
    expect(table[2]).toMatch(
      /^a-shuyang\.txt +shuyangxian-fagaiju +2023 +2021 +75 +0 +0 +已写入$/u,
    );
    expect(table[3]).toMatch(
      /^b-jiyuan\.txt +jiyuan-gongan +2020 +2019 +183 +16 +0 +未写入：导入不完整（加 --allow-partial 可写出草稿）$/u,
    );
    expect(table[4]).toMatch(/^c-old\.doc( +-){6} +未写入：/u);
    expect(r.stdout).toContain('2 个文件没有完整读取或没有写入（见上表）。');
    expect(r.status).toBe(1);
    expect(existsSync(join(out, 'data/reports/shuyangxian-fagaiju/2023.yaml'))).toBe(true);
    expect(existsSync(join(out, 'data/reports/jiyuan-gongan/2020.yaml'))).toBe(false);
    // Written through a temporary name: none is left behind.
    expect(readdirSync(join(out, 'data/reports/shuyangxian-fagaiju'))).toEqual(['2023.yaml']);
  });

  it('never overwrites without --force, and says why in the summary', () => {
    const out = demoArchive();
    const dir = inputs();
    rmSync(join(dir, 'c-old.doc'));
    run(dir, '--out', out);
    const yaml = join(out, 'data/reports/shuyangxian-fagaiju/2023.yaml');
    writeFileSync(yaml, '# edited by an editor\n');
    const again = run(dir, '--out', out);
    expect(again.stdout).toMatch(/a-shuyang\.txt .*未写入：文件已存在（加 --force 覆盖）/u);
    expect(readFileSync(yaml, 'utf8')).toBe('# edited by an editor\n');
    expect(again.status).toBe(1);
    const forced = run(dir, '--out', out, '--force');
    expect(forced.stdout).toMatch(/a-shuyang\.txt .*已写入\n/u);
    expect(readFileSync(yaml, 'utf8')).not.toContain('edited by an editor');
  }, 90_000);

  it('says when the agency cannot be derived from the document', () => {
    const out = archive();
    const dir = inputs();
    const r = run(dir, '--out', out);
    expect(r.stdout).toMatch(
      /a-shuyang\.txt +- +2023 +2021 +75 +0 +0 +未写入：机构「沭阳县发展和改革局」不在 data\/agencies\.yaml 中/u,
    );
    expect(r.status).toBe(1);
  });
});

describe('npm run import interrupted in the middle of a batch', () => {
  it('leaves no temporary or half-written file; the files written before are whole', async () => {
    const out = archive();
    cpSync(join(ROOT, 'data/agencies.yaml'), join(out, 'data/agencies.yaml'));
    // Thirty reports of one agency, one per year: each import writes its own two files.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-in-'));
    dirs.push(dir);
    const text = readFileSync(join(CORPUS, '2023-shuyangxian-fagaiju.txt'), 'utf8');
    const years = Array.from({ length: 30 }, (_, i) => 2024 + i);
    const inputs = new Map<number, string>();
    for (const y of years) {
      const t = text.replaceAll('沭阳县发展和改革局2023年', `沭阳县发展和改革局${y}年`);
      inputs.set(y, t);
      writeFileSync(join(dir, `r-${y}.txt`), t);
    }
    const child = spawn(process.execPath, ['scripts/import.ts', dir, '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      // Interrupt once three reports are written and the fourth is being read.
      if (!sent && stdout.includes('[4/30]')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('导入被中断：正在写入的文件已删除，已写完的文件保留。');
    expect(stdout).not.toContain('导入汇总');
    const files = (sub: string) => readdirSync(join(out, sub), { recursive: true }).map(String);
    const yamls = files('data/reports/shuyangxian-fagaiju');
    const mdxs = files('src/content/reports/shuyangxian-fagaiju');
    // Stopped mid-batch: some reports written, not all; nothing temporary anywhere.
    expect(yamls.length).toBeGreaterThanOrEqual(3);
    expect(yamls.length).toBeLessThan(30);
    expect([...files('data'), ...files('src')].filter((f) => /\.tmp$/u.test(f))).toEqual([]);
    // Every report written is whole: both of its files, each exactly what a full import writes.
    expect(mdxs.map((f) => f.replace('.mdx', '')).sort()).toEqual(
      yamls.map((f) => f.replace('.yaml', '')).sort(),
    );
    for (const f of yamls) {
      const year = Number(f.replace('.yaml', ''));
      const expected = importReport(inputs.get(year) ?? '', { fileName: `r-${year}.txt` });
      expect(readFileSync(join(out, 'data/reports/shuyangxian-fagaiju', f), 'utf8')).toBe(
        expected.yaml,
      );
      expect(
        readFileSync(join(out, 'src/content/reports/shuyangxian-fagaiju', `${year}.mdx`), 'utf8'),
      ).toBe(expected.mdx);
    }
  }, 90_000);
});
