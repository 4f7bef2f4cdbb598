/**
 * The reading context of one report YAML file, and the checked walk over a mapping's keys that
 * every part of the reader uses: unknown keys and missing keys are errors an editor can act on.
 */

import { isMap, type YAMLMap } from 'yaml';
import type { Problem } from '../problems.ts';
import { closestName } from '../spelling.ts';
import { describeNode, entriesOf, lineOf, type Entry, type YamlSource } from '../yaml-source.ts';
import type { TemplateVersion } from '../../template/declarations.ts';

/** What the readers of one file share: the source, the version, and what they have read so far. */
export interface ReadContext {
  readonly src: YamlSource;
  readonly version: TemplateVersion;
  readonly problems: Problem[];
  readonly cells: Record<string, number | null>;
  readonly lines: Record<string, number | undefined>;
  readonly units: Record<string, string | null>;
  /** Cells the original did not print (`not_printed` tables, sub-rows of a combined row). */
  readonly notPrinted: Set<string>;
  /** Cells of groups printed as one row, by `applications.<group>.<column>`. */
  readonly combined: Record<string, number | null>;
}

export interface CheckedEntriesOptions {
  /** The mapping's field path ('' for the root). */
  readonly field: string;
  /** The keys allowed here, in the order messages list them. */
  readonly allowed: readonly string[];
  /** How the mapping is named in messages: 「表三（…）」. */
  readonly what: string;
  /** Keys that belong to another template version, for a better message. */
  readonly otherKeys?: readonly string[];
  /** Allowed keys that may be missing. Default: none. */
  readonly optional?: readonly string[];
}

/**
 * Entries of a mapping, checking them against the allowed keys: unknown keys and missing keys are
 * errors (appended to `problems`).
 */
export function checkedEntries(
  src: YamlSource,
  map: YAMLMap,
  problems: Problem[],
  options: CheckedEntriesOptions,
): Map<string, Entry> {
  const { field, allowed, what, otherKeys = [], optional = [] } = options;
  const found = new Map<string, Entry>();
  const at = (key: string) => (field ? `${field}.${key}` : key);
  const unknown: Entry[] = [];
  for (const entry of entriesOf(src, map, field || '(根)', problems)) {
    if (allowed.includes(entry.key)) found.set(entry.key, entry);
    else unknown.push(entry);
  }
  const missing = allowed.filter((key) => !found.has(key));
  for (const entry of unknown) {
    const otherVersion = otherKeys.includes(entry.key)
      ? `「${entry.key}」属于另一版模板；本报告声明的模板版本（template）不使用这个字段。`
      : '';
    const meant = otherVersion ? undefined : closestName(entry.key, missing);
    problems.push({
      severity: 'error',
      file: src.file,
      line: entry.line,
      field: at(entry.key),
      message: `${what}中有未知字段「${entry.key}」。${otherVersion}${meant ? `是否应为「${meant}」？` : ''}这里允许的字段是：${allowed.join('、')}。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。`,
    });
  }
  for (const key of missing) {
    if (!optional.includes(key)) {
      problems.push({
        severity: 'error',
        file: src.file,
        line: lineOf(src, map),
        field: at(key),
        message: `${what}缺少字段「${key}」。`,
      });
    }
  }
  return found;
}

/** The entry's value as a mapping, or an error naming what it should have been. */
export function expectMap(
  ctx: ReadContext,
  entry: Entry,
  field: string,
  what: string,
): YAMLMap | undefined {
  if (isMap(entry.value)) return entry.value;
  ctx.problems.push({
    severity: 'error',
    file: ctx.src.file,
    line: entry.line,
    field,
    message: `${what}应为一组字段（每行「字段: 值」），实为${describeNode(ctx.src, entry.value)}。`,
  });
  return undefined;
}
