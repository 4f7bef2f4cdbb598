/**
 * The agency list, `data/agencies.yaml`: who publishes reports in the archive.
 */

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Problem } from './problems.ts';
import { describeNode, entriesOf, lineOf, parseYaml } from './yaml-source.ts';

export const AGENCY_LEVELS = [
  'central',
  'provincial',
  'prefectural',
  'county',
  'township',
] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const LEVEL_LABELS: Readonly<Record<AgencyLevel, string>> = {
  central: '中央',
  provincial: '省级',
  prefectural: '地市级',
  county: '县级',
  township: '乡镇级',
};

export const AGENCY_KINDS = ['government', 'department'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  government: '人民政府及其办公厅（室）',
  department: '政府部门',
};

export interface Agency {
  /** Lowercase ASCII slug; the folder name of the agency's reports. */
  readonly id: string;
  /** As the agency writes it. */
  readonly name: string;
  readonly level: AgencyLevel;
  readonly kind: AgencyKind;
  /** e.g. 河南省济源市 */
  readonly region: string;
  /** The agency's own portal (http/https), where its reports are first published. */
  readonly website?: string;
  /** Where to apply for information (its 依申请公开 channel or page), http/https. */
  readonly apply?: string;
  /** Id of the agency it belongs to (a department's government). */
  readonly parent?: string;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const REQUIRED = ['id', 'name', 'level', 'kind', 'region'] as const;
const OPTIONAL = ['website', 'apply', 'parent'] as const;
const ALL_KEYS: readonly string[] = [...REQUIRED, ...OPTIONAL];

/** True for an absolute http(s) URL; anything else (javascript:, data:, relative) is refused. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Reads and validates `data/agencies.yaml`. Invalid entries are reported and left out. */
export function readAgencies(file: string, text: string, problems: Problem[]): Agency[] {
  const src = parseYaml(file, text, problems, { scan: true });
  if (!src) return [];
  const root = src.doc.contents;
  const error = (line: number | undefined, field: string, message: string) =>
    problems.push({ severity: 'error', file, line, field, message });
  if (!isSeq(root)) {
    error(
      lineOf(src, root) ?? 1,
      '(根)',
      `机构列表应为列表（每个机构以「- id:」开头），实为${describeNode(src, root)}。`,
    );
    return [];
  }
  const agencies: Agency[] = [];
  const seenIds = new Map<string, number | undefined>();
  const parentLocations = new Map<string, { line: number | undefined; field: string }>();
  root.items.forEach((item, i) => {
    const node = item as Node | null;
    const line = lineOf(src, node);
    const at = (key: string) => `[${i}].${key}`;
    if (!isMap(node)) {
      error(
        line,
        `[${i}]`,
        `每个机构应为一组字段（id、name、level、kind、region），实为${describeNode(src, node)}。`,
      );
      return;
    }
    const values: Record<string, unknown> = {};
    const nodes: Record<string, Node | null> = {};
    const lines: Record<string, number | undefined> = {};
    let ok = true;
    for (const entry of entriesOf(src, node, `[${i}]`, problems)) {
      if (!ALL_KEYS.includes(entry.key)) {
        error(
          entry.line,
          at(entry.key),
          `机构中有未知字段「${entry.key}」。允许的字段是：${ALL_KEYS.join('、')}。如果是拼写错误，请改正。`,
        );
        ok = false;
        continue;
      }
      values[entry.key] = isScalar(entry.value) ? entry.value.value : entry.value;
      nodes[entry.key] = entry.value;
      lines[entry.key] = entry.line;
    }
    for (const key of REQUIRED) {
      if (!(key in values)) {
        error(line, at(key), `机构缺少字段「${key}」。`);
        ok = false;
      }
    }
    const text = (
      key: string,
      expected: string,
      test: (v: string) => boolean,
    ): string | undefined => {
      if (!(key in values)) return undefined;
      const v = values[key];
      if (typeof v === 'string' && v.trim() !== '' && test(v)) return v;
      error(
        lines[key],
        at(key),
        `${expected}，实为${typeof v === 'string' ? `「${v}」` : describeNode(src, nodes[key])}。`,
      );
      ok = false;
      return undefined;
    };
    const id = text(
      'id',
      'id 应为小写英文字母、数字和连字符组成的标识（例如 jiyuan-gongan）',
      (v) => SLUG.test(v),
    );
    const name = text('name', 'name 应为机构名称（按机构自己的写法）', () => true);
    const level = text('level', `level 应为 ${AGENCY_LEVELS.join('、')} 之一`, (v) =>
      (AGENCY_LEVELS as readonly string[]).includes(v),
    );
    const kind = text(
      'kind',
      `kind 应为 government（人民政府及其办公厅）或 department（政府部门）`,
      (v) => (AGENCY_KINDS as readonly string[]).includes(v),
    );
    const region = text('region', 'region 应为所在地区（例如 河南省济源市）', () => true);
    const website = text('website', 'website 应为以 http:// 或 https:// 开头的网址', isWebUrl);
    const apply = text(
      'apply',
      'apply 应为依申请公开渠道的网址，以 http:// 或 https:// 开头',
      isWebUrl,
    );
    const parent = text('parent', 'parent 应为上级机构的 id', (v) => SLUG.test(v));
    if (id !== undefined) {
      if (seenIds.has(id)) {
        error(
          lines.id,
          at('id'),
          `机构 id「${id}」重复：第 ${seenIds.get(id)} 行已登记了同一个 id。每个机构只能登记一次。`,
        );
        ok = false;
      } else seenIds.set(id, lines.id);
    }
    if (!ok || !id || !name || !level || !kind || !region) return;
    parentLocations.set(id, { line: lines.parent, field: at('parent') });
    agencies.push({
      id,
      name,
      level: level as AgencyLevel,
      kind: kind as AgencyKind,
      region,
      ...(website ? { website } : {}),
      ...(apply ? { apply } : {}),
      ...(parent ? { parent } : {}),
    });
  });
  const ids = new Set(agencies.map((a) => a.id));
  for (const a of agencies) {
    if (a.parent !== undefined && !ids.has(a.parent)) {
      const at = parentLocations.get(a.id);
      error(
        at?.line,
        at?.field ?? 'parent',
        `机构「${a.name}」的上级机构「${a.parent}」不在机构列表中。`,
      );
    }
  }
  return agencies;
}
