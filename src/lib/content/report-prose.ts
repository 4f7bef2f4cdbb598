/**
 * Reads and validates a report's prose (`src/content/reports/<agency>/<year>.mdx`).
 *
 * MDX is code that runs at build time. Report MDX may only be Markdown plus the three table
 * components, without attributes: no import/export, no {expressions}, no other JSX or HTML. That
 * keeps editors from running code in the build and keeps hostile markup out of the pages.
 */

import { createProcessor } from '@mdx-js/mdx';
import { isMap, isScalar } from 'yaml';
import type { Problem } from './problems.ts';
import { isWebUrl } from './agencies.ts';
import { describeNode, entriesOf, parseYaml } from './yaml-source.ts';

/** The components a report may place, each at most once, by the table they show. */
export const TABLE_COMPONENTS = {
  ProactiveTable: 'proactive',
  ApplicationsTable: 'applications',
  AppealsTable: 'appeals',
} as const;
export type TableComponent = keyof typeof TABLE_COMPONENTS;

export interface ReportFrontmatter {
  readonly title: string;
  /** YYYY-MM-DD */
  readonly published?: string;
  /** The official publication's address only. */
  readonly source?: string;
  /** A copy the archive worked from (shown as 「存档副本」), never presented as the official page. */
  readonly source_copy?: string;
}

export interface ReportProse {
  readonly frontmatter?: ReportFrontmatter;
  /** Table components placed in the prose, in order. */
  readonly components: readonly TableComponent[];
  /** False when the body could not be parsed (then `components` says nothing). */
  readonly parsed: boolean;
  /**
   * The body as plain Markdown, each table component replaced by a placeholder paragraph (see
   * `tablePlaceholder`). The site renders this with Astro's Markdown processor instead of
   * compiling every report into a JS module (see `splitRenderedProse`).
   */
  readonly markdown: string;
}

/** The paragraph that stands for a table component in `ReportProse.markdown`. */
export function tablePlaceholder(component: TableComponent): string {
  return `NIANBAO-TABLE-${component}`;
}

export type ProseSegment =
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'table'; readonly component: TableComponent };

/** Splits rendered prose HTML at the table placeholders, in document order. */
export function splitRenderedProse(html: string): ProseSegment[] {
  const out: ProseSegment[] = [];
  const names = Object.keys(TABLE_COMPONENTS).join('|');
  const re = new RegExp(`<p>NIANBAO-TABLE-(${names})</p>`, 'g');
  let last = 0;
  for (const m of html.matchAll(re)) {
    const before = html.slice(last, m.index).trim();
    if (before) out.push({ kind: 'html', html: before });
    out.push({ kind: 'table', component: m[1] as TableComponent });
    last = m.index + m[0].length;
  }
  const rest = html.slice(last).trim();
  if (rest) out.push({ kind: 'html', html: rest });
  return out;
}

const FRONTMATTER_KEYS = ['title', 'published', 'source', 'source_copy', 'agency', 'year'];
const COMPONENT_LIST = Object.keys(TABLE_COMPONENTS)
  .map((n) => `<${n} />`)
  .join('、');

interface MdxNode {
  type: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
  name?: string | null;
  url?: string;
  attributes?: unknown[];
  children?: MdxNode[];
}

const processor = createProcessor();

/** A real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Validates one report MDX file. `agency` and `year` come from its path, which is the report's
 * identity: front matter may repeat them but not contradict them.
 */
export function readReportProse(
  file: string,
  text: string,
  identity: { agency: string; year: number },
  problems: Problem[],
): ReportProse {
  const error = (line: number | undefined, field: string | undefined, message: string) =>
    problems.push({ severity: 'error', file, line, field, message });
  const lines = text.split('\n');
  let bodyStart = 0;
  let frontmatter: ReportFrontmatter | undefined;

  if (lines[0]?.trim() !== '---') {
    error(
      1,
      undefined,
      '文件应以「---」开头的前言（front matter）开始，其中至少写明 title（报告标题）。',
    );
  } else {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end < 0) {
      error(1, undefined, '前言（front matter）没有结束：请在前言之后加一行「---」。');
      return { components: [], parsed: false, markdown: '' };
    }
    bodyStart = end + 1;
    // A leading newline keeps YAML line numbers equal to the file's.
    frontmatter = readFrontmatter(file, '\n' + lines.slice(1, end).join('\n'), identity, problems);
  }

  // Blank out the front matter so that MDX positions are the file's own lines.
  const body = lines.map((l, i) => (i < bodyStart ? '' : l)).join('\n');
  const plain = plainPlacements(body);
  if (plain) {
    return {
      ...(frontmatter ? { frontmatter } : {}),
      components: plain.map((p) => p.component),
      parsed: true,
      markdown: withPlaceholders(body, bodyStart, plain),
    };
  }
  let tree: MdxNode;
  try {
    tree = processor.parse(body) as unknown as MdxNode;
  } catch (e) {
    const err = e as { line?: number; place?: { line?: number; start?: { line?: number } } };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line;
    error(
      line,
      undefined,
      '正文无法解析为 MDX。正文中的「<」「{」「}」会被当作代码：如果原文有这些符号，请写成「\\<」「\\{」「\\}」；表格组件要写成 <ApplicationsTable /> 这样的自闭合形式。',
    );
    return { ...(frontmatter ? { frontmatter } : {}), components: [], parsed: false, markdown: '' };
  }

  const components: TableComponent[] = [];
  /** Source ranges of the table components, replaced by placeholders in `markdown`. */
  const placements: Placement[] = [];
  const visit = (node: MdxNode): void => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'mdxjsEsm':
        error(
          line,
          undefined,
          '报告正文不能包含 import 或 export 语句（MDX 代码会在构建时运行）。表格组件无需导入。',
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        error(
          line,
          undefined,
          '报告正文不能包含 {…} 表达式（大括号里的内容会被当作代码运行）。如果原文有大括号，请写成「\\{」和「\\}」。',
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!(name in TABLE_COMPONENTS)) {
          error(
            line,
            undefined,
            `报告正文只能使用 ${COMPONENT_LIST} 三个表格组件，发现了 <${name}>。其他内容请用 Markdown 书写；原文中的「<」请写成「\\<」。`,
          );
          return;
        }
        if ((node.attributes?.length ?? 0) > 0 || (node.children?.length ?? 0) > 0) {
          error(
            line,
            undefined,
            `<${name} /> 不需要任何属性或内容：数据来自同名的 YAML 文件。请写成 <${name} />。`,
          );
        }
        if (node.type === 'mdxJsxTextElement') {
          error(line, undefined, `<${name} /> 要单独写成一行，前后不能有其他文字。`);
        }
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined)
          placements.push({ start, end, component: name as TableComponent });
        if (components.includes(name as TableComponent)) {
          error(line, undefined, `<${name} /> 出现了不止一次；每张表只能放置一次。`);
        }
        components.push(name as TableComponent);
        return;
      }
      case 'link':
      case 'definition':
        if (node.url !== undefined && !isSafeLink(node.url)) {
          error(
            line,
            undefined,
            `链接地址「${node.url}」不被允许：只能使用 http:// 或 https:// 网址、mailto: 或本站的相对地址。`,
          );
        }
        break;
      case 'image':
        error(
          line,
          undefined,
          '报告正文暂不支持图片：请用文字或表格组件记录原文内容，并在 source 中给出原文链接。',
        );
        return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return {
    ...(frontmatter ? { frontmatter } : {}),
    components,
    parsed: true,
    markdown: withPlaceholders(body, bodyStart, placements),
  };
}

/** Where a table component sits in the body (source offsets), replaced by its placeholder. */
interface Placement {
  readonly start: number;
  readonly end: number;
  readonly component: TableComponent;
}

/** The body as Markdown with each placed table component replaced by its placeholder. */
function withPlaceholders(body: string, bodyStart: number, placements: Placement[]): string {
  let markdown = '';
  // The front matter lines are blanked to empty lines: the body starts after bodyStart newlines.
  let last = bodyStart;
  for (const p of placements.sort((a, b) => a.start - b.start)) {
    markdown += body.slice(last, p.start) + tablePlaceholder(p.component);
    last = p.end;
  }
  markdown += body.slice(last);
  return markdown.trim() + '\n';
}

/** Characters that start MDX or Markdown syntax the check must see: JSX, expressions, links. */
const MDX_SYNTAX = /[<>{}[\]]/;
/** Lines the MDX parser may read as ESM, or that open a fenced code block. */
const ESM_OR_FENCE = /^(?:import|export)|^\s*(?:```|~~~)/;
const COMPONENT_LINE = new RegExp(`^<(${Object.keys(TABLE_COMPONENTS).join('|')}) />$`);

/**
 * The table components of a body that is plain Markdown apart from them, without running the MDX
 * parser (about a third of the content check's CPU, docs/performance.md round 6). Plain means: no
 * character that starts JSX, an expression, a link, a definition or an image, no line the parser
 * could take for import/export or a code fence, and each component exactly `<Name />` on a line
 * of its own between empty lines (or the body's ends), at most once. Such a body parses to
 * Markdown with those components as top-level elements and nothing the check reports, so the
 * result is what the parser's walk would give. Anything else returns undefined: the parser reads
 * it and reports what it finds. test/unit/report-prose.test.ts compares both on tricky bodies.
 */
export function plainPlacements(body: string): Placement[] | undefined {
  const lines = body.split('\n');
  const placements: Placement[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (MDX_SYNTAX.test(line) || ESM_OR_FENCE.test(line)) {
      const component = COMPONENT_LINE.exec(line)?.[1] as TableComponent | undefined;
      if (
        !component ||
        placements.some((p) => p.component === component) ||
        (i > 0 && lines[i - 1] !== '') ||
        (i + 1 < lines.length && lines[i + 1] !== '')
      ) {
        return undefined;
      }
      placements.push({ start: offset, end: offset + line.length, component });
    }
    offset += line.length + 1;
  }
  return placements;
}

function isSafeLink(url: string): boolean {
  if (url.startsWith('#') || url.startsWith('/')) return !url.startsWith('//');
  if (/^mailto:/i.test(url)) return true;
  return isWebUrl(url);
}

function readFrontmatter(
  file: string,
  yamlText: string,
  identity: { agency: string; year: number },
  problems: Problem[],
): ReportFrontmatter | undefined {
  const src = parseYaml(file, yamlText, problems);
  if (!src) return undefined;
  const error = (line: number | undefined, field: string, message: string) =>
    problems.push({ severity: 'error', file, line, field, message });
  const root = src.doc.contents;
  if (!isMap(root)) {
    error(
      2,
      'title',
      `前言应为一组字段（title、published、source），实为${describeNode(src, root)}。`,
    );
    return undefined;
  }
  const values: Record<string, { value: unknown; line: number | undefined; text: string }> = {};
  let ok = true;
  for (const entry of entriesOf(src, root, '前言', problems)) {
    if (!FRONTMATTER_KEYS.includes(entry.key)) {
      error(
        entry.line,
        entry.key,
        `前言中有未知字段「${entry.key}」。允许的字段是：title、published、source、source_copy（agency 和 year 由文件路径决定，可以不写）。`,
      );
      ok = false;
      continue;
    }
    const value = isScalar(entry.value) ? entry.value.value : entry.value;
    values[entry.key] = { value, line: entry.line, text: describeNode(src, entry.value) };
  }
  const title = values.title;
  if (!title) {
    error(1, 'title', '前言缺少 title（报告标题，按原文照录）。');
    ok = false;
  } else if (typeof title.value !== 'string' || title.value.trim() === '') {
    error(title.line, 'title', `title 应为报告标题（文字），实为${title.text}。`);
    ok = false;
  }
  const published = values.published;
  if (published && (typeof published.value !== 'string' || !isIsoDate(published.value))) {
    error(
      published.line,
      'published',
      `published 应为发布日期，写成 2021-01-29 这样的格式，实为${published.text}。`,
    );
    ok = false;
  }
  const source = values.source;
  if (source && (typeof source.value !== 'string' || !isWebUrl(source.value))) {
    error(
      source.line,
      'source',
      `source 应为原文网址，以 http:// 或 https:// 开头，实为${source.text}。`,
    );
    ok = false;
  }
  const copy = values.source_copy;
  if (copy && (typeof copy.value !== 'string' || !isWebUrl(copy.value))) {
    error(
      copy.line,
      'source_copy',
      `source_copy 应为存档副本的网址，以 http:// 或 https:// 开头，实为${copy.text}。`,
    );
    ok = false;
  }
  const agency = values.agency;
  if (agency && agency.value !== identity.agency) {
    error(
      agency.line,
      'agency',
      `前言中的 agency 为${agency.text}，与文件路径中的机构「${identity.agency}」不一致。报告的机构由文件夹名决定，请删除 agency 或改为一致。`,
    );
    ok = false;
  }
  const year = values.year;
  if (year && year.value !== identity.year) {
    error(
      year.line,
      'year',
      `前言中的 year 为${year.text}，与文件名中的年份 ${identity.year} 不一致。报告的年份由文件名决定，请删除 year 或改为一致。`,
    );
    ok = false;
  }
  if (!ok || typeof title?.value !== 'string') return undefined;
  return {
    title: title.value,
    ...(typeof published?.value === 'string' ? { published: published.value } : {}),
    ...(typeof source?.value === 'string' ? { source: source.value } : {}),
    ...(typeof copy?.value === 'string' ? { source_copy: copy.value } : {}),
  };
}
