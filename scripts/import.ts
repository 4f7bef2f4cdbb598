/**
 * `npm run import -- <file> --agency <id> [--year <yyyy>] [--out <dir>] [--force] [--allow-partial]`
 *
 * Turns a published report (a PDF, a .docx, an .xlsx, a saved HTML page in any declared encoding,
 * text copied from a web page, `pdftotext -layout` output, a markdown conversion of a PDF) into
 * data/reports/<agency>/<year>.yaml and
 * src/content/reports/<agency>/<year>.mdx, adds the agency to data/agencies.yaml when it is
 * missing, then runs the same checks as `npm run check`.
 *
 * Exit code 0: everything read and the content check passes. 1: something was not read (the
 * summary lists it; nothing is written unless --allow-partial), the file cannot be read at all
 * (a refused kind, a broken or hostile file: nothing is written), or the check found errors.
 * 2: wrong arguments, or files exist and --force was not given.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES_FILE, DATA_DIR, PROSE_DIR, loadArchive } from '../src/lib/content/archive.ts';
import { SLUG, readAgencies } from '../src/lib/content/agencies.ts';
import { guessAgency } from '../src/lib/importer/agency-guess.ts';
import { importReport, summaryLines } from '../src/lib/importer/import-report.ts';
import { InputError, KIND_LABEL, readInputFile } from '../src/lib/importer/inputs/index.ts';
import { yamlScalar } from '../src/lib/importer/write-yaml.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';

const USAGE =
  '用法：npm run import -- <原文文件> --agency <机构id> [--year <年份>] [--out <目录>] [--force] [--allow-partial]';

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
const file = positionals[0];
if (!file || positionals.length > 1) fail('请给出一个原文文件。');
if (!values.agency || !SLUG.test(values.agency)) {
  fail('请用 --agency 给出机构 id（小写英文字母、数字和连字符，例如 jiyuan-gongan）。');
}
const agencyId = values.agency;
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail('--year 应为四位年份。');
const out = resolve(values.out ?? process.cwd());
if (!existsSync(file)) fail(`找不到文件 ${file}。`);

let input;
try {
  input = await readInputFile(file);
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  console.error(`无法导入：${e.message}\n没有写入任何文件。`);
  process.exit(1);
}
const result = importReport(input.text, {
  fileName: basename(file),
  inputUnplaced: input.unplaced,
  ...(values.year ? { year: Number(values.year) } : {}),
});
const year = result.year;
if (year === null) fail('标题中没有年份：请用 --year 给出报告年度。');

const print = (line = '') => console.log(line);
print(`原文：${file}（${KIND_LABEL[input.kind]}）`);
for (const note of input.notes) print(`  ${note}`);
print(`标题：${result.title ?? '（未找到）'}`);
print(
  `年度：${year}　发布日期：${result.published ?? '（未找到）'}　原文地址：${result.source ?? '（未找到）'}`,
);
print(`模板：${result.template} 年版（${result.templateEvidence}）`);
print(`表格中的数字：共 ${result.numbersSeen} 个，放入单元格 ${result.numbersPlaced} 个。`);
// Numbers whose row or column the page layout did not establish are listed, never placed.
const summary = summaryLines(result);
const complete = result.complete;
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

if (!complete && !values['allow-partial']) {
  print(
    '导入不完整：没有写入任何文件。请对照原文核对上面列出的内容；如需先写出草稿，加上 --allow-partial。',
  );
  process.exit(1);
}

const dataFile = join(DATA_DIR, agencyId, `${year}.yaml`);
const proseFile = join(PROSE_DIR, agencyId, `${year}.mdx`);
const existing = [dataFile, proseFile].filter((f) => existsSync(join(out, f)));
if (existing.length > 0 && !values.force) {
  fail(`文件已存在，没有覆盖：${existing.join('、')}。确需覆盖请加上 --force。`);
}
for (const [rel, text] of [
  [dataFile, result.yaml],
  [proseFile, result.mdx],
] as const) {
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), text);
  print(`已写入 ${rel}${complete ? '' : '（草稿，导入不完整）'}`);
}

// The agency, when it is not registered yet.
const agenciesPath = join(out, AGENCIES_FILE);
const known = existsSync(agenciesPath)
  ? readAgencies(AGENCIES_FILE, readFileSync(agenciesPath, 'utf8'), []).some(
      (a) => a.id === agencyId,
    ) || new RegExp(`^- id: ${agencyId}\\s*$`, 'm').test(readFileSync(agenciesPath, 'utf8'))
  : false;
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
  mkdirSync(dirname(agenciesPath), { recursive: true });
  if (existsSync(agenciesPath)) {
    const text = readFileSync(agenciesPath, 'utf8');
    appendFileSync(agenciesPath, text.endsWith('\n') ? entry.slice(1) : entry);
  } else writeFileSync(agenciesPath, entry.slice(1));
  print(
    `已在 ${AGENCIES_FILE} 中添加机构「${name}」（${agencyId}）：level: ${guess.level}、kind: ${guess.kind}、region: ${guess.region} 是按名称推测的，请核对并改正。`,
  );
}

print();
print('内容检查（与 npm run check 相同）：');
const archive = loadArchive(out);
print(formatReport(archive.problems));
process.exitCode = !complete || hasErrors(archive.problems) ? 1 : 0;
