/**
 * Makes the documents of test/fixtures/import-inputs/generated/ the way agencies make theirs:
 * each report of the demo archive (hand-checked YAML and MDX, from the corpus) is rendered as a
 * portal's article page (tables with merged cells, a narrow vertical group column, header cells
 * one or two characters wide), then
 *   - printed to PDF by Chromium (`--print-to-pdf`, A4),
 *   - opened by LibreOffice Writer and saved as .docx, and that .docx exported to PDF,
 *   - saved once more as a GBK page (`<meta charset="gb2312">`, encoded by iconv),
 *   - its three tables opened by LibreOffice Calc and saved as .xlsx;
 * every PDF is then recompressed losslessly by qpdf (object streams) to keep the repository small,
 * and one small PDF is encrypted by qpdf (a password to open it) for the hostile-input tests.
 *
 * Run by hand (`npx node test/support/make-import-inputs.ts`) where /usr/bin/chromium, soffice
 * (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui, fonts-noto-cjk), qpdf and iconv exist;
 * the outputs are committed, and the tests only read them.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { textPage, tinyPdf } from './tiny-pdf.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  APPLICATIONS_CORNER,
  APPLICATIONS_COLUMN_HEADER,
  PROACTIVE_ROW_HEADER,
  type ApplicationRow,
  type TemplateVersion,
} from '../../src/lib/template/declarations.ts';
import { templateOf } from '../../src/lib/template/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/import-inputs/generated');

/** The reports rendered: id under data/reports and src/content/reports. */
export const GENERATED_REPORTS = [
  'huaianshi-zhengfu/2024',
  'jiyuan-gongan/2020',
  'shanghai-shizhengfu-bangongting/2019',
  'shanghai-shizhengfu-bangongting/2025',
  'shuyangxian-fagaiju/2023',
] as const;

type Cells = Readonly<Record<string, number | null>>;

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function cell(path: string, cells: Cells, notes: Readonly<Record<string, string>>): string {
  const v = cells[path];
  const note = notes[path];
  if (note !== undefined) {
    const printed =
      v !== null && v !== undefined && !note.startsWith(String(v)) ? `${v}${note}` : note;
    return `<td>${esc(printed)}</td>`;
  }
  return `<td>${v === null || v === undefined ? '' : String(v)}</td>`;
}

function proactiveTable(
  version: TemplateVersion,
  cells: Cells,
  notes: Readonly<Record<string, string>>,
): string {
  const rows: string[] = [];
  for (const s of templateOf(version).proactive) {
    rows.push(`<tr><td colspan="4" class="sub">${esc(s.heading)}</td></tr>`);
    const span = 4 - s.columns.length;
    rows.push(
      `<tr><td>${PROACTIVE_ROW_HEADER}</td>${s.columns
        .map(
          (c, k) =>
            `<td${k === s.columns.length - 1 && span > 1 ? ` colspan="${span}"` : ''}>${esc(c.label)}</td>`,
        )
        .join('')}</tr>`,
    );
    for (const r of s.rows) {
      rows.push(
        `<tr><td>${esc(r.label)}</td>${s.columns
          .map((c, k) => {
            const td = cell(`proactive.${r.id}.${c.id}`, cells, notes);
            return k === s.columns.length - 1 && span > 1
              ? td.replace('<td>', `<td colspan="${span}">`)
              : td;
          })
          .join('')}</tr>`,
      );
    }
  }
  return `<table class="t2">${rows.join('\n')}</table>`;
}

function leafCount(row: ApplicationRow): number {
  return row.children ? row.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

function applicationsTable(version: TemplateVersion, cells: Cells): string {
  const rows: string[] = [
    `<tr><td colspan="3" rowspan="3" class="corner">${esc(APPLICATIONS_CORNER)}</td><td colspan="7">${APPLICATIONS_COLUMN_HEADER}</td></tr>`,
    `<tr><td rowspan="2" class="h">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2" class="h">总计</td></tr>`,
    `<tr>${APPLICATION_COLUMNS.slice(1, 6)
      .map((c) => `<td class="h">${esc(c.label)}</td>`)
      .join('')}</tr>`,
  ];
  const values = (keys: readonly string[]) =>
    APPLICATION_COLUMNS.map((c) => cell(['applications', ...keys, c.id].join('.'), cells, {})).join(
      '',
    );
  for (const top of templateOf(version).applicationRows) {
    if (!top.children) {
      rows.push(`<tr><td colspan="3">${esc(top.label)}</td>${values([top.key ?? ''])}</tr>`);
      continue;
    }
    let first = `<td rowspan="${leafCount(top)}" class="group">${esc(top.label)}</td>`;
    for (const mid of top.children) {
      if (!mid.children) {
        rows.push(
          `<tr>${first}<td colspan="2">${esc(mid.label)}</td>${values([mid.key ?? ''])}</tr>`,
        );
        first = '';
        continue;
      }
      let second = `<td rowspan="${mid.children.length}" class="sub2">${esc(mid.label)}</td>`;
      for (const leaf of mid.children) {
        rows.push(
          `<tr>${first}${second}<td>${esc(leaf.label)}</td>${values([mid.key ?? '', leaf.key ?? ''])}</tr>`,
        );
        first = '';
        second = '';
      }
    }
  }
  return `<table class="t3">${rows.join('\n')}</table>`;
}

function appealsTable(cells: Cells): string {
  const [review, ...litigation] = APPEALS_ROWS;
  const head1 = `<tr><td colspan="5">${esc(review?.labels[0] ?? '')}</td><td colspan="10">${esc(litigation[0]?.labels[0] ?? '')}</td></tr>`;
  const head2 = `<tr>${APPEALS_COLUMNS.map((c) => `<td rowspan="2" class="h">${esc(c.label)}</td>`).join('')}${litigation
    .map((r) => `<td colspan="5">${esc(r.labels[1] ?? '')}</td>`)
    .join('')}</tr>`;
  const head3 = `<tr>${litigation.map(() => APPEALS_COLUMNS.map((c) => `<td class="h">${esc(c.label)}</td>`).join('')).join('')}</tr>`;
  const data = `<tr>${APPEALS_ROWS.flatMap((r) => APPEALS_COLUMNS.map((c) => cell(`appeals.${r.id}.${c.id}`, cells, {}))).join('')}</tr>`;
  return `<table class="t4">${head1}\n${head2}\n${head3}\n${data}</table>`;
}

const STYLE = `
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16px; line-height: 1.75; }
.article { width: 40em; margin: 0 auto; }
h1 { text-align: center; font-size: 22px; font-weight: normal; }
p { text-indent: 2em; margin: 0; }
p.h { font-weight: bold; }
table { border-collapse: collapse; margin: 8px auto; font-size: 12px; line-height: 1.3; }
td { border: 1px solid #000; padding: 3px 4px; text-align: center; }
td.sub { background: #eee; text-align: left; }
td.group { width: 2em; }
td.sub2 { width: 3em; }
td.h { width: 2.2em; }
.t3 td:first-child, .t3 td[colspan="2"], .t3 td[colspan="3"] { text-align: left; }
`;

/** The article page of one report, as a portal publishes it. */
export function renderReport(id: string, charset = 'utf-8'): string {
  const data = readReportData(
    `${id}.yaml`,
    readFileSync(join(ROOT, `data/reports/${id}.yaml`), 'utf8'),
    [],
  );
  const tables = data.tables;
  if (!tables) throw new Error(`no tables in ${id}`);
  const mdx = readFileSync(join(ROOT, `src/content/reports/${id}.mdx`), 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(mdx) ?? [];
  const title = /^title:\s*(.+)$/mu.exec(front)?.[1]?.replace(/^['"]|['"]$/gu, '') ?? id;
  const unescape = (s: string) => s.replace(/\\([\\{}<>*[\]`~&#+=.)-])/gu, '$1');
  const parts: string[] = [];
  for (const block of body.split(/\n{2,}/u)) {
    const t = block.trim();
    if (t === '') continue;
    if (t === '<ProactiveTable />')
      parts.push(proactiveTable(tables.template, tables.cells, tables.cellNotes));
    else if (t === '<ApplicationsTable />')
      parts.push(applicationsTable(tables.template, tables.cells));
    else if (t === '<AppealsTable />') parts.push(appealsTable(tables.cells));
    else if (t.startsWith('## ')) parts.push(`<p class="h">${esc(unescape(t.slice(3)))}</p>`);
    else if (t.startsWith('### ')) parts.push(`<p>${esc(unescape(t.slice(4)))}</p>`);
    else parts.push(`<p>${esc(unescape(t.replace(/\n/gu, '')))}</p>`);
  }
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="${charset}"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><div class="article"><h1>${esc(title)}</h1>
${parts.join('\n')}
</div></body></html>
`;
}

function tablesOnly(id: string): string {
  const html = renderReport(id);
  const tables = html.match(/<table[\s\S]*?<\/table>/gu) ?? [];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${tables.join('<p></p>')}</body></html>`;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'nianbao-inputs-'));
  const profile = join(work, 'profile');
  try {
    for (const id of GENERATED_REPORTS) {
      const base = id.replace('/', '-');
      const html = join(work, `${base}.html`);
      writeFileSync(html, renderReport(id));
      execFileSync(
        '/usr/bin/chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${join(OUT, `${base}.chromium.pdf`)}`,
          `file://${html}`,
        ],
        { stdio: 'ignore' },
      );
      const soffice = (args: string[]) =>
        execFileSync(
          'soffice',
          ['--headless', `-env:UserInstallation=file://${profile}-lo`, ...args],
          {
            cwd: work,
            stdio: 'ignore',
          },
        );
      soffice([
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        work,
        html,
      ]);
      renameSync(join(work, `${base}.docx`), join(OUT, `${base}.lo.docx`));
      soffice(['--convert-to', 'pdf', '--outdir', work, join(OUT, `${base}.lo.docx`)]);
      renameSync(join(work, `${base}.lo.pdf`), join(OUT, `${base}.lo.pdf`));
      const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], {
        input: renderReport(id, 'gb2312'),
      });
      writeFileSync(join(OUT, `${base}.gbk.html`), gbk);
      const tablesHtml = join(work, `${base}-tables.html`);
      writeFileSync(tablesHtml, tablesOnly(id));
      soffice([
        '--infilter=HTML (StarCalc)',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        work,
        tablesHtml,
      ]);
      renameSync(join(work, `${base}-tables.xlsx`), join(OUT, `${base}.lo.xlsx`));
      for (const pdf of [`${base}.chromium.pdf`, `${base}.lo.pdf`]) {
        const tmp = join(work, 'q.pdf');
        execFileSync('qpdf', [
          '--object-streams=generate',
          '--recompress-flate',
          '--compression-level=9',
          join(OUT, pdf),
          tmp,
        ]);
        renameSync(tmp, join(OUT, pdf));
      }
      console.log(`made ${base}`);
    }
    const plain = join(work, 'plain.pdf');
    writeFileSync(plain, tinyPdf([textPage([{ x: 72, y: 760, text: '2024 annual report' }])]));
    execFileSync('qpdf', [
      '--encrypt',
      'open-me',
      'owner',
      '256',
      '--',
      plain,
      join(OUT, '../hostile/encrypted.pdf'),
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
