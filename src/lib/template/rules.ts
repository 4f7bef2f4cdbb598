/**
 * The consistency rules (勾稽关系) of `shared/templates.md`, derived from the template declarations.
 *
 * Each rule expands into concrete checks: one equation between two sums of cells. A check has a
 * stable id (e.g. `applications.balance.natural`) that an editor cites under `discrepancies` to
 * acknowledge that the published report really printed numbers that break it.
 */

import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  type TemplateVersion,
} from './declarations.ts';
import { applicationLeaves } from './cells.ts';
import { sumCells, type CellValues } from './model.ts';
import { templateOf } from './registry.ts';

export type RuleId = 'balance' | 'row_total' | 'outcome_total' | 'appeal_total';

export interface RuleDeclaration {
  readonly id: RuleId;
  /** Number in the list of rules in shared/templates.md. */
  readonly number: number;
  readonly title: string;
  /** The rule as a reader would write it, in the template's own labels. */
  readonly formula: string;
}

export const RULES: Readonly<Record<RuleId, RuleDeclaration>> = {
  balance: {
    id: 'balance',
    number: 1,
    title: '表三各列：新收与结转之和等于办理结果与结转下年之和',
    formula: '一 + 二 = 三（七）总计 + 四',
  },
  row_total: {
    id: 'row_total',
    number: 2,
    title: '表三各行：总计等于各类申请人之和',
    formula: '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  },
  outcome_total: {
    id: 'outcome_total',
    number: 3,
    title: '表三各列：（七）总计等于各项办理结果之和',
    formula: '（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和',
  },
  appeal_total: {
    id: 'appeal_total',
    number: 4,
    title: '表四：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
    formula: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  },
};

/** One equation: sum(left) must equal sum(right). Blank cells count as 0. */
export interface Check {
  /** Stable id cited in `discrepancies`, e.g. `applications.row_total.withheld.state_secret`. */
  readonly id: string;
  readonly rule: RuleId;
  /** Where the check applies, in printed labels: 「自然人」列, 「1.属于国家秘密」行, 「行政复议」. */
  readonly where: string;
  readonly left: readonly string[];
  readonly right: readonly string[];
  /** The printed cell a reader should look at when the check fails: the total it concerns. */
  readonly focus: string;
  /** The sides in printed labels, e.g. 「一 + 二」. */
  readonly leftLabel: string;
  readonly rightLabel: string;
}

const checkCache = new Map<TemplateVersion, readonly Check[]>();

/** Every check that applies to a report of the given template version, in a stable order. */
export function checksFor(version: TemplateVersion): readonly Check[] {
  const cached = checkCache.get(version);
  if (cached) return cached;
  const leaves = applicationLeaves(templateOf(version));
  const path = (keys: readonly string[], column: string) =>
    ['applications', ...keys, column].join('.');
  const outcomeLeaves = leaves.filter(
    (l) => !['received', 'carried_over', 'total', 'carried_forward'].includes(l.keys[0] ?? ''),
  );
  const checks: Check[] = [];

  for (const column of APPLICATION_COLUMNS) {
    checks.push({
      id: `applications.balance.${column.id}`,
      rule: 'balance',
      where: `「${column.label}」列`,
      left: [path(['received'], column.id), path(['carried_over'], column.id)],
      right: [path(['total'], column.id), path(['carried_forward'], column.id)],
      focus: path(['total'], column.id),
      leftLabel: '一 + 二',
      rightLabel: '三（七）总计 + 四',
    });
  }
  for (const l of leaves) {
    const parts = APPLICATION_COLUMNS.filter((c) => c.id !== 'total');
    checks.push({
      id: `applications.row_total.${l.keys.join('.')}`,
      rule: 'row_total',
      where: `「${l.name.join(' ')}」行`,
      left: [path(l.keys, 'total')],
      right: parts.map((c) => path(l.keys, c.id)),
      focus: path(l.keys, 'total'),
      leftLabel: '总计',
      rightLabel: parts.map((c) => c.label).join(' + '),
    });
  }
  for (const column of APPLICATION_COLUMNS) {
    checks.push({
      id: `applications.outcome_total.${column.id}`,
      rule: 'outcome_total',
      where: `「${column.label}」列`,
      left: [path(['total'], column.id)],
      right: outcomeLeaves.map((l) => path(l.keys, column.id)),
      focus: path(['total'], column.id),
      leftLabel: '（七）总计',
      rightLabel: '（一）至（六）各项之和',
    });
  }
  for (const row of APPEALS_ROWS) {
    const parts = APPEALS_COLUMNS.filter((c) => c.id !== 'total');
    checks.push({
      id: `appeals.appeal_total.${row.id}`,
      rule: 'appeal_total',
      where: `「${row.labels.join(' › ')}」`,
      left: [`appeals.${row.id}.total`],
      right: parts.map((c) => `appeals.${row.id}.${c.id}`),
      focus: `appeals.${row.id}.total`,
      leftLabel: '总计',
      rightLabel: parts.map((c) => c.label).join(' + '),
    });
  }
  checkCache.set(version, checks);
  return checks;
}

export interface CheckResult {
  readonly check: Check;
  readonly leftSum: number;
  readonly rightSum: number;
  /** The check's one left cell (a printed total) was blank: its 0 is the rule's, not the report's. */
  readonly leftBlank: boolean;
}

/** A side of a check: blank cells count as 0 (the rule's 0, not the report's). */
const sum = (values: CellValues, paths: readonly string[]): number => sumCells(values, paths) ?? 0;

/** What the original did not print (see `ReportTables`): cells, and groups printed as one row. */
export interface Printed {
  readonly notPrinted?: readonly string[];
  readonly combined?: CellValues;
}

/**
 * A check as evaluated for one report: a group printed as one row stands for its sub-rows, and a
 * check with a target or term the original did not print is not evaluated (undefined): a cell not
 * printed is never counted as 0.
 */
function effectiveCheck(check: Check, printed: Printed): Check | undefined {
  const notPrinted = new Set(printed.notPrinted ?? []);
  if (notPrinted.size === 0) return check;
  const combined = Object.keys(printed.combined ?? {});
  const substitute = (terms: readonly string[]): string[] => {
    const out: string[] = [];
    for (const t of terms) {
      const group = combined.find((c) => {
        const prefix = c.slice(0, c.lastIndexOf('.') + 1);
        const column = c.slice(c.lastIndexOf('.'));
        return t.startsWith(prefix) && t.endsWith(column) && notPrinted.has(t);
      });
      if (group === undefined) out.push(t);
      else if (!out.includes(group)) out.push(group);
    }
    return out;
  };
  // Only rule 3 sums the groups' rows; elsewhere a not-printed sub-row is a term not given.
  const right = check.rule === 'outcome_total' ? substitute(check.right) : [...check.right];
  const terms = [check.focus, ...check.left, ...right];
  if (terms.some((t) => notPrinted.has(t))) return undefined;
  return { ...check, right };
}

/**
 * A check whose target (its focus: the printed total it concerns) the original left blank is "not
 * given": it is not evaluated, so its 0 is never presented as the agency's figure.
 */
export function targetBlank(check: Check, values: CellValues): boolean {
  return (values[check.focus] ?? null) === null;
}

/**
 * Whether a check is evaluated: not when its target is blank, nor when one of its terms is itself
 * a total the original left blank (rule 3 over the 总计 column of 上海 2019: its terms were never
 * given, so their sum is not 0).
 */
export function isEvaluated(
  check: Check,
  values: CellValues,
  notGiven: ReadonlySet<string>,
  printed: Printed = {},
): boolean {
  if (!effectiveCheck(check, printed)) return false;
  if (targetBlank(check, values)) return false;
  return ![...check.left, ...check.right].some((p) => notGiven.has(p));
}

/**
 * The checks a report's numbers break, in the order of `checksFor`. Sums over totals not given
 * and over cells not printed are skipped.
 */
export function failingChecks(
  version: TemplateVersion,
  values: CellValues,
  printed: Printed = {},
): CheckResult[] {
  const failures: CheckResult[] = [];
  const notGiven = new Set(blankTotals(version, values, printed));
  const all = { ...values, ...printed.combined };
  for (const declared of checksFor(version)) {
    const check = effectiveCheck(declared, printed);
    if (!check || !isEvaluated(declared, values, notGiven)) continue;
    const leftSum = sum(all, check.left);
    const rightSum = sum(all, check.right);
    const leftBlank = check.left.length === 1 && (all[check.left[0]!] ?? null) === null;
    if (leftSum !== rightSum) failures.push({ check, leftSum, rightSum, leftBlank });
  }
  return failures;
}

/**
 * The total cells the original left blank although cells they sum were filled ("not given"), once
 * each, in the order of `checksFor`. A blank total over blank cells is simply an empty row; a
 * total not printed at all is not a blank one.
 */
export function blankTotals(
  version: TemplateVersion,
  values: CellValues,
  printed: Printed = {},
): string[] {
  const notPrinted = new Set(printed.notPrinted ?? []);
  const out = new Set<string>();
  for (const check of checksFor(version)) {
    if (notPrinted.has(check.focus) || !targetBlank(check, values)) continue;
    const terms = [...check.left, ...check.right].filter((p) => p !== check.focus);
    if (terms.some((p) => (values[p] ?? null) !== null)) out.add(check.focus);
  }
  return [...out];
}

/**
 * Cross-year rule 6: 四、结转下年度继续办理 of year N equals 二、上年结转 of year N+1, per column.
 * Returns the columns that differ.
 */
export function carryOverMismatches(
  previous: CellValues,
  next: CellValues,
  /** Cells either report did not print: a pair with one of them is not compared (not blank). */
  notPrinted: readonly string[] = [],
): {
  column: (typeof APPLICATION_COLUMNS)[number];
  forwarded: number | null;
  carried: number | null;
}[] {
  const out = [];
  for (const column of APPLICATION_COLUMNS) {
    const from = `applications.carried_forward.${column.id}`;
    const to = `applications.carried_over.${column.id}`;
    if (notPrinted.includes(from) || notPrinted.includes(to)) continue;
    const forwarded = previous[from] ?? null;
    const carried = next[to] ?? null;
    if ((forwarded ?? 0) !== (carried ?? 0)) out.push({ column, forwarded, carried });
  }
  return out;
}
