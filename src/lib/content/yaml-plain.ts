/**
 * A reader for the plain YAML most report files are written in, about ten times cheaper than the
 * `yaml` package's document parser, which was half of the cold content check's CPU
 * (docs/performance.md, round 6). It builds the same nodes (`yaml`'s own Scalar, YAMLMap, YAMLSeq
 * and Pair, with the source ranges the readers turn into lines) for a deliberately small subset:
 *
 * - block mappings of plain keys (`made: 0`), nested by indentation only (spaces);
 * - block sequences of scalars (`- 124`), flow sequences of numbers and nulls on one line
 *   (`[3001, 53, null]`), flow mappings of numbers and nulls on one line (`{ issued: 1 }`);
 * - scalars: decimal numbers as the reader accepts them, `null`, lower-case words
 *   (`not_printed`, `draft`), dates (`2026-03-01`) and plain text that starts with a non-ASCII
 *   character and holds none of `:#,[]{}`;
 * - comment lines and blank lines.
 *
 * Anything else (quotes, comments after a value, tabs, CR, anchors, block scalars, a mapping in a
 * sequence, an empty value, a duplicate key, unusual indentation, every syntax error) returns
 * undefined, and the caller parses the text with `yaml`, which reports what is wrong. So a file
 * read here is one `yaml` reads to the same values without an error, and every message about it
 * names the same line. test/unit/yaml-plain.test.ts compares both readers' trees on every
 * fixture, the demo content and generated reports.
 */

import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * Characters that can start YAML syntax outside the subset, and any white space but the space and
 * the line feed (tabs, CR, a BOM, full-width or no-break spaces: `yaml` and String#trim disagree
 * on them).
 */
const OUTSIDE_SUBSET = /[^\S \n]|[\uFEFF"'&*!|>%@`?\\]/;
const KEY = /^[A-Za-z_][\w.]*$/;
/** Keys `yaml` resolves to something other than a string. */
const NON_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const WORD = /^[a-z][a-z_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT = /^[^\x00-\x7F][^:#[\]{},]*$/;

interface Line {
  /** Offset of the line's first character in the text. */
  readonly start: number;
  /** Leading spaces. */
  readonly indent: number;
  /** The line without its indentation and trailing spaces. */
  readonly content: string;
}

class Outside extends Error {}

/** Throws out of the subset; caught by `parsePlainYaml`, which then answers undefined. */
function outside(): never {
  throw new Outside();
}

/** The value of a plain scalar in block context, or out of the subset. */
function blockScalarValue(source: string): string | number | null {
  if (NUMBER.test(source)) return Number(source);
  if (source === 'null') return null;
  if (WORD.test(source) && source !== 'true' && source !== 'false') return source;
  if (DATE.test(source) || TEXT.test(source)) return source;
  return outside();
}

/** The value of a scalar inside `[ ]` or `{ }`: numbers and nulls only. */
function flowScalarValue(source: string): number | null {
  if (NUMBER.test(source)) return Number(source);
  if (source === 'null') return null;
  return outside();
}

function scalar(value: string | number | null, start: number, length: number): Scalar {
  const node = new Scalar(value);
  node.range = [start, start + length, start + length];
  return node;
}

/** Comma-separated parts of a flow collection's inside, each with its offset, trimmed. */
function flowParts(inside: string, offset: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let at = 0;
  for (const raw of inside.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') outside();
    parts.push({ text, start: offset + at + lead });
    at += raw.length + 1;
  }
  return parts;
}

/** A value written after `key: ` or `- ` on one line. */
function inlineValue(source: string, start: number): Node {
  const end = start + source.length;
  if (source.startsWith('[')) {
    if (!source.endsWith(']')) outside();
    const seq = new YAMLSeq();
    for (const part of flowParts(source.slice(1, -1), start + 1)) {
      seq.items.push(scalar(flowScalarValue(part.text), part.start, part.text.length));
    }
    seq.flow = true;
    seq.range = [start, end, end];
    return seq;
  }
  if (source.startsWith('{')) {
    if (!source.endsWith('}')) outside();
    const map = new YAMLMap();
    const keys = new Set<string>();
    for (const part of flowParts(source.slice(1, -1), start + 1)) {
      const m = /^([^:\s]+):( +)(.+)$/.exec(part.text);
      if (!m || !KEY.test(m[1]!) || NON_STRING_KEY.test(m[1]!) || keys.has(m[1]!)) outside();
      keys.add(m[1]!);
      const valueStart = part.start + m[1]!.length + 1 + m[2]!.length;
      map.items.push(
        new Pair(
          scalar(m[1]!, part.start, m[1]!.length),
          scalar(flowScalarValue(m[3]!), valueStart, m[3]!.length),
        ),
      );
    }
    map.flow = true;
    map.range = [start, end, end];
    return map;
  }
  return scalar(blockScalarValue(source), start, source.length);
}

/** Reads the block collection whose first line is `lines[i]`; returns it and the next index. */
function block(lines: readonly Line[], i: number): [Node, number] {
  const first = lines[i]!;
  const indent = first.indent;
  const isSeq = first.content === '-' || first.content.startsWith('- ');
  const items: Pair[] | Node[] = [];
  const keys = new Set<string>();
  let last = first.start;
  while (i < lines.length && lines[i]!.indent === indent) {
    const line = lines[i]!;
    const at = line.start + indent;
    if (isSeq) {
      const m = /^-( +)(.+)$/.exec(line.content);
      if (!m) outside();
      const value = m[2]!;
      // `- key: value` (a mapping in a sequence) is left to `yaml`.
      if (/:( |$)/.test(value)) outside();
      (items as Node[]).push(inlineValue(value, at + 1 + m[1]!.length));
      last = at + line.content.length;
      i++;
    } else {
      const m = /^([^:\s]+):(?:( +)(.+))?$/.exec(line.content);
      if (!m || !KEY.test(m[1]!) || NON_STRING_KEY.test(m[1]!) || keys.has(m[1]!)) outside();
      keys.add(m[1]!);
      const key = scalar(m[1]!, at, m[1]!.length);
      i++;
      let value: Node;
      if (m[3] !== undefined) {
        value = inlineValue(m[3], at + m[1]!.length + 1 + m[2]!.length);
        last = at + line.content.length;
      } else {
        // An empty value is null to `yaml`; only a nested block is read here.
        const next = lines[i];
        if (!next || next.indent <= indent) outside();
        [value, i] = block(lines, i);
        last = value.range![1];
      }
      (items as Pair[]).push(new Pair(key, value));
    }
    if (i < lines.length && lines[i]!.indent > indent) outside();
  }
  const node = isSeq ? new YAMLSeq() : new YAMLMap();
  node.items = items as never;
  node.range = [first.start + indent, last, last];
  return [node, i];
}

/**
 * The document's root node and line table when `text` is within the subset above; undefined
 * otherwise (then parse it with `yaml`).
 */
export function parsePlainYaml(
  text: string,
): { readonly contents: Node; readonly lineCounter: LineCounter } | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    if (start > 0) lineCounter.addNewLine(start);
    const content = raw.trim();
    if (content !== '' && !content.startsWith('#')) {
      if (content.includes('#')) return undefined;
      const indent = raw.length - raw.trimStart().length;
      lines.push({ start, indent, content });
    }
    start += raw.length + 1;
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  try {
    const [contents, next] = block(lines, 0);
    if (next !== lines.length) return undefined;
    return { contents, lineCounter };
  } catch (e) {
    if (e instanceof Outside) return undefined;
    throw e;
  }
}
