/**
 * The report's frame: title, year, publication date, and the six sections in order.
 */

import { SECTION_HEADINGS } from '../template/declarations.ts';
import { headingIndex } from './labels.ts';
import type { SourceDocument, SourceLine } from './source.ts';

export interface Section {
  /** 0–5: index into SECTION_HEADINGS. */
  readonly index: number;
  /** The heading as printed, or null when the report does not print it (then it is supplied). */
  readonly heading: string | null;
  readonly lines: readonly SourceLine[];
}

export interface ReportFrame {
  readonly title: string | null;
  readonly year: number | null;
  readonly published: string | null;
  readonly source: string | null;
  /** Lines between the title and 一、总体情况 (an introduction), metadata removed. */
  readonly intro: readonly SourceLine[];
  readonly sections: readonly Section[];
  /** Headings the report does not print, by index. */
  readonly missingHeadings: readonly number[];
}

const TITLE_WORDS = /(年度报告|年报)/u;
const DATE_LABEL =
  /(发布日期|公开日期|发文日期|成文日期|发布时间|日期)\s*[:：]?\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/u;
/** "— 1 —", "-2-", "第 3 页": page numbers of a PDF. */
export const PAGE_MARKER =
  /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/u;
/** Lines a converter or a saved page adds that are not the report's text. */
const NOISE = [/^#{1,6}\s*表[二三四]/u, /^正文$/u, /^(source|来源)\s*:/iu];
/** Metadata rows of a government page ("索引号→…", "名称→…", "发布机构→…"). */
const METADATA =
  /^(名称|索引号|分类|发布机构|公开日期|发布日期|文号|关键词|主题分类|成文日期|发文机关|来源|信息来源|发布时间|浏览次数|字号)/u;

/** Joins CJK and digits the way the report title is printed ("2024 年" → "2024年"). */
export function tidyTitle(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/(?<=[\p{Script=Han}（）《》])\s+(?=[\p{Script=Han}\d（）《》])/gu, '')
    .replace(/(?<=\d)\s+(?=[\p{Script=Han}])/gu, '')
    .trim();
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Reads the frame of a report. `header` is the optional `source:` first line of a saved copy. */
export function readFrame(doc: SourceDocument): ReportFrame {
  const lines = [...doc.lines];
  let headerTitle: string | null = null;
  let source: string | null = null;
  let published: string | null = null;
  // A saved copy may start with "source: <title or address> (how it was saved)".
  const first = lines.find((l) => l.text.trim() !== '');
  if (first && /^source\s*:/iu.test(first.text.trim())) {
    const rest = first.text.trim().replace(/^source\s*:\s*/iu, '');
    const url = /^(https?:\/\/\S+)/u.exec(rest)?.[1];
    if (url) source = url;
    else headerTitle = rest.split(/\s*[,，(（]/u)[0]?.trim() || null;
    const date = /published\s+(\d{4})-(\d{2})-(\d{2})/u.exec(rest);
    if (date) published = isoDate(date[1] ?? '', date[2] ?? '', date[3] ?? '');
    lines.splice(lines.indexOf(first), 1);
  }

  const headingAt: { index: number; line: number }[] = [];
  let current = -1;
  lines.forEach((l, i) => {
    if (l.cells) return;
    const h = headingIndex(l.text);
    if (h > current) {
      headingAt.push({ index: h, line: i });
      current = h;
    }
  });
  const firstHeading = headingAt[0]?.line ?? lines.length;

  // Title: the first line before section 一 that names an annual report; a title broken over two
  // lines ("淮安市人民政府" / "2024 年政府信息公开工作年度报告") is joined.
  let bodyTitle: string | null = null;
  let titleEnd = -1;
  for (let i = 0; i < firstHeading; i++) {
    const l = lines[i];
    if (!l || l.cells || !TITLE_WORDS.test(l.text) || l.text.trim().length > 60) continue;
    // A markdown conversion prints the title as a heading: "# 2024年…年度报告".
    let text = l.text.trim().replace(/^#{1,6}\s+/u, '');
    const prev = previousText(lines, i);
    if (prev && (!/\d{4}/u.test(text) || /^\d{4}\s*年/u.test(text))) {
      const p = prev.line.text.trim();
      if (p.length <= 30 && !/[。，；：:]/u.test(p) && !NOISE.some((n) => n.test(p))) {
        if (!/\d{4}/u.test(text) || !/\d{4}/u.test(p)) text = p + text;
      }
    }
    bodyTitle = tidyTitle(text);
    titleEnd = i;
    break;
  }
  // A page's <title> adds the portal's name ("…年度报告_政府信息公开年报_某某管委会"): only the
  // part that names the report is the title.
  const pagePart = (doc.pageTitle ?? '')
    .split(/\s*(?:[_|｜]|\s[-—–]\s)\s*/u)
    .find((part) => TITLE_WORDS.test(part) && /\d{4}/u.test(part));
  const pageTitle = pagePart ? tidyTitle(pagePart) : null;
  if (!source && doc.pageUrl) source = doc.pageUrl;
  const title = headerTitle ?? bodyTitle ?? pageTitle;

  if (!published) {
    for (const l of lines.slice(0, firstHeading)) {
      const m = DATE_LABEL.exec(l.text.replace(/\t/g, ' '));
      if (m) {
        published = isoDate(m[2] ?? '', m[3] ?? '', m[4] ?? '');
        break;
      }
    }
  }
  if (!published && doc.metaDate && /^\d{4}-\d{2}-\d{2}$/u.test(doc.metaDate))
    published = doc.metaDate;

  const yearMatch = /(\d{4})\s*年/u.exec(title ?? '');
  const year = yearMatch ? Number(yearMatch[1]) : null;

  const titleNorm = (title ?? '').replace(/\s/gu, '');
  const intro = lines.slice(titleEnd + 1, firstHeading).filter((l) => {
    const t = l.text.trim();
    if (t === '' || l.cells) return t === '';
    if (NOISE.some((n) => n.test(t)) || METADATA.test(t) || DATE_LABEL.test(t)) return false;
    if (PAGE_MARKER.test(t)) return false;
    return t.replace(/\s/gu, '') !== titleNorm;
  });

  const sections: Section[] = headingAt.map((h, k) => {
    const end = headingAt[k + 1]?.line ?? lines.length;
    return {
      index: h.index,
      heading: lines[h.line]?.text.trim() ?? null,
      lines: lines.slice(h.line + 1, end).filter((l) => !NOISE.some((n) => n.test(l.text.trim()))),
    };
  });
  const found = new Set(sections.map((s) => s.index));
  const missingHeadings = SECTION_HEADINGS.map((_, i) => i).filter((i) => !found.has(i));
  return { title, year, published, source, intro, sections, missingHeadings };
}

function previousText(lines: readonly SourceLine[], i: number): { line: SourceLine } | null {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (!l) break;
    if (l.text.trim() === '') continue;
    return l.cells ? null : { line: l };
  }
  return null;
}
