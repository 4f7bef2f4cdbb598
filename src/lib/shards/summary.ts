/**
 * A shard's summary: what one separately built part of a national archive holds (its agencies,
 * years and report counts, where its pages and search index live), written by the shard's own
 * build as `shard-summary.json`. The top level lists every shard and searches them together from
 * these summaries alone, without reading or rebuilding any shard's reports.
 *
 * Also here: how a shard's agencies are chosen from a content root (by region prefix, e.g. 江苏省),
 * and the checks the top level runs on the summaries it is given (clear Chinese errors naming the
 * file and field). Pure data: no Astro imports; the only I/O is reading summary files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agency } from '../content/agencies.ts';
import type { ReportBase } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';
import { filterOptions } from '../site/search-fields.ts';
import { joinBase, agencyPath } from '../site/urls.ts';

export const SUMMARY_FORMAT = 'nianbao-shard-summary/1';
export const SUMMARY_FILE = 'shard-summary.json';
/** The environment variables a shard build reads: its id and its display name. */
export const SHARD_ID_ENV = 'NIANBAO_SHARD';
export const SHARD_NAME_ENV = 'NIANBAO_SHARD_NAME';
/** Shard ids become URL path segments (`/s/<id>/`) and file names. */
export const SHARD_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface ShardAgency {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly level: string;
  readonly kind: string;
  /** Years this agency has a report for, ascending. */
  readonly years: readonly number[];
  /** The agency's page, base included. */
  readonly url: string;
}

export interface ShardSummary {
  readonly format: typeof SUMMARY_FORMAT;
  readonly id: string;
  readonly name: string;
  /** Where the shard is deployed (its SITE_BASE), e.g. `/s/jiangsu/`. */
  readonly base: string;
  readonly reports: number;
  readonly agencies: number;
  /** Reports per year, newest first. */
  readonly years: readonly { readonly year: number; readonly reports: number }[];
  /** Reports per value of the search page's chip filters (层级, 类型, 模板版本), as the shard's search page counts them. */
  readonly filters: Readonly<
    Record<'level' | 'kind' | 'template', readonly { value: string; reports: number }[]>
  >;
  readonly urls: {
    readonly home: string;
    readonly search: string;
    /** The shard's Pagefind bundle: what the top level merges. */
    readonly searchIndex: string;
    readonly summary: string;
  };
  /** Every agency with the years it has reports for: a report's page is its agency page's URL
   * pattern (`reports/<agency>/<year>/`), so report URLs are not listed (the summary stays small). */
  readonly agencyList: readonly ShardAgency[];
}

/** The summary of a shard's checked reports and agencies. Deterministic: sorted everywhere. */
export function shardSummary(
  shard: { id: string; name: string; base: string },
  reports: readonly ReportBase[],
  agencies: readonly Agency[],
): ShardSummary {
  const sorted = [...reports].sort((a, b) => compareText(a.id, b.id));
  const years = new Map<number, number>();
  const yearsOf = new Map<string, Set<number>>();
  for (const r of sorted) {
    years.set(r.year, (years.get(r.year) ?? 0) + 1);
    const set = yearsOf.get(r.agency.id) ?? new Set<number>();
    set.add(r.year);
    yearsOf.set(r.agency.id, set);
  }
  const options = filterOptions(sorted);
  const at = (path: string) => joinBase(shard.base, path);
  return {
    format: SUMMARY_FORMAT,
    id: shard.id,
    name: shard.name,
    base: shard.base,
    reports: sorted.length,
    agencies: agencies.length,
    years: [...years].sort(([a], [b]) => b - a).map(([year, n]) => ({ year, reports: n })),
    filters: { level: options.level, kind: options.kind, template: options.template },
    urls: {
      home: at('/'),
      search: at('/search/'),
      searchIndex: at('/pagefind/'),
      summary: at(`/${SUMMARY_FILE}`),
    },
    agencyList: [...agencies]
      .sort((a, b) => compareText(a.id, b.id))
      .map((a) => ({
        id: a.id,
        name: a.name,
        region: a.region,
        level: a.level,
        kind: a.kind,
        years: [...(yearsOf.get(a.id) ?? [])].sort((x, y) => x - y),
        url: at(agencyPath(a.id)),
      })),
  };
}

/**
 * The agencies a shard takes: those whose region starts with one of the prefixes (江苏省 takes
 * 江苏省淮安市…). Every agency must fall in exactly one shard of a split (see `splitAgencies`).
 */
export function agenciesInRegions(
  agencies: readonly Agency[],
  prefixes: readonly string[],
): Agency[] {
  return agencies.filter((a) => prefixes.some((p) => a.region.startsWith(p)));
}

export interface ShardSpec {
  readonly id: string;
  readonly name: string;
  readonly regions: readonly string[];
}

/**
 * Assigns every agency to one shard. Nothing is dropped silently: an agency that no shard takes,
 * or that two shards take, or whose parent agency sits in another shard, is an error in Chinese.
 */
export function splitAgencies(
  agencies: readonly Agency[],
  shards: readonly ShardSpec[],
): Map<string, Agency[]> {
  const errors: string[] = [];
  const owner = new Map<string, string>();
  const out = new Map<string, Agency[]>();
  for (const s of shards) {
    if (!SHARD_ID.test(s.id))
      errors.push(`分片标识「${s.id}」只能用小写英文字母、数字和连字符（它是网址的一段）。`);
    const taken = agenciesInRegions(agencies, s.regions);
    out.set(s.id, taken);
    for (const a of taken) {
      const before = owner.get(a.id);
      if (before)
        errors.push(`机构「${a.name}」（${a.region}）同时属于分片「${before}」和「${s.id}」。`);
      else owner.set(a.id, s.id);
    }
  }
  for (const a of agencies) {
    if (!owner.has(a.id))
      errors.push(
        `机构「${a.name}」（${a.region}）不属于任何分片：请在某个分片的地区中加上它所在的省份。`,
      );
    else if (
      a.parent !== undefined &&
      owner.has(a.parent) &&
      owner.get(a.parent) !== owner.get(a.id)
    )
      errors.push(
        `机构「${a.name}」和它的上级机构「${a.parent}」分在不同的分片，须放在同一个分片。`,
      );
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return out;
}

/** Reads and checks every `<id>.json` summary in a folder, sorted by shard id. */
export function readSummaries(dir: string): ShardSummary[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort(compareText);
  if (files.length === 0) throw new Error(`${dir}：没有分片摘要文件（*.json）。`);
  const out = files.map((f) =>
    checkSummary(JSON.parse(readFileSync(join(dir, f), 'utf8')), join(dir, f)),
  );
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.id)) throw new Error(`${dir}：分片「${s.id}」的摘要出现了两次。`);
    seen.add(s.id);
  }
  return out;
}

/** Checks the fields the top level relies on; the error names the file and the field. */
export function checkSummary(value: unknown, file: string): ShardSummary {
  const s = value as Partial<ShardSummary> | null;
  const fail = (field: string, what: string) => {
    throw new Error(`${file}：字段 ${field} ${what}`);
  };
  if (typeof s !== 'object' || s === null) fail('（整个文件）', '应为 JSON 对象。');
  if (s!.format !== SUMMARY_FORMAT)
    fail('format', `应为「${SUMMARY_FORMAT}」，实为「${String(s!.format)}」。`);
  if (typeof s!.id !== 'string' || !SHARD_ID.test(s!.id))
    fail('id', '应为小写英文字母、数字和连字符。');
  if (typeof s!.name !== 'string' || s!.name === '') fail('name', '应为分片的中文名称。');
  if (typeof s!.base !== 'string' || !s!.base.startsWith('/') || !s!.base.endsWith('/'))
    fail('base', '应为以 / 开头和结尾的路径。');
  if (!Number.isInteger(s!.reports) || !Number.isInteger(s!.agencies))
    fail('reports', '应为整数。');
  if (!Array.isArray(s!.years)) fail('years', '应为列表。');
  if (!Array.isArray(s!.agencyList)) fail('agencyList', '应为列表。');
  const sum = s!.years!.reduce((n, y) => n + y.reports, 0);
  if (sum !== s!.reports) fail('years', `各年报告数之和 ${sum} 与 reports ${s!.reports} 不符。`);
  if (typeof s!.urls?.searchIndex !== 'string') fail('urls.searchIndex', '应为检索索引的路径。');
  return s as ShardSummary;
}

/** Totals over all shards, for the top level's first lines. */
export function totals(summaries: readonly ShardSummary[]) {
  const years = new Map<number, number>();
  for (const s of summaries)
    for (const y of s.years) years.set(y.year, (years.get(y.year) ?? 0) + y.reports);
  return {
    shards: summaries.length,
    reports: summaries.reduce((n, s) => n + s.reports, 0),
    agencies: summaries.reduce((n, s) => n + s.agencies, 0),
    years: [...years].sort(([a], [b]) => b - a).map(([year, reports]) => ({ year, reports })),
  };
}
