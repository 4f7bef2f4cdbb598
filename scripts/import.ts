/**
 * `npm run import -- <file | folder>… [--agency <id>] [--year <yyyy>] [--out <dir>] [--force] [--allow-partial]`
 *
 * Turns published reports (PDF, .docx, .xlsx, a saved HTML page in any declared encoding, text
 * copied from a web page, `pdftotext -layout` output, a markdown conversion of a PDF) into
 * data/reports/<agency>/<year>.yaml and src/content/reports/<agency>/<year>.mdx, adds the agency
 * to data/agencies.yaml when it is missing (only with --agency), then runs the same checks as
 * `npm run check`. Several files or folders are imported one after another, with one summary
 * table at the end.
 *
 * The agency: --agency, or else the agency of data/agencies.yaml whose name the report's title
 * prints; when neither gives one, that file is not written and the summary says why.
 *
 * Files are written to a temporary name and renamed: an interrupted import leaves no half-written
 * file. Existing files are never overwritten without --force.
 *
 * Exit code 0: every file read completely and the content check passes. 1: a file was not read
 * completely or not written (the summary lists each), or the check found errors. 2: wrong
 * arguments, or (one file) files exist and --force was not given.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES_FILE, DATA_DIR, PROSE_DIR, loadArchive } from '../src/lib/content/archive.ts';
import { SLUG, readAgencies } from '../src/lib/content/agencies.ts';
import { guessAgency } from '../src/lib/importer/agency-guess.ts';
import {
  importReport,
  summaryLines,
  type ImportResult,
} from '../src/lib/importer/import-report.ts';
import { InputError, KIND_LABEL, readInputFile } from '../src/lib/importer/inputs/index.ts';
import { yamlScalar } from '../src/lib/importer/write-yaml.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';

const USAGE =
  '用法：npm run import -- <原文文件或文件夹>… [--agency <机构id>] [--year <年份>] [--out <目录>] [--force] [--allow-partial]';

/** What a folder may hold that the importer reads. */
const INPUT_EXTENSIONS = new Set(['.pdf', '.docx', '.xlsx', '.html', '.htm', '.txt', '.md']);

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'allow-partial': { type: 'boolean', default: false },
    },
  });
} catch (e) {
  fail(`参数有误：${(e as Error).message}`);
}
const { values, positionals } = args;
if (positionals.length === 0) fail('请给出原文文件或文件夹。');
if (values.agency !== undefined && !SLUG.test(values.agency)) {
  fail('--agency 应为机构 id（小写英文字母、数字和连字符，例如 jiyuan-gongan）。');
}
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail('--year 应为四位年份。');
const out = resolve(values.out ?? process.cwd());

/** Files of a folder (and its sub-folders) the importer reads, sorted. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return filesIn(path);
      return INPUT_EXTENSIONS.has(extname(e.name).toLowerCase()) ? [path] : [];
    });
}
const files: string[] = [];
for (const p of positionals) {
  if (!existsSync(p)) fail(`找不到文件 ${p}。`);
  if (statSync(p).isDirectory()) files.push(...filesIn(p));
  else files.push(p);
}
if (files.length === 0) fail('文件夹中没有可导入的文件（.pdf .docx .xlsx .html .htm .txt .md）。');
const batch = files.length > 1 || positionals.some((p) => statSync(p).isDirectory());

const print = (line = '') => console.log(line);

// Temporary files in flight: removed when the import is interrupted, so nothing half-written stays.
const inFlight = new Set<string>();
const interrupted = () => {
  for (const t of inFlight) rmSync(t, { force: true });
  console.error('\n导入被中断：正在写入的文件已删除，已写完的文件保留。');
  process.exit(130);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

/** Writes all files or none of them: each to a temporary name first, then renamed. */
function writeAll(entries: readonly (readonly [string, string])[]): void {
  const temps = entries.map(([rel, text]) => {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    inFlight.add(temp);
    writeFileSync(temp, text);
    return { temp, path };
  });
  for (const { temp, path } of temps) {
    renameSync(temp, path);
    inFlight.delete(temp);
  }
}

function agenciesText(): string {
  const path = join(out, AGENCIES_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** The agency id: --agency, or the registered agency with the name the title prints. */
function agencyFor(result: ImportResult): { id: string } | { why: string } {
  if (values.agency) return { id: values.agency };
  const name = result.agencyName;
  if (!name) return { why: '标题中没有机构名称，无法确定机构：请用 --agency 指定' };
  const known = readAgencies(AGENCIES_FILE, agenciesText(), []).find((a) => a.name === name);
  if (!known) {
    return {
      why: `机构「${name}」不在 ${AGENCIES_FILE} 中，无法自动给出机构 id：请先添加该机构，或单独导入此文件并用 --agency 指定`,
    };
  }
  return { id: known.id };
}

interface Row {
  readonly file: string;
  readonly agency: string;
  readonly year: string;
  readonly template: string;
  readonly placed: string;
  readonly unplaced: string;
  readonly discrepancies: string;
  readonly outcome: string;
  /** Everything read and written. */
  readonly ok: boolean;
}
const rows: Row[] = [];
/** Exit code 2 in single-file mode: files exist and --force was not given. */
let refusedOverwrite = false;

for (const [n, file] of files.entries()) {
  if (batch) {
    print();
    print(`[${n + 1}/${files.length}] ${file}`);
  }
  const row = (r: Partial<Row> & { outcome: string; ok: boolean }): void => {
    rows.push({
      file: basename(file),
      agency: '-',
      year: '-',
      template: '-',
      placed: '-',
      unplaced: '-',
      discrepancies: '-',
      ...r,
    });
  };
  let input;
  try {
    input = await readInputFile(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    console.error(`无法导入：${e.message}\n没有写入任何文件。`);
    row({ outcome: `未写入：${e.message}`, ok: false });
    continue;
  }
  const result = importReport(input.text, {
    fileName: basename(file),
    inputUnplaced: input.unplaced,
    ...(input.places ? { places: input.places } : {}),
    ...(values.year ? { year: Number(values.year) } : {}),
  });
  const year = result.year;
  const notPlaced =
    result.numbersSeen -
    result.numbersPlaced +
    result.inputUnplaced.reduce((s, u) => s + u.values.length, 0);
  const counts = {
    template: String(result.template),
    placed: String(result.numbersPlaced),
    unplaced: String(notPlaced),
    discrepancies: String(result.discrepancies.length),
  };

  print(`原文：${file}（${KIND_LABEL[input.kind]}）`);
  for (const note of input.notes) print(`  ${note}`);
  print(`标题：${result.title ?? '（未找到）'}`);
  print(
    `年度：${year ?? '（未找到）'}　发布日期：${result.published ?? '（未找到）'}　原文地址：${result.source ?? '（未找到）'}`,
  );
  print(`模板：${result.template} 年版（${result.templateEvidence}）`);
  print(`表格中的数字：共 ${result.numbersSeen} 个，放入单元格 ${result.numbersPlaced} 个。`);
  // Numbers whose row or column the page layout did not establish are listed, never placed.
  const summary = summaryLines(result);
  if (summary.length > 0) {
    print();
    for (const l of summary) print(l);
  }
  if (result.discrepancies.length > 0) {
    print();
    print(
      `原文数字不符合 ${result.discrepancies.length} 条勾稽关系，已按原文录入并写在 discrepancies 下，请对照原文确认：`,
    );
    for (const d of result.discrepancies) print(`  ${d.check}：${d.left} ≠ ${d.right}`);
  }
  print();

  if (year === null) {
    const why = '标题中没有年份：请用 --year 给出报告年度。';
    if (!batch) fail(why);
    print(why);
    row({ ...counts, outcome: `未写入：${why}`, ok: false });
    continue;
  }
  const agency = agencyFor(result);
  if ('why' in agency) {
    if (!batch) fail(`${agency.why}。`);
    print(`${agency.why}。没有写入。`);
    row({ ...counts, year: String(year), outcome: `未写入：${agency.why}`, ok: false });
    continue;
  }
  const agencyId = agency.id;
  const base = { ...counts, agency: agencyId, year: String(year) };
  const complete = result.complete;
  if (!complete && !values['allow-partial']) {
    print(
      '导入不完整：没有写入任何文件。请对照原文核对上面列出的内容；如需先写出草稿，加上 --allow-partial。',
    );
    row({ ...base, outcome: '未写入：导入不完整（加 --allow-partial 可写出草稿）', ok: false });
    continue;
  }

  const dataFile = join(DATA_DIR, agencyId, `${year}.yaml`);
  const proseFile = join(PROSE_DIR, agencyId, `${year}.mdx`);
  const existing = [dataFile, proseFile].filter((f) => existsSync(join(out, f)));
  if (existing.length > 0 && !values.force) {
    const why = `文件已存在，没有覆盖：${existing.join('、')}。确需覆盖请加上 --force。`;
    if (!batch) {
      refusedOverwrite = true;
      console.error(`${why}\n${USAGE}`);
    } else print(why);
    row({ ...base, outcome: '未写入：文件已存在（加 --force 覆盖）', ok: false });
    continue;
  }
  writeAll([
    [dataFile, result.yaml],
    [proseFile, result.mdx],
  ]);
  for (const rel of [dataFile, proseFile]) {
    print(
      `已写入 ${rel}${complete ? (result.draft ? '（草稿：请核对后删去 status: draft）' : '') : '（草稿，导入不完整）'}`,
    );
  }
  row({
    ...base,
    outcome: complete ? (result.draft ? '已写入（草稿）' : '已写入') : '已写入（草稿，导入不完整）',
    ok: complete,
  });

  // The agency, when it is not registered yet (only an id given with --agency can be missing).
  const text = agenciesText();
  const known =
    text !== '' &&
    (readAgencies(AGENCIES_FILE, text, []).some((a) => a.id === agencyId) ||
      new RegExp(`^- id: ${agencyId}\\s*$`, 'm').test(text));
  if (!known) {
    const name = result.agencyName ?? agencyId;
    const guess = guessAgency(name);
    const entry = [
      '',
      `# 由 npm run import 从 ${basename(file)} 添加：name 取自报告标题，level、kind、region 为推测，请核对。`,
      `- id: ${agencyId}`,
      `  name: ${yamlScalar(name)}`,
      `  level: ${guess.level}`,
      `  kind: ${guess.kind}`,
      `  region: ${yamlScalar(guess.region)}`,
      '',
    ].join('\n');
    const agenciesPath = join(out, AGENCIES_FILE);
    mkdirSync(dirname(agenciesPath), { recursive: true });
    if (text !== '') appendFileSync(agenciesPath, text.endsWith('\n') ? entry.slice(1) : entry);
    else writeAll([[AGENCIES_FILE, entry.slice(1)]]);
    print(
      `已在 ${AGENCIES_FILE} 中添加机构「${name}」（${agencyId}）：level: ${guess.level}、kind: ${guess.kind}、region: ${guess.region} 是按名称推测的，请核对并改正。`,
    );
  }
}

if (batch) {
  print();
  print(`导入汇总（${files.length} 个文件）：`);
  const header: Row = {
    file: '文件',
    agency: '机构',
    year: '年度',
    template: '模板',
    placed: '放入',
    unplaced: '未放入',
    discrepancies: '不符',
    outcome: '结果',
    ok: true,
  };
  const keys = [
    'file',
    'agency',
    'year',
    'template',
    'placed',
    'unplaced',
    'discrepancies',
  ] as const;
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1), 0);
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => width(r[k]))));
  for (const r of [header, ...rows]) {
    const cells = keys.map((k, i) => r[k] + ' '.repeat((widths[i] ?? 0) - width(r[k])));
    print([...cells, r.outcome].join('  '));
  }
  const bad = rows.filter((r) => !r.ok).length;
  print(
    bad === 0 ? '全部文件已完整读取并写入。' : `${bad} 个文件没有完整读取或没有写入（见上表）。`,
  );
}

if (refusedOverwrite) process.exit(2);
if (rows.every((r) => r.outcome.startsWith('未写入'))) {
  process.exit(1);
}
print();
print('内容检查（与 npm run check 相同）：');
const archive = loadArchive(out);
print(formatReport(archive.problems));
process.exitCode = rows.some((r) => !r.ok) || hasErrors(archive.problems) ? 1 : 0;
