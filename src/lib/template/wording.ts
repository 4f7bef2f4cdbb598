/**
 * How the template's rules and versions are said, in Chinese, to editors and readers: a failing
 * check in printed labels, the YAML that acknowledges it, the versions a report may declare, and
 * a row that another version shapes differently. Derived from the declarations and the registry.
 */

import { TABLE_SHORT, type TemplateVersion } from './declarations.ts';
import { applicationRowAt, describeCell, findCell } from './cells.ts';
import { otherVersions, templateOf, templateVersions } from './registry.ts';
import { RULES, type CheckResult } from './rules.ts';

/** The YAML an editor pastes under `discrepancies` to acknowledge a failure as published. */
export function discrepancyYaml(result: CheckResult): string[] {
  return [
    `- check: ${result.check.id}`,
    `  left: ${result.leftSum}`,
    `  right: ${result.rightSum}`,
    '  note: 原文如此',
  ];
}

/** Describes a failure in printed labels: which cells, what was printed, what the rule implies. */
export function describeFailure(version: TemplateVersion, result: CheckResult): string {
  const rule = RULES[result.check.rule];
  return `勾稽关系不符（规则 ${rule.number}：${rule.formula}）：${failureDetail(version, result)}`;
}

/** The cells and numbers of a failure, without the rule (readers see the rule as a heading). */
export function failureDetail(version: TemplateVersion, result: CheckResult): string {
  const { check, leftSum, rightSum } = result;
  const single = check.left.length === 1 ? findCell(version, check.left[0] ?? '') : undefined;
  if (single) {
    const printed = result.leftBlank ? '原文空白（计为 0）' : `原文为 ${leftSum}`;
    return `${describeCell(single)}${printed}，按「${check.rightLabel}」相加应为 ${rightSum}。`;
  }
  return `${TABLE_SHORT.applications}${check.where}「${check.leftLabel}」= ${leftSum}，「${check.rightLabel}」= ${rightSum}，两者应相等。`;
}

/**
 * The versions a report may declare and their documents: 「2019 或 2021（分别对应国办公开办函
 * 〔2019〕60号和〔2021〕30号的格式）」. A citation repeats no issuer already named.
 */
export function versionChoiceText(): string {
  const versions = templateVersions();
  const issuerOf = (c: string) => c.slice(0, Math.max(0, c.indexOf('〔')));
  const citations = versions.map((v, i) => {
    const c = templateOf(v).citation;
    const first = templateOf(versions[0]!).citation;
    return i > 0 && issuerOf(c) !== '' && issuerOf(c) === issuerOf(first)
      ? c.slice(issuerOf(c).length)
      : c;
  });
  const list = (items: readonly (string | number)[], last: string) =>
    items.length < 2
      ? items.join('')
      : `${items.slice(0, -1).join('、')}${last}${items[items.length - 1]}`;
  const names = list(versions, ' 或 ');
  return versions.length < 2
    ? `${names}（对应${citations[0]}的格式）`
    : `${names}（分别对应${list(citations, '和')}的格式）`;
}

/**
 * Said when a table 三 row is written in a shape this version does not use but another does:
 * 「2021 年版模板的（六）其他处理分 3 项（…）；如果原报告沿用了 2019 年版的单行写法，请核对模板版本。」
 * Empty when no other version shapes the row differently.
 */
export function rowShapeHint(version: TemplateVersion, keys: readonly string[]): string {
  const own = applicationRowAt(templateOf(version), keys);
  if (!own) return '';
  const split = (n: typeof own) => (n.row.children?.length ?? 0) > 0;
  const other = otherVersions(version)
    .map((v) => ({ v, node: applicationRowAt(templateOf(v), keys) }))
    .find((o) => o.node && split(o.node) !== split(own));
  if (!other?.node) return '';
  const children = own.row.children ?? [];
  return split(own)
    ? `${version} 年版模板的${own.row.label}分 ${children.length} 项（${children.map((c) => c.key).join('、')}）；如果原报告沿用了 ${other.v} 年版的单行写法，请核对模板版本。`
    : `${version} 年版模板的${own.row.label}只有一行；分 ${other.node.row.children?.length ?? 0} 项是 ${other.v} 年版的写法，请核对模板版本。`;
}
