/**
 * Turns a published report, as saved, into a list of lines: prose lines and table rows.
 *
 * Inputs: plain text copied from a web page (cells separated by tabs), `pdftotext -layout`
 * output (columns aligned by spaces), markdown tables from PDF converters (`| a | b |`), and
 * saved HTML pages (the real <table> elements, read with an HTML parser).
 */

import { parse, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';

export type InputFormat = 'text' | 'html';

export interface SourceLine {
  /** The line as printed (for table rows: the cells joined by tabs). */
  readonly text: string;
  /** Cells when the input marks them (tabs, pipes, <td>); layout text is split later. */
  readonly cells: readonly string[] | null;
  /** Leading spaces (layout text marks a paragraph's first line by indenting it). */
  readonly indent: number;
  /** 1-based line in the input (HTML: the order of blocks). */
  readonly number: number;
  /**
   * The line's place in the original when the input was converted (「第 3 页」 of a PDF, a sheet's
   * row, a page's table row); absent when `number` is the original's own line.
   */
  readonly where?: string;
}

export interface SourceDocument {
  readonly format: InputFormat;
  readonly lines: readonly SourceLine[];
  /** `<title>` of an HTML page. */
  readonly pageTitle?: string;
  /** The page's own address: <link rel="canonical">, <meta name="Url">, og:url (http/https only). */
  readonly pageUrl?: string;
  /** Dates found in HTML <meta> elements (e.g. PubDate). */
  readonly metaDate?: string;
}

/** Detects the input format: HTML when it looks like markup, text otherwise. */
export function detectFormat(input: string): InputFormat {
  const head = input.slice(0, 4000).toLowerCase();
  return /<(html|body|table|!doctype)\b/.test(head) ? 'html' : 'text';
}

/** `places`: the original's place of each line of a converted text (index 0 is line 1). */
export function readSource(input: string, places?: readonly string[]): SourceDocument {
  const text = input.replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n');
  return detectFormat(text) === 'html' ? readHtml(text) : readText(text, places);
}

const PIPE_SEPARATOR = /^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/u;

function readText(text: string, places?: readonly string[]): SourceDocument {
  const lines: SourceLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const number = i + 1;
    const place = places?.[i];
    const where = place ? { where: place } : {};
    const indent = /^ */u.exec(raw)?.[0].length ?? 0;
    const trimmed = raw.trim();
    if (PIPE_SEPARATOR.test(trimmed)) return;
    if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
      const cells = trimmed
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      lines.push({ text: cells.join('\t'), cells, indent, number, ...where });
      return;
    }
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map((c) => c.trim());
      lines.push({ text: raw, cells, indent, number, ...where });
      return;
    }
    lines.push({ text: raw.trimEnd(), cells: null, indent, number, ...where });
  });
  return { format: 'text', lines };
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'CENTER',
  'TABLE',
  'TR',
  'BODY',
  'HEADER',
  'FOOTER',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'NAV', 'HEAD']);

function readHtml(text: string): SourceDocument {
  const root = parse(text, { blockTextElements: { script: false, style: false, pre: true } });
  const pageTitle = root.querySelector('title')?.textContent.trim() || undefined;
  const metaDate = root
    .querySelectorAll('meta')
    .map((m) => ({
      name: (m.getAttribute('name') ?? m.getAttribute('property') ?? '').toLowerCase(),
      content: m.getAttribute('content') ?? '',
    }))
    .find((m) => /pubdate|publishdate|firstpublishedtime|article:published_time/.test(m.name))
    ?.content.slice(0, 10);
  const metas = root.querySelectorAll('meta').map((m) => ({
    name: (m.getAttribute('name') ?? m.getAttribute('property') ?? '').toLowerCase(),
    content: (m.getAttribute('content') ?? '').trim(),
  }));
  const pageUrl = [
    ...root
      .querySelectorAll('link')
      .filter((l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical')
      .map((l) => (l.getAttribute('href') ?? '').trim()),
    ...metas.filter((m) => ['url', 'og:url', 'articleurl'].includes(m.name)).map((m) => m.content),
  ].find((u) => /^https?:\/\/[^\s"<>]+$/u.test(u));
  const body = root.querySelector('body') ?? root;
  const scope = reportContainer(body);
  const lines: SourceLine[] = [];
  let tableCount = 0;
  let buffer = '';
  const flush = () => {
    const t = buffer.replace(/[ \t\u00a0\u3000]+/gu, ' ').trim();
    if (t !== '') lines.push({ text: t, cells: null, indent: 0, number: lines.length + 1 });
    buffer = '';
  };
  const walk = (node: HtmlNode): void => {
    if (node.nodeType === 3) {
      buffer += decode(node.rawText);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName;
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') return flush();
    if (tag === 'TABLE') {
      flush();
      tableCount++;
      let rowCount = 0;
      for (const tr of el.querySelectorAll('tr')) {
        if (tr.closest('table') !== el) continue;
        rowCount++;
        const cells = tr
          .querySelectorAll('td, th')
          .filter((c) => c.closest('tr') === tr)
          .map((c) => cellText(c));
        lines.push({
          text: cells.join('\t'),
          cells,
          indent: 0,
          number: lines.length + 1,
          where: `第 ${tableCount} 个表格第 ${rowCount} 行`,
        });
      }
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(scope);
  flush();
  return {
    format: 'html',
    lines,
    ...(pageTitle ? { pageTitle } : {}),
    ...(pageUrl ? { pageUrl } : {}),
    ...(metaDate ? { metaDate } : {}),
  };
}

function decode(raw: string): string {
  return parse(`<p>${raw}</p>`).textContent;
}

function cellText(cell: HTMLElement): string {
  return cell.textContent.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
}

/**
 * The smallest element holding the report: the one that contains the tables and the heading of
 * 一、总体情况. Saved pages wrap the report in navigation, footers and scripts; those stay out.
 */
function reportContainer(body: HTMLElement): HTMLElement {
  const tables = body.querySelectorAll('table');
  const marker = body
    .querySelectorAll('p, div, h1, h2, h3, h4, span, strong, b, td')
    .find((el) => /^\s*一[、.．]\s*总体情况/u.test(el.textContent) && el.textContent.length < 60);
  const anchors = [...tables, ...(marker ? [marker] : [])];
  if (anchors.length === 0) return body;
  let candidate: HTMLElement | null = anchors[0] ?? null;
  while (candidate && !anchors.every((a) => contains(candidate as HTMLElement, a))) {
    candidate = candidate.parentNode as HTMLElement | null;
  }
  return candidate ?? body;
}

function contains(ancestor: HTMLElement, el: HTMLElement): boolean {
  for (let n: HTMLElement | null = el; n; n = n.parentNode as HTMLElement | null) {
    if (n === ancestor) return true;
  }
  return false;
}
