/**
 * The report's prose as MDX: paragraphs as published, sub-heads as ###, and MDX's code
 * characters escaped so that the text stays text.
 */

import { PAGE_MARKER } from './document.ts';
import type { SourceLine } from './source.ts';

/** Display width: a CJK character is two columns, like the page it was laid out on. */
function width(text: string): number {
  let w = 0;
  for (const ch of text.trim()) w += /[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1;
  return w;
}

const SENTENCE_END = /[。！？；：:!?]$|[。！？][”’）)]$/u;
const SUBHEAD = /^[（(][一二三四五六七八九十]+[）)]/u;

/**
 * True when prose lines are wrapped at a fixed width (text from a PDF): no line is then longer
 * than the page is wide. Text copied from a web page has one paragraph per line, and most
 * paragraphs run far longer than a printed line.
 */
export function isWrapped(lines: readonly SourceLine[]): boolean {
  const prose = lines
    .filter((l) => !l.cells && !PAGE_MARKER.test(l.text))
    // Spaces a PDF sets around digits ("2025 年 1 月") are not text: they would make a printed
    // line look longer than the page is wide.
    .map((l) => l.text.replace(/\s+/gu, ''))
    .filter((t) => t.length >= 12);
  if (prose.length < 4) return false;
  const long = prose.filter((t) => t.length > 50).length;
  return long < prose.length * 0.1;
}

/** The widest prose line: the page's line width, for telling a paragraph's last line. */
export function lineWidth(lines: readonly SourceLine[]): number {
  const widths = lines
    .filter((l) => !l.cells && !PAGE_MARKER.test(l.text))
    .map((l) => width(l.text))
    .sort((a, b) => a - b);
  // The 90th percentile ignores a few over-long lines (titles, addresses).
  return widths[Math.floor(widths.length * 0.9)] ?? 0;
}

function join(a: string, b: string): string {
  if (a === '') return b;
  return /[A-Za-z0-9]$/u.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : a + b;
}

/** Groups prose lines into paragraphs. */
export function paragraphs(
  lines: readonly SourceLine[],
  wrapped: boolean,
  fullWidth: number,
): string[] {
  const out: string[] = [];
  if (!wrapped) {
    for (const l of lines) {
      const t = (l.cells ? l.cells.filter((c) => c !== '').join(' ') : l.text).trim();
      if (t !== '' && !PAGE_MARKER.test(t)) out.push(t);
    }
    return out;
  }
  // Page numbers and the blank lines around them sit inside paragraphs: drop them together.
  const kept: (SourceLine | null)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (PAGE_MARKER.test(l.text)) {
      while (kept.length > 0 && kept[kept.length - 1] === null) kept.pop();
      while (i + 1 < lines.length && (lines[i + 1] as SourceLine).text.trim() === '') i++;
      continue;
    }
    kept.push(l.text.trim() === '' ? null : l);
  }
  // pdftotext -layout keeps the indent of a paragraph's first line: where the text has one, it is
  // the paragraph mark, and line widths (disturbed by spaces around digits) are not needed.
  const textLines = kept.filter((l): l is SourceLine => l !== null);
  const indented = textLines.filter((l) => l.indent >= 2).length;
  const byIndent = indented >= 3 && indented < textLines.length * 0.7;
  const isSubhead = (t: string) => SUBHEAD.test(t) && t.length <= 30 && !/[。；].+/u.test(t);
  let current = '';
  const end = () => {
    if (current !== '') out.push(current);
    current = '';
  };
  for (const l of kept) {
    if (l === null) {
      end();
      continue;
    }
    const text = l.text.trim();
    const short = width(text) < fullWidth - 4;
    if (byIndent ? l.indent >= 2 : isSubhead(text) && short) end();
    current = join(current, text);
    if (!byIndent && short && (SENTENCE_END.test(text) || isSubhead(current))) end();
  }
  end();
  return out;
}

/** Escapes what MDX would read as code or markup, so the published text renders as written. */
export function escapeMdx(text: string): string {
  const escaped = text.replace(/[\\{}<>*[\]`~&]/gu, (ch) => `\\${ch}`);
  // Line-start markers: headings, lists, quotes, thematic breaks.
  const marked = escaped.replace(/^(#|[-+=]|\d+[.)](?=\s))/u, '\\$1');
  // A paragraph opening with the word import/export is an ES module statement to MDX (code run at
  // build time). A character reference for its first letter keeps it text: "import" as printed.
  return marked.replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/iu, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A paragraph as MDX: a short one opening with （一） is a sub-head. */
export function paragraphMdx(text: string): string {
  const t = text.trim();
  if (SUBHEAD.test(t) && t.length <= 30 && !/[。；].+/u.test(t)) return `### ${escapeMdx(t)}`;
  return escapeMdx(t);
}
