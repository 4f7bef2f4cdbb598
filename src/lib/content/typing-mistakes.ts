/**
 * The typing mistakes editors really make in YAML, found in the raw text before the parser sees it,
 * so that each gets one message naming its cause, its line and column, and the fix; instead of the
 * parser's or the reader's follow-on message ("应为 7 个单元格…实为 8 个", "未知字段「234」").
 *
 * Only shapes that cannot be meant are flagged: text inside quotes and comments is never looked at,
 * and Chinese punctuation in plain notes (outside `[ ]`/`{ }`) is left alone. Errors stop the file
 * from being read further (the caller skips parsing it); BOM and CRLF are read correctly and only
 * get a notice.
 */

import type { Problem } from './problems.ts';

export interface TypingScan {
  readonly problems: readonly Problem[];
  /** True when the text should not be parsed: an error was found. */
  readonly fatal: boolean;
}

const FULL_DIGIT = /[０-９]/;
const BLANK_MARKS = new Set(['-', '—', '——', '–', '－', '／', '/', '−']);
/** Top-level keys whose values are cells; notes, reasons and discrepancy text are free text. */
const TABLE_KEYS = new Set(['template', 'proactive', 'applications', 'appeals']);
const FULL_BRACKETS: Record<string, string> = { '［': '[', '］': ']', '｛': '{', '｝': '}' };

const QUOTE_OR_COMMENT = /["'#]/;
const FLOW_BRACKET = /[[\]{}]/;
const INDENT_MARK = /[\t\u3000]/;
const FULL_BRACKET = /[［］｛｝]/;

/** The line with quoted text blanked out (same length) and the comment cut off. */
function maskLine(line: string): string {
  // Most lines have neither quotes nor a comment: the loop below would copy them unchanged.
  if (!QUOTE_OR_COMMENT.test(line)) return line;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) {
        if (quote === "'" && line[i + 1] === "'") {
          out += '  ';
          i++;
          continue;
        }
        quote = undefined;
        out += ch;
      } else if (quote === '"' && ch === '\\') {
        out += '  ';
        i++;
      } else out += ' ';
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]!))) quote = ch;
    out += ch;
  }
  return out;
}

const toHalfWidth = (s: string) =>
  s.replace(/[０-９，．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Scans one YAML file's raw text. `file` is the path shown to the editor. */
export function scanTypingMistakes(file: string, text: string): TypingScan {
  const problems: Problem[] = [];
  const error = (line: number, column: number, field: string | undefined, message: string) =>
    problems.push({ severity: 'error', file, line, column, ...(field ? { field } : {}), message });

  if (text.startsWith('\uFEFF')) {
    problems.push({
      severity: 'warning',
      file,
      line: 1,
      column: 1,
      message:
        '文件开头有一个看不见的 BOM 标记（U+FEFF），通常是用记事本“另存为 UTF-8”造成的。内容可以读取，但请在编辑器中把编码改为“UTF-8”（不带 BOM）后重新保存。',
    });
  }
  const rawLines = text.replace(/^\uFEFF/, '').split('\n');
  const crlf = rawLines.filter((l) => l.endsWith('\r')).length;
  const firstCrlf = rawLines.findIndex((l) => l.endsWith('\r'));
  if (crlf > 0) {
    problems.push({
      severity: 'warning',
      file,
      line: firstCrlf + 1,
      column: rawLines[firstCrlf]!.length,
      message: `文件使用 Windows 换行符（CRLF，共 ${crlf} 行）。内容可以读取，但提交后每一行都会显示为改动。请在编辑器右下角把“CRLF”改为“LF”后重新保存。`,
    });
  }
  const lines = rawLines.map((l) => l.replace(/\r$/, ''));

  // Indentation with tabs or full-width spaces: the parser then misreads every following line, so
  // this is the one message for the file.
  const badIndent: { i: number; lead: string }[] = [];
  lines.forEach((l, i) => {
    // A line without a tab or a full-width space cannot be indented with one (the common case).
    if (!INDENT_MARK.test(l)) return;
    const lead = /^[ \t\u3000]*/.exec(l)![0];
    const rest = l.slice(lead.length);
    if (rest !== '' && !rest.startsWith('#') && INDENT_MARK.test(lead)) badIndent.push({ i, lead });
  });
  if (badIndent.length > 0) {
    const first = badIndent[0]!;
    const tab = first.lead.includes('\t');
    const col = first.lead.search(tab ? /\t/ : /\u3000/) + 1;
    const what = tab ? '用 Tab 键缩进' : '用全角空格「　」缩进';
    const count = badIndent.length > 1 ? `（本行起共 ${badIndent.length} 行）` : '';
    error(
      first.i + 1,
      col,
      undefined,
      `行首${what}${count}，YAML 只认半角空格。请把这些行行首的${tab ? ' Tab ' : '全角空格'}换成半角空格（每一级两个空格）；VS Code 可用命令“将缩进转换为空格”。改正之前，本文件的其余内容不会检查。`,
    );
    return { problems, fatal: true };
  }

  let depth = 0;
  let section: string | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const masked = maskLine(raw);
    const top = /^([A-Za-z_]\w*)\s*[:：]/.exec(masked);
    if (top) section = top[1];
    else if (/^\S/.test(masked)) section = undefined;
    const keyMatch = /^\s*(?:-\s+)?([A-Za-z_][\w.]*)\s*(:|：)/.exec(masked);
    const key = keyMatch?.[1];

    // 「template：2021」: a Chinese colon after a key, at the start of the line or in `{ }`.
    const colon = /(^\s*(?:-\s+)?|[{,，]\s*)([A-Za-z_][\w.]*)\s*：/g;
    for (const m of masked.includes('：') ? masked.matchAll(colon) : []) {
      const at = m.index + m[0].length - 1;
      const after = masked.slice(at + 1).trim();
      error(
        line,
        at + 1,
        m[2],
        `字段名「${m[2]}」后面用了中文冒号「：」。请改为英文冒号「:」并在后面留一个空格，例如「${m[2]}: ${after.split(/[,，}]/)[0]?.trim() || '…'}」。`,
      );
    }

    if (!section || !TABLE_KEYS.has(section)) return;

    // Full-width brackets.
    for (const m of FULL_BRACKET.test(masked) ? masked.matchAll(/[［］｛｝]/g) : []) {
      error(
        line,
        m.index + 1,
        key,
        `「${m[0]}」是全角符号，请改为英文半角「${FULL_BRACKETS[m[0]]}」（切换到英文输入法再输入）。`,
      );
    }

    // Work out which stretches of the line are inside [ ] or { } (flow collections).
    const inFlow: boolean[] = [];
    const flowText: { start: number; text: string; map: boolean }[] = [];
    let open: { start: number; map: boolean } | undefined =
      depth > 0 ? { start: 0, map: false } : undefined;
    // Outside a flow collection, a line without brackets has nothing inside one (every inFlow
    // entry would be false): the common block-style line skips the walk.
    const walk = depth > 0 || FLOW_BRACKET.test(masked);
    for (let i = 0; walk && i < masked.length; i++) {
      const ch = masked[i]!;
      if (ch === '[' || ch === '{') {
        if (depth === 0) open = { start: i, map: ch === '{' };
        depth++;
      } else if ((ch === ']' || ch === '}') && depth > 0) {
        depth--;
        if (depth === 0 && open) {
          flowText.push({
            start: open.start,
            text: masked.slice(open.start, i + 1),
            map: open.map,
          });
          open = undefined;
        }
      }
      inFlow[i] = depth > 0 || ch === ']' || ch === '}';
    }
    if (open) flowText.push({ start: open.start, text: masked.slice(open.start), map: open.map });

    // Chinese commas (and 、) between cells.
    // Without the walk no character is inside a flow collection.
    const commas = walk ? [...masked.matchAll(/[，、]/g)].filter((m) => inFlow[m.index]) : [];
    if (commas.length > 0) {
      const first = commas[0]!;
      const n = commas.length > 1 ? `（本行共 ${commas.length} 处）` : '';
      error(
        line,
        first.index + 1,
        key,
        `方括号或花括号里用了中文${first[0] === '、' ? '顿号「、」' : '逗号「，」'}${n}。单元格之间请用英文逗号「,」加一个空格分隔，例如 [6, 0, 0]。`,
      );
    }

    // Values: the flow items, or the plain value after `key:`.
    const tokens: { text: string; at: number }[] = [];
    for (const f of flowText) {
      for (const m of f.text.matchAll(/[^\s[\]{},，、:]+(?::(?=\S)[^\s[\]{},，、]*)*/g)) {
        tokens.push({ text: m[0], at: f.start + m.index });
      }
    }
    if (keyMatch && flowText.length === 0) {
      const start = keyMatch[0].length;
      const value = masked.slice(start).trim();
      if (value) tokens.push({ text: value, at: masked.indexOf(value, start) });
    }
    for (const t of tokens) {
      if (BLANK_MARKS.has(t.text)) {
        error(
          line,
          t.at + 1,
          key,
          `「${t.text}」不能表示空白单元格。原文这一格空白或印为「${t.text}」时，请写 null（原文的写法可以记在 cell_notes 中）。`,
        );
      } else if (FULL_DIGIT.test(t.text) && /^[0-9０-９.．,，]+$/.test(t.text)) {
        error(
          line,
          t.at + 1,
          key,
          `「${t.text}」是全角数字，请改为半角数字「${toHalfWidth(t.text).replace(/,/g, '')}」（切换到英文输入法再输入）。`,
        );
      }
    }

    // Thousands separators: 1,234 splits one number into two cells (or a stray key).
    for (const f of flowText) {
      if (!f.map && !/[,，]\s/.test(f.text)) continue; // [100,200] is a compact row, not 100200
      for (const m of f.text.matchAll(/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.])/g)) {
        error(
          line,
          f.start + m.index + 1,
          key,
          `数字「${m[0]}」里的千位分隔符「,」会被当成${f.map ? '字段' : '单元格'}之间的分隔。请去掉逗号，写成「${m[0].replace(/,/g, '')}」。`,
        );
      }
    }
    if (keyMatch && flowText.length === 0) {
      const value = masked.slice(keyMatch[0].length).trim();
      if (/^\d{1,3}(?:,\d{3})+$/.test(value)) {
        error(
          line,
          masked.indexOf(value, keyMatch[0].length) + 1,
          key,
          `数字「${value}」里的千位分隔符「,」会让它被读成文字。请去掉逗号，写成「${value.replace(/,/g, '')}」。`,
        );
      }
    }
  });
  return { problems, fatal: problems.some((p) => p.severity === 'error') };
}

const DOCUMENT_KINDS: Record<string, string> = {
  '.pdf': 'PDF 文件',
  '.doc': 'Word 文件',
  '.docx': 'Word 文件',
  '.wps': 'WPS 文件',
  '.xls': 'Excel 文件',
  '.xlsx': 'Excel 文件',
  '.et': 'WPS 表格文件',
};

/**
 * The message for an original document (PDF, Word, Excel) left in a content folder, or undefined
 * for any other stray name. Such a file is never read; the importer is how its tables get in.
 */
export function strayDocumentMessage(name: string): string | undefined {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0];
  const kind = ext ? DOCUMENT_KINDS[ext] : undefined;
  if (!kind) return undefined;
  return `这是 ${kind}（报告原件），网站不会读取它。要录入其中的表格，请运行 npm run import -- ${name} --agency <机构id>，然后把原件移出本文件夹，放在仓库以外保存。`;
}
