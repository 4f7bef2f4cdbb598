/**
 * YAML parsing that keeps line numbers, so that every message can name the line an editor typed.
 * Uses the `yaml` package's document API (node ranges plus a LineCounter).
 */

import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import type { Problem } from './problems.ts';
import { scanTypingMistakes } from './typing-mistakes.ts';
import { parsePlainYaml } from './yaml-plain.ts';

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** The document's root node (from `yaml`, or from yaml-plain.ts for plain files). */
  readonly doc: { readonly contents: Document.Parsed['contents'] | Node };
  readonly lineCounter: LineCounter;
}

/** Chinese wording for the parser's error codes (yaml's own messages are English). */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '同一层级出现了重复的字段名',
  BAD_INDENT: '缩进不正确（同一层级的字段要对齐）',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  MISSING_CHAR: '缺少必要的符号（例如引号、括号没有成对）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行（可能是缺少冒号或缩进不对）',
  BLOCK_AS_IMPLICIT_KEY: '字段名的写法不正确（可能是缺少冒号或缩进不对）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_SCALAR_START: '值的开头字符不合法（以 @ 或 ` 开头的文字请加引号）',
  BAD_DQ_ESCAPE: '双引号内的转义写法不正确',
  MULTIPLE_DOCS: '一个文件只能有一个 YAML 文档（不要使用 ---）',
  KEY_OVER_1024_CHARS: '字段名过长',
  ALIAS_PROPS: '别名不能带标签或锚点',
  BAD_ALIAS: '别名引用不正确',
  BAD_DIRECTIVE: 'YAML 指令不正确',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用多行写法',
  IMPOSSIBLE: '无法解析',
  MISSING_ANCHOR: '引用了不存在的锚点',
  MULTIPLE_ANCHORS: '同一个值有多个锚点',
  MULTIPLE_TAGS: '同一个值有多个标签',
  TAG_RESOLVE_FAILED: '无法识别的标签',
};

/**
 * Parses YAML text; syntax errors become problems with their line. With `scan` (a whole file as
 * the editor typed it), common typing mistakes are reported first, and a file with one is not parsed.
 */
export function parseYaml(
  file: string,
  text: string,
  problems: Problem[],
  options: { scan?: boolean } = {},
): YamlSource | undefined {
  if (options.scan) {
    const scan = scanTypingMistakes(file, text);
    problems.push(...scan.problems);
    if (scan.fatal) return undefined;
  }
  // Plain files (most report files) are read without the document parser: same nodes, same
  // ranges; anything outside that subset, errors included, goes to `yaml` below.
  const plain = parsePlainYaml(text);
  if (plain)
    return { file, text, doc: { contents: plain.contents }, lineCounter: plain.lineCounter };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length === 0) return { file, text, doc, lineCounter };
  for (const err of doc.errors) {
    const what = YAML_ERRORS[err.code] ?? 'YAML 格式错误';
    problems.push({
      severity: 'error',
      file,
      line: lineCounter.linePos(err.pos[0]).line,
      message: `YAML 格式错误：${what}（${err.code}）。文件未能读取，请对照示例检查这一行及其上一行。`,
    });
  }
  return undefined;
}

/** The 1-based line where a node starts. */
export function lineOf(src: YamlSource, node: Node | null | undefined): number | undefined {
  if (!node?.range) return undefined;
  return src.lineCounter.linePos(node.range[0]).line;
}

/** The source text of a node, as typed (used to reject 1e3, 0x10, .inf and the like). */
export function sourceOf(src: YamlSource, node: Node): string {
  return node.range ? src.text.slice(node.range[0], node.range[1]).trim() : '';
}

export interface Entry {
  readonly key: string;
  readonly keyNode: Node | null;
  readonly value: Node | null;
  /** Line of the key (the value may sit on the next line). */
  readonly line: number | undefined;
}

/** The entries of a YAML mapping in document order. Non-string keys are reported. */
export function entriesOf(
  src: YamlSource,
  map: YAMLMap,
  field: string,
  problems: Problem[],
): Entry[] {
  const out: Entry[] = [];
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    const line = lineOf(src, keyNode) ?? lineOf(src, map);
    if (typeof key !== 'string' && typeof key !== 'number') {
      problems.push({
        severity: 'error',
        file: src.file,
        line,
        field,
        message: '字段名应为文字。',
      });
      continue;
    }
    out.push({ key: String(key), keyNode, value: pair.value as Node | null, line });
  }
  return out;
}

/** Short Chinese name of what a node is, for "expected X, found Y" messages. */
export function describeNode(src: YamlSource, node: Node | null | undefined): string {
  if (node === null || node === undefined) return '空值';
  if (isMap(node)) return '一组字段（映射）';
  if (isSeq(node)) return '列表';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return '空值';
    if (typeof v === 'number') return `数字 ${sourceOf(src, node)}`;
    if (typeof v === 'boolean') return `布尔值「${sourceOf(src, node)}」`;
    return `文字「${String(v)}」`;
  }
  return '无法识别的值';
}
