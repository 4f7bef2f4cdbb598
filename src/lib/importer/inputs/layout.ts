/**
 * Rebuilds a report's lines and table rows from positioned text (a PDF page's text items).
 *
 * The output is the importer's tab form: a prose line per printed line (indented like
 * `pdftotext -layout`, so paragraphs are found by their indent) and, for tables, one line per
 * data row: the row's own label, then one cell per column, blank cells as empty strings.
 *
 * Rows and columns come from coordinates, never from the order of a text dump:
 * - a table row is a baseline that carries numbers ("anchor"); its label is the innermost label
 *   block whose lines span that baseline, however many lines the label is wrapped over and
 *   whether or not one of them shares the numbers' baseline;
 * - columns are the lowest header cells above the rows (a header printed one character per line
 *   is one cell), or, where no header is printed, the positions of the numbers;
 * - a vertical group label (「三、本 / 年度办 / 理结果」) is a label block of its own, further left,
 *   and is never taken for a row's label;
 * - a table broken over pages continues on the next page; a repeated header starts a new band
 *   with its own columns.
 * Numbers whose row or column cannot be established are returned as not placed, never guessed.
 */

import { parseCell } from '../cells.ts';
import { PROACTIVE_ROW_HEADER } from '../../template/declarations.ts';
import { headingIndex } from '../labels.ts';

/** One text run as a PDF places it. Coordinates in points, y upwards (PDF user space). */
export interface PositionedItem {
  readonly page: number;
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (the text matrix's vertical scale). */
  readonly size: number;
}

export interface PageBox {
  readonly page: number;
  readonly height: number;
}

/** Numbers printed in a table whose row or column could not be established. */
export interface LayoutUnplaced {
  readonly page: number;
  readonly values: readonly string[];
  readonly reason: string;
}

export interface LayoutResult {
  /** The report in the importer's tab form. */
  readonly text: string;
  /** The page each line of `text` was printed on (index 0 is line 1); 0 for a line added. */
  readonly pages: readonly number[];
  readonly unplaced: readonly LayoutUnplaced[];
  /** Table rows written (anchors placed). */
  readonly rows: number;
}

interface Frag {
  text: string;
  x0: number;
  x1: number;
  /** Flow position, increasing downwards across pages. */
  t: number;
  size: number;
  page: number;
  numeric: boolean;
}

interface Line {
  readonly frags: Frag[];
  readonly t: number;
  readonly size: number;
  readonly page: number;
}

const PAGE_STRIDE = 100_000;
const PAGE_NUMBER =
  /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})\s*$/u;
/** A label that starts a row of its own: 一、 （一） 1. 1、 (1) */
const ENUMERATED =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[.、．](?!\d))/u;
/** A sub-table caption of table 二 (第二十条第（五）项): a line of its own, never part of a label. */
const CAPTION = /^第[一二三四五六七八九十]+条/u;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/**
 * Fonts that map glyphs to radicals make a PDF's text say "⼈⺠政府" for 人民政府 (Chromium and
 * many Office exports do): Kangxi radicals fold by NFKC; the CJK Radicals Supplement characters
 * that stand for whole characters are mapped here. Nothing else is folded: full-width
 * punctuation stays as printed.
 */
const RADICALS: Readonly<Record<string, string>> = {
  '⺟': '母',
  '⺠': '民',
  '⺝': '月',
  '⺩': '王',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻑': '長',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

export function foldRadicals(text: string): string {
  return text.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/gu, (ch) =>
    ch >= '\u2F00' ? ch.normalize('NFKC') : (RADICALS[ch] ?? ch),
  );
}

function isNumericText(text: string): boolean {
  const cell = parseCell(text);
  return cell.kind === 'value';
}

/** Joins text runs of one line: a space only where the runs are apart and not both CJK. */
function joinRuns(parts: readonly { text: string; gap: number; size: number }[]): string {
  let out = '';
  for (const p of parts) {
    if (out === '') {
      out = p.text;
      continue;
    }
    const a = out.at(-1) ?? '';
    const b = p.text[0] ?? '';
    const apart = p.gap > p.size * 0.25;
    out += apart && !(CJK.test(a) && CJK.test(b)) ? ` ${p.text}` : p.text;
  }
  return out;
}

/** Drops spaces a PDF puts between CJK characters to justify them ("商 业 企" → "商业企"). */
export function tightCjk(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/(?<=[\u2E80-\u9FFF\uFF00-\uFFEF])\s+(?=[\u2E80-\u9FFF\uFF00-\uFFEF\d])/gu, '')
    .replace(/(?<=\d)\s+(?=[\u2E80-\u9FFF\uFF00-\uFFEF])/gu, '')
    .trim();
}

/** Groups items into lines (same baseline) and each line into fragments (runs set apart). */
function buildLines(items: readonly PositionedItem[], pages: readonly PageBox[]): Line[] {
  const heights = new Map(pages.map((p) => [p.page, p.height]));
  const lines: Line[] = [];
  const byPage = new Map<number, PositionedItem[]>();
  for (const it of items) {
    if (it.str.trim() === '') continue;
    const list = byPage.get(it.page) ?? [];
    list.push({ ...it, str: foldRadicals(it.str) });
    byPage.set(it.page, list);
  }
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const list = (byPage.get(page) ?? []).sort((a, b) => b.y - a.y || a.x - b.x);
    const groups: PositionedItem[][] = [];
    for (const it of list) {
      const g = groups.at(-1);
      const ref = g?.[0];
      if (g && ref && Math.abs(ref.y - it.y) <= 0.4 * Math.min(ref.size, it.size)) g.push(it);
      else groups.push([it]);
    }
    const height = heights.get(page) ?? 842;
    for (const g of groups) {
      g.sort((a, b) => a.x - b.x);
      const frags: Frag[] = [];
      let parts: { text: string; gap: number; size: number }[] = [];
      let cur: { x0: number; x1: number; size: number; y: number } | null = null;
      const flush = () => {
        if (!cur) return;
        const text = joinRuns(parts).trim();
        if (text !== '') {
          frags.push({
            text,
            x0: cur.x0,
            x1: cur.x1,
            t: page * PAGE_STRIDE + (height - cur.y),
            size: cur.size,
            page,
            numeric: false,
          });
        }
        parts = [];
        cur = null;
      };
      for (const it of g) {
        const gap = cur ? it.x - cur.x1 : 0;
        // Numbers in neighbouring columns stay apart even when the columns are narrow.
        const bothNumbers =
          cur !== null && /\d$/u.test(parts.at(-1)?.text ?? '') && /^[\d+\-−]/u.test(it.str.trim());
        // Runs of one cell touch; neighbouring cells are set apart by their padding.
        if (
          cur &&
          (gap > 0.35 * Math.max(cur.size, it.size) || (bothNumbers && gap > 0.2 * it.size))
        )
          flush();
        if (!cur) cur = { x0: it.x, x1: it.x + it.width, size: it.size, y: it.y };
        parts.push({ text: it.str, gap, size: it.size });
        cur.x1 = Math.max(cur.x1, it.x + it.width);
        cur.size = Math.max(cur.size, it.size);
      }
      flush();
      for (const f of frags) f.numeric = isNumericText(f.text);
      if (frags.length === 0) continue;
      const size = Math.max(...frags.map((f) => f.size));
      lines.push({ frags, t: Math.min(...frags.map((f) => f.t)), size, page });
    }
  }
  return lines;
}

/** The body text's font size: the size that prints the most characters. */
function bodySize(lines: readonly Line[]): number {
  const count = new Map<number, number>();
  for (const l of lines)
    for (const f of l.frags) {
      const k = Math.round(f.size * 2) / 2;
      count.set(k, (count.get(k) ?? 0) + f.text.length);
    }
  let best = 0;
  let bestCount = -1;
  for (const [k, c] of count)
    if (c > bestCount || (c === bestCount && k > best)) [best, bestCount] = [k, c];
  return best;
}

function mode(values: readonly number[]): number {
  const count = new Map<number, number>();
  for (const v of values) count.set(Math.round(v), (count.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [k, c] of count)
    if (c > bestCount || (c === bestCount && k < best)) [best, bestCount] = [k, c];
  return best;
}

/** Reads positioned text into the importer's tab form. */
export function readLayout(
  items: readonly PositionedItem[],
  pages: readonly PageBox[],
): LayoutResult {
  const all = buildLines(items, pages);
  // Page numbers printed in the top or bottom margin.
  const lines = all.filter(
    (l) =>
      !(l.frags.length === 1 && PAGE_NUMBER.test(l.frags[0]?.text ?? '') && isMargin(l, pages)),
  );
  const body = bodySize(lines);
  const proseLines = lines.filter((l) => l.size >= body * 0.9);
  const margin = mode(proseLines.map((l) => l.frags[0]?.x0 ?? 0));
  const right = Math.max(...proseLines.map((l) => l.frags.at(-1)?.x1 ?? 0), margin + 1);
  const textWidth = right - margin;

  // A table line: printed smaller than the body text, or with a column gap in it.
  const tabular = lines.map(
    (l) =>
      l.size < body * 0.9 ||
      l.frags.some((f, k) => k > 0 && f.x0 - (l.frags[k - 1]?.x1 ?? f.x0) > 1.2 * f.size),
  );
  const weak = lines.map((l) => {
    const f = l.frags[0];
    const last = l.frags.at(-1);
    if (!f || !last) return false;
    const text = l.frags.map((x) => x.text).join('');
    return last.x1 - f.x0 < textWidth * 0.5 && !/[。]/u.test(text) && headingIndex(text) < 0;
  });
  // Short lines between two table lines (a label wrapped over lines printed at body size, several
  // of them in a row when the export spaces table lines widely) are table too.
  const inTable = tabular.map(
    (t, i) => t || (weak[i] === true && tabularAt(i, -1) && tabularAt(i, 1)),
  );
  function tabularAt(i: number, step: 1 | -1): boolean {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      if (tabular[j]) return true;
      if (!weak[j]) return false;
    }
    return false;
  }

  const out: string[] = [];
  const outPages: number[] = [];
  const unplaced: LayoutUnplaced[] = [];
  let rows = 0;
  for (let i = 0; i < lines.length;) {
    if (!inTable[i]) {
      const l = lines[i] as Line;
      const text = joinRuns(
        l.frags.map((f, k) => ({
          text: f.text,
          gap: k === 0 ? 0 : f.x0 - (l.frags[k - 1]?.x1 ?? 0),
          size: f.size,
        })),
      );
      const x0 = l.frags[0]?.x0 ?? margin;
      const indent = Math.max(0, Math.round(((x0 - margin) / (l.size || 1)) * 2));
      out.push(' '.repeat(indent) + text.replace(/\t/gu, ' '));
      outPages.push(l.page);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && inTable[j]) j++;
    const table = readTable(lines.slice(i, j));
    out.push('', ...table.lines.map((l) => l.text), '');
    outPages.push(0, ...table.lines.map((l) => l.page), 0);
    unplaced.push(...table.unplaced);
    rows += table.rows;
    i = j;
  }
  return { text: `${out.join('\n')}\n`, pages: outPages, unplaced, rows };
}

/** A line of the tab form and the page it was printed on. */
interface OutLine {
  readonly text: string;
  readonly page: number;
}

function isMargin(l: Line, pages: readonly PageBox[]): boolean {
  const height = pages.find((p) => p.page === l.page)?.height ?? 842;
  const y = l.t - l.page * PAGE_STRIDE;
  return y < height * 0.12 || y > height * 0.88;
}

interface Slot {
  readonly x0: number;
  readonly x1: number;
  readonly center: number;
}

interface Block {
  readonly frags: Frag[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** A table region: bands of header lines followed by data rows. */
function readTable(lines: readonly Line[]): {
  lines: OutLine[];
  unplaced: LayoutUnplaced[];
  rows: number;
} {
  // Bands: a line with text in the value area after data rows starts a new band (a new
  // sub-table, or a header repeated after a page break).
  const bands: Line[][] = [];
  let band: Line[] = [];
  let split = Infinity;
  let seenAnchor = false;
  for (const l of lines) {
    const nums = l.frags.filter((f) => f.numeric);
    if (nums.length > 0) {
      split = Math.min(split, ...nums.map((f) => f.x0));
      seenAnchor = true;
      band.push(l);
      continue;
    }
    if (seenAnchor && l.frags.some((f) => f.x1 > split + 0.5 * f.size)) {
      bands.push(band);
      band = [];
      split = Infinity;
      seenAnchor = false;
    }
    band.push(l);
  }
  bands.push(band);

  const out: OutLine[] = [];
  const unplaced: LayoutUnplaced[] = [];
  let rows = 0;
  let previousSlots: Slot[] | null = null;
  for (const b of bands) {
    const r = readBand(b, previousSlots);
    out.push(...r.lines);
    unplaced.push(...r.unplaced);
    rows += r.rows;
    if (r.slots) previousSlots = r.slots;
  }
  return { lines: out, unplaced, rows };
}

function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return Math.min(a1, b1) - Math.max(a0, b0) > 0;
}

function cellText(frags: readonly Frag[]): string {
  return tightCjk(
    [...frags]
      .sort((a, b) => a.t - b.t || a.x0 - b.x0)
      .map((f) => f.text)
      .join(' '),
  );
}

function readBand(
  lines: readonly Line[],
  inherited: Slot[] | null,
): { lines: OutLine[]; unplaced: LayoutUnplaced[]; rows: number; slots: Slot[] | null } {
  const firstAnchor = lines.findIndex((l) => l.frags.some((f) => f.numeric));
  if (firstAnchor < 0) {
    return {
      lines: lines.map((l) => ({
        text: `${l.frags.map((f) => tightCjk(f.text)).join('\t')}\t`,
        page: l.page,
      })),
      unplaced: [],
      rows: 0,
      slots: null,
    };
  }
  const header = lines.slice(0, firstAnchor);
  const data = lines.slice(firstAnchor);
  const anchors = data.filter((l) => l.frags.some((f) => f.numeric));
  const split = Math.min(
    ...anchors.flatMap((l) => l.frags.filter((f) => f.numeric).map((f) => f.x0)),
    // A table continued from the page before keeps its columns, blank ones included.
    ...(inherited ?? []).map((slot) => slot.x0),
  );
  // Right of the row labels printed beside numbers starts the value area too: a header over a
  // column that is blank in every row stands there.
  const labelRight = Math.max(
    ...anchors.flatMap((l) =>
      l.frags.filter((f) => !f.numeric && f.x1 <= split + 0.25 * f.size).map((f) => f.x1),
    ),
  );
  const inValueArea = (f: Frag) =>
    f.numeric || f.x1 > split + 0.25 * f.size || f.x0 >= labelRight + 0.5 * f.size;

  // Columns: the lowest header cells; a cell printed over several lines is one block.
  const headerBlocks = buildBlocks(
    header.flatMap((l) => l.frags.filter(inValueArea)),
    // A header cell printed over several lines is one block; a group header above narrower cells
    // (法人或其他组织 over 商业企业 …) is not joined to them.
    (above, f) =>
      f.t - above.bottom <= 2.5 * f.size && above.x1 - above.x0 <= 2 * (f.x1 - f.x0) + f.size,
  );
  const leaves = headerBlocks
    .filter(
      (b) =>
        !headerBlocks.some(
          (o) => o !== b && o.top > b.bottom - 0.1 && overlaps(b.x0, b.x1, o.x0, o.x1),
        ),
    )
    .map((b) => ({ x0: b.x0, x1: b.x1, center: (b.x0 + b.x1) / 2 }))
    .sort((a, b) => a.center - b.center);
  const slots = reconcileSlots(
    leaves.length > 0 ? leaves : inherited,
    clusterSlots(anchors.flatMap((l) => l.frags.filter((f) => inValueArea(f) && f.numeric))),
  );

  // Row labels: blocks of label-area fragments; a line opening with 一、（一）1. starts a block.
  // The first line of the first row's label may sit above the first numbers, among the header.
  const labelFrags = lines.flatMap((l) => l.frags.filter((f) => !inValueArea(f)));
  // Two lines that each sit on the baseline of a different row of numbers are two labels, however
  // close the rows are.
  const anchorAt = (t: number, size: number) =>
    anchors.findIndex((a) => Math.abs(a.t - t) <= 0.4 * size);
  // Wrapped lines of one label are a line pitch apart. Most exports set table text at about 1.2
  // to 1.5 times its size; LibreOffice keeps the page's line spacing (2.5 times) inside cells.
  const pitch = linePitch(labelFrags);
  const labelBlocks = buildBlocks(labelFrags, (above, f) => {
    if (ENUMERATED.test(f.text) || CAPTION.test(f.text)) return false;
    const aboveText = cellText(above.frags);
    if (CAPTION.test(aboveText) || aboveText === PROACTIVE_ROW_HEADER) return false;
    if (f.t - above.bottom > Math.max(2.3 * f.size, 1.25 * pitch)) return false;
    const here = anchorAt(f.t, f.size);
    const there = anchorAt(above.bottom, f.size);
    return !(here >= 0 && there >= 0 && here !== there);
  });

  // Header lines keep their column headers; their label-area text is among the label blocks.
  const out: OutLine[] = header
    .map((l) => ({ frags: l.frags.filter(inValueArea), page: l.page }))
    .filter((h) => h.frags.length > 0)
    .map((h) => ({ text: `${h.frags.map((f) => tightCjk(f.text)).join('\t')}\t`, page: h.page }));
  const unplaced: LayoutUnplaced[] = [];
  let rows = 0;
  const labelOf = new Map<Line, Block | null | 'ambiguous'>();
  for (const a of anchors) {
    const size = Math.max(...a.frags.map((f) => f.size));
    const candidates = labelBlocks.filter(
      (b) => a.t >= b.top - 0.8 * size && a.t <= b.bottom + 0.8 * size,
    );
    if (candidates.length === 0) {
      labelOf.set(a, null);
      continue;
    }
    candidates.sort((p, q) => q.x0 - p.x0);
    const [inner, next] = candidates;
    if (next && inner && Math.abs(inner.x0 - next.x0) < size) labelOf.set(a, 'ambiguous');
    else labelOf.set(a, inner ?? null);
  }
  const sharing = new Map<Block, number>();
  for (const v of labelOf.values())
    if (v && v !== 'ambiguous') sharing.set(v, (sharing.get(v) ?? 0) + 1);
  const anyLabel = [...labelOf.values()].some((v) => v !== null);
  const used = new Set<Block>();

  const emitted: { t: number; text: string; page: number }[] = [];
  for (const a of anchors) {
    const label = labelOf.get(a) ?? null;
    const values = a.frags.filter(inValueArea);
    const shown = values.map((f) => f.text);
    const page = a.page;
    if (!anyLabel && header.length === 0) {
      // Numbers with neither a row label nor a column header above them: nothing says which
      // row or column they are.
      unplaced.push({ page, values: shown, reason: '这一行数字在原文中既没有行标签，也没有表头' });
      continue;
    }
    if (anyLabel && label === null) {
      unplaced.push({ page, values: shown, reason: '这一行数字在原文中找不到行标签' });
      continue;
    }
    if (label === 'ambiguous') {
      unplaced.push({
        page,
        values: shown,
        reason: '这一行数字旁有两个同一层级的标签，无法确定属于哪一行',
      });
      continue;
    }
    if (label && (sharing.get(label) ?? 0) > 1) {
      unplaced.push({
        page,
        values: shown,
        reason: `标签「${cellText(label.frags)}」跨过了 ${sharing.get(label)} 行数字，无法确定每行的标签`,
      });
      continue;
    }
    const cells: string[] = slots.map(() => '');
    let bad: string | null = null;
    for (const f of values) {
      const center = (f.x0 + f.x1) / 2;
      let best = -1;
      let dist = Infinity;
      slots.forEach((s, k) => {
        const d = Math.abs(center - s.center);
        if (d < dist) [best, dist] = [k, d];
      });
      const s = slots[best];
      if (!s || dist > (s.x1 - s.x0) / 2 + 2 * f.size) bad = `数字「${f.text}」不在任何一列之下`;
      else if (cells[best] !== '') bad = `两个数字落在同一列（「${cells[best]}」「${f.text}」）`;
      else cells[best] = f.text;
      if (bad) break;
    }
    if (bad) {
      unplaced.push({ page, values: shown, reason: bad });
      continue;
    }
    if (label) used.add(label);
    // A table without row labels (表四) gets no empty label cell: the cells are the row.
    const row = anyLabel ? [label ? cellText(label.frags) : '', ...cells] : cells;
    emitted.push({ t: a.t, text: row.join('\t'), page: a.page });
    rows++;
  }
  // Label blocks without numbers (group labels, sub-table captions) are kept as text rows.
  for (const b of labelBlocks) {
    if (used.has(b) || sharing.has(b)) continue;
    emitted.push({ t: b.top, text: `${cellText(b.frags)}\t`, page: b.frags[0]?.page ?? 0 });
  }
  emitted.sort((p, q) => p.t - q.t);
  out.push(...emitted.map((e) => ({ text: e.text, page: e.page })));
  return { lines: out, unplaced, rows, slots: leaves.length > 0 ? slots : (inherited ?? slots) };
}

/**
 * The usual distance between two printed lines of text: the most frequent gap between
 * neighbouring baselines (gaps under half a line or over four lines are not line pitches).
 */
function linePitch(frags: readonly Frag[]): number {
  const ts = [...new Set(frags.map((f) => Math.round(f.t * 2) / 2))].sort((a, b) => a - b);
  const size = Math.max(0, ...frags.map((f) => f.size));
  const gaps: number[] = [];
  for (let k = 1; k < ts.length; k++) {
    const d = (ts[k] as number) - (ts[k - 1] as number);
    if (d > 0.5 * size && d < 4 * size) gaps.push(d);
  }
  return gaps.length > 0 ? mode(gaps) : 0;
}

/** Groups fragments into blocks: a fragment joins the block above it when `joins` says so. */
function buildBlocks(frags: readonly Frag[], joins: (above: Block, f: Frag) => boolean): Block[] {
  const blocks: Block[] = [];
  for (const f of [...frags].sort((a, b) => a.t - b.t || a.x0 - b.x0)) {
    const target = [...blocks]
      .reverse()
      .find((b) => overlaps(b.x0, b.x1, f.x0, f.x1) && f.t > b.bottom + 0.1 && joins(b, f));
    const into = target;
    if (
      into &&
      !blocks.some(
        (o) => o !== into && o.top > into.bottom && o.top < f.t && overlaps(o.x0, o.x1, f.x0, f.x1),
      )
    ) {
      into.frags.push(f);
      into.x0 = Math.min(into.x0, f.x0);
      into.x1 = Math.max(into.x1, f.x1);
      into.bottom = Math.max(into.bottom, f.t);
      continue;
    }
    blocks.push({ frags: [f], x0: f.x0, x1: f.x1, top: f.t, bottom: f.t });
  }
  return blocks;
}

/**
 * Columns from the numbers themselves: numbers whose printed extents overlap share a column
 * (left-, right- and centre-aligned columns alike); neighbouring columns never overlap.
 */
function clusterSlots(frags: readonly Frag[]): Slot[] {
  const sorted = [...frags].sort((a, b) => a.x0 - b.x0);
  const slots: { x0: number; x1: number }[] = [];
  for (const f of sorted) {
    const last = slots.at(-1);
    if (last && f.x0 < last.x1) last.x1 = Math.max(last.x1, f.x1);
    else slots.push({ x0: f.x0, x1: f.x1 });
  }
  return slots.map((s) => ({ ...s, center: (s.x0 + s.x1) / 2 }));
}

/**
 * The header's columns where they account for every column of numbers (one header cell each),
 * placed where the numbers are printed; a column without any number keeps its header's place.
 * Otherwise the header was not understood and the numbers' own columns are used: a column that
 * is blank in every row is then missing, the rows come out short, and the table readers refuse
 * them instead of shifting numbers into the wrong column.
 */
function reconcileSlots(header: Slot[] | null, numbers: Slot[]): Slot[] {
  if (!header || header.length < numbers.length) return numbers;
  const taken = new Map<number, Slot>();
  for (const n of numbers) {
    let best = -1;
    let dist = Infinity;
    header.forEach((h, k) => {
      const d = Math.abs(h.center - n.center);
      if (d < dist) [best, dist] = [k, d];
    });
    const h = header[best];
    if (!h || taken.has(best) || !overlaps(h.x0 - 1, h.x1 + 1, n.x0, n.x1)) return numbers;
    taken.set(best, n);
  }
  return header.map((h, k) => taken.get(k) ?? h);
}
