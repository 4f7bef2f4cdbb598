/**
 * Label matching for the importer: how a printed label is compared with the template's.
 *
 * Labels come from `template/`; this module only says how to normalise what reports print
 * (full/half-width brackets and digits, "1、" vs "1.", spaces inside labels, header words split by
 * PDF extraction) and which labels identify a version. The variants that normalising cannot reach
 * are declared with each version (`labelVariants`).
 */

import { applicationLeaves } from '../template/cells.ts';
import {
  APPLICATION_COLUMNS,
  SECTION_HEADINGS,
  type LabelVariant,
  type TemplateVersion,
} from '../template/declarations.ts';
import { otherVersions, templateOf, templateVersions } from '../template/registry.ts';

/**
 * Normalises a printed label for comparison: NFKC folds full-width digits, letters and brackets
 * to half-width; whitespace (PDF extraction splits words: "商业企 / 业"), quotes, table pipes and
 * trailing full stops are dropped; sub-item numbering "1、", "1．", "(1)" becomes "1.".
 */
export function normLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s|“”"'‘’「」『』]/gu, '')
    .replace(/\((\d{1,2})\)/g, '$1.')
    .replace(/(\d{1,2})[、.．](?!\d)/g, '$1.')
    .replace(/([一二三四五六七八九十])[.．,，]/gu, '$1、')
    .replace(/[。.]+$/u, '');
}

/**
 * Row labels that normalising cannot match, seen in real reports, for one version: declared with
 * the version (`labelVariants`), so that no template label is typed here.
 */
export function labelVariants(version: TemplateVersion): readonly LabelVariant[] {
  return templateOf(version).labelVariants;
}

/**
 * Words that identify each of the six section headings when a report words them differently
 * ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "五、存在的主要问题及整改措施").
 * Index i is SECTION_HEADINGS[i]. A heading line must also start with a Chinese ordinal.
 */
export const HEADING_KEYWORDS: readonly (readonly string[])[] = [
  ['总体情况'],
  ['主动公开'],
  ['申请'],
  ['行政复议', '行政诉讼'],
  ['问题'],
  ['其他需要报告', '其他事项'],
];

/**
 * Keywords in a note printed inside a table 二 cell that say which column it belongs to, for
 * PDF conversions that pull an annotated cell out of its row ("55（含自然失效 29 件）"): the
 * count of repealed documents includes those that expired, issued documents include revisions.
 */
export const NOTE_COLUMN_HINTS: Readonly<Record<string, readonly string[]>> = {
  repealed: ['废止', '失效'],
  issued: ['修订', '修改', '制定', '新制'],
};

if (HEADING_KEYWORDS.length !== SECTION_HEADINGS.length) {
  throw new Error('HEADING_KEYWORDS must have one entry per section heading');
}

/** Which section (0–5) a line is the heading of, or -1. */
export function headingIndex(line: string): number {
  const text = line.trim();
  if (!/^[一二三四五六七八九十]+[、.．]/u.test(text)) return -1;
  if (text.length > 40 || /[。；]./u.test(text) || /\t/.test(line)) return -1;
  const norm = normLabel(text);
  for (let i = 0; i < SECTION_HEADINGS.length; i++) {
    const canonical = normLabel(SECTION_HEADINGS[i] ?? '').replace(/^[一二三四五六]、/u, '');
    if (norm.includes(canonical)) return i;
  }
  const found = HEADING_KEYWORDS.findIndex((words) => words.some((w) => norm.includes(w)));
  return found;
}

/** Every label a template version prints: column headers, row labels and row groups. */
function allLabels(version: TemplateVersion): string[] {
  const t = templateOf(version);
  const out: string[] = [];
  for (const s of t.proactive) {
    out.push(...s.columns.map((c) => c.label), ...s.rows.map((r) => r.label));
  }
  for (const leaf of applicationLeaves(t)) out.push(...leaf.labels);
  return [...new Set(out.map(normLabel))];
}

/** Labels printed by one version only (and not contained in a label of another). */
function distinctiveLabels(version: TemplateVersion): string[] {
  const other = otherVersions(version).flatMap(allLabels);
  const t = templateOf(version);
  const own = [
    ...t.proactive.flatMap((s) => [
      ...s.columns.map((c) => c.label),
      ...s.rows.map((r) => r.label),
    ]),
    ...applicationLeaves(t).map((l) => l.labels[l.labels.length - 1] ?? ''),
  ].map(normLabel);
  return [...new Set(own)].filter((l) => l !== '' && !other.some((o) => o.includes(l)));
}

/** Votes of the table text for each template version: how many labels of its own it prints. */
export function templateVotes(tableText: string): Map<TemplateVersion, string[]> {
  const norm = normLabel(tableText);
  const votes = new Map<TemplateVersion, string[]>();
  for (const v of templateVersions()) {
    votes.set(
      v,
      distinctiveLabels(v).filter((l) => norm.includes(l)),
    );
  }
  return votes;
}

/** Normalised template label with its sub-item numbering removed: "1.属于国家秘密" → "属于国家秘密". */
export function coreLabel(norm: string): string {
  return norm.replace(/^(\d{1,2}\.|\([一二三四五六七八九十]\)|[一二三四五六七八九十]+、)/u, '');
}

export const APPLICATION_COLUMN_COUNT = APPLICATION_COLUMNS.length;
