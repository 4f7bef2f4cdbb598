import { describe, expect, it } from 'vitest';
import type { CellValues } from '../../src/lib/template/model.ts';
import {
  RULES,
  carryOverMismatches,
  checksFor,
  blankTotals,
  failingChecks,
} from '../../src/lib/template/rules.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { APPLICATION_COLUMNS, type TemplateVersion } from '../../src/lib/template/declarations.ts';
import { templateVersions } from '../../src/lib/template/registry.ts';

/** Every cell blank (null): a report with nothing printed. */
function blank(version: TemplateVersion): Record<string, number | null> {
  return Object.fromEntries(cellDeclarations(version).map((c) => [c.path, null]));
}

/** Sets one row of table 三 (seven cells in printed order). */
function row(values: Record<string, number | null>, keys: string, cells: (number | null)[]) {
  APPLICATION_COLUMNS.forEach((c, i) => {
    values[`applications.${keys}.${c.id}`] = cells[i] ?? null;
  });
}

/** A consistent 2021 report: 10 received, 1 carried over, 9 handled, 2 carried forward. */
function consistent2021(): Record<string, number | null> {
  const v = blank(2021);
  row(v, 'received', [8, 2, null, null, null, null, 10]);
  row(v, 'carried_over', [1, 0, 0, 0, 0, 0, 1]);
  row(v, 'disclosed', [5, 1, 0, 0, 0, 0, 6]);
  row(v, 'not_processed.duplicate', [1, 0, 0, 0, 0, 0, 1]);
  row(v, 'other.unpaid_fees', [1, 0, 0, 0, 0, 0, 1]);
  row(v, 'total', [7, 1, 0, 0, 0, 0, 8]);
  row(v, 'carried_forward', [2, 1, 0, 0, 0, 0, 3]);
  Object.assign(v, {
    'appeals.review.upheld': 1,
    'appeals.review.pending': 1,
    'appeals.review.total': 2,
  });
  return v;
}

describe('RULES', () => {
  it('numbers the rules as in shared/templates.md', () => {
    expect(Object.values(RULES).map((r) => [r.number, r.id, r.formula])).toEqual([
      [1, 'balance', '一 + 二 = 三（七）总计 + 四'],
      [2, 'row_total', '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他'],
      [3, 'outcome_total', '（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和'],
      [4, 'appeal_total', '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结'],
    ]);
  });
});

describe('checksFor', () => {
  it('expands the rules into one check per column, row or appeal kind', () => {
    const count = (version: TemplateVersion) => {
      const byRule: Record<string, number> = {};
      for (const c of checksFor(version)) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
      return byRule;
    };
    // Rule 2 has one check per data row: 23 in 2019, 25 in 2021.
    expect(count(2019)).toEqual({ balance: 7, row_total: 23, outcome_total: 7, appeal_total: 3 });
    expect(count(2021)).toEqual({ balance: 7, row_total: 25, outcome_total: 7, appeal_total: 3 });
  });

  it('gives every check a unique id and refers only to cells of its version', () => {
    for (const version of templateVersions()) {
      const checks = checksFor(version);
      expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
      const cells = new Set(cellDeclarations(version).map((c) => c.path));
      const missing = checks.flatMap((c) => [...c.left, ...c.right]).filter((p) => !cells.has(p));
      expect(missing).toEqual([]);
    }
  });

  it('states rule 1 per column as 一 + 二 = 三（七）总计 + 四', () => {
    expect(checksFor(2021).find((c) => c.id === 'applications.balance.natural')).toEqual({
      id: 'applications.balance.natural',
      rule: 'balance',
      focus: 'applications.total.natural',
      where: '「自然人」列',
      left: ['applications.received.natural', 'applications.carried_over.natural'],
      right: ['applications.total.natural', 'applications.carried_forward.natural'],
      leftLabel: '一 + 二',
      rightLabel: '三（七）总计 + 四',
    });
  });

  it('states rule 2 per row, naming the row by its printed labels', () => {
    expect(
      checksFor(2021).find((c) => c.id === 'applications.row_total.other.no_correction'),
    ).toEqual({
      id: 'applications.row_total.other.no_correction',
      rule: 'row_total',
      focus: 'applications.other.no_correction.total',
      where:
        '「（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」行',
      left: ['applications.other.no_correction.total'],
      right: [
        'applications.other.no_correction.natural',
        'applications.other.no_correction.business',
        'applications.other.no_correction.research',
        'applications.other.no_correction.nonprofit',
        'applications.other.no_correction.legal',
        'applications.other.no_correction.other',
      ],
      leftLabel: '总计',
      rightLabel: '自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
    });
  });

  it('sums rule 3 over every outcome row: the single （六） in 2019, （六）1–3 in 2021', () => {
    const outcomes = (version: TemplateVersion) =>
      checksFor(version)
        .find((c) => c.id === 'applications.outcome_total.legal')
        ?.right.map((p) => p.replace(/^applications\.|\.legal$/g, ''));
    const common = [
      'disclosed',
      'partially_disclosed',
      'withheld.state_secret',
      'withheld.prohibited_by_law',
      'withheld.security_stability',
      'withheld.third_party_rights',
      'withheld.internal_affairs',
      'withheld.process_information',
      'withheld.enforcement_files',
      'withheld.query_matters',
      'unavailable.not_held',
      'unavailable.needs_creation',
      'unavailable.unclear',
      'not_processed.petitions',
      'not_processed.duplicate',
      'not_processed.publications',
      'not_processed.excessive',
      'not_processed.confirmation',
    ];
    expect(outcomes(2019)).toEqual([...common, 'other']);
    expect(outcomes(2021)).toEqual([
      ...common,
      'other.no_correction',
      'other.unpaid_fees',
      'other.other',
    ]);
  });

  it('states rule 4 for 复议, 直接起诉 and 复议后起诉', () => {
    const appeals = checksFor(2019).filter((c) => c.rule === 'appeal_total');
    expect(appeals.map((c) => c.focus)).toEqual([
      'appeals.review.total',
      'appeals.litigation_direct.total',
      'appeals.litigation_after_review.total',
    ]);
    expect(appeals.map((c) => [c.id, c.where, c.left, c.right])).toEqual([
      [
        'appeals.appeal_total.review',
        '「行政复议」',
        ['appeals.review.total'],
        [
          'appeals.review.upheld',
          'appeals.review.corrected',
          'appeals.review.other',
          'appeals.review.pending',
        ],
      ],
      [
        'appeals.appeal_total.litigation_direct',
        '「行政诉讼 › 未经复议直接起诉」',
        ['appeals.litigation_direct.total'],
        [
          'appeals.litigation_direct.upheld',
          'appeals.litigation_direct.corrected',
          'appeals.litigation_direct.other',
          'appeals.litigation_direct.pending',
        ],
      ],
      [
        'appeals.appeal_total.litigation_after_review',
        '「行政诉讼 › 复议后起诉」',
        ['appeals.litigation_after_review.total'],
        [
          'appeals.litigation_after_review.upheld',
          'appeals.litigation_after_review.corrected',
          'appeals.litigation_after_review.other',
          'appeals.litigation_after_review.pending',
        ],
      ],
    ]);
  });
});

describe('failingChecks', () => {
  it('passes a report whose cells are all blank: blank counts as 0', () => {
    expect(failingChecks(2019, blank(2019))).toEqual([]);
    expect(failingChecks(2021, blank(2021))).toEqual([]);
  });

  it('passes a consistent report that has blank cells among its numbers', () => {
    expect(failingChecks(2021, consistent2021())).toEqual([]);
  });

  it('treats a missing cell like a blank one', () => {
    expect(failingChecks(2021, {})).toEqual([]);
    expect(failingChecks(2021, { 'appeals.review.total': 1 })).toEqual([
      {
        check: checksFor(2021).find((c) => c.id === 'appeals.appeal_total.review'),
        leftSum: 1,
        rightSum: 0,
        leftBlank: false,
      },
    ]);
  });

  it('does not evaluate a check whose printed total was blank, and names that total once', () => {
    const v: Record<string, number | null> = {
      'appeals.review.upheld': 2,
      'appeals.review.total': null,
    };
    expect(failingChecks(2021, v)).toEqual([]);
    expect(blankTotals(2021, v)).toEqual(['appeals.review.total']);
  });

  it('skips a sum whose terms are blank totals (rule 3 over the 总计 column, as 上海 2019)', () => {
    const v = consistent2021();
    v['applications.disclosed.total'] = null; // 6 in consistent2021: left blank in the original
    expect(failingChecks(2021, v)).toEqual([]);
    expect(blankTotals(2021, v)).toEqual(['applications.disclosed.total']);
    v['applications.disclosed.natural'] = 6; // rule 3 for 自然人 still holds its terms: evaluated
    expect(failingChecks(2021, v).map((f) => [f.check.id, f.leftSum, f.rightSum])).toEqual([
      ['applications.outcome_total.natural', 7, 8],
    ]);
  });

  it('names no blank total for a row left wholly blank (an empty row is not a missing total)', () => {
    expect(blankTotals(2021, blank(2021))).toEqual([]);
  });

  it('reports each broken equation with both sums, in the order of checksFor', () => {
    const v = consistent2021();
    v['applications.disclosed.natural'] = 6; // breaks rule 2 (disclosed) and rule 3 (自然人)
    v['appeals.litigation_direct.total'] = 1; // breaks rule 4 (直接起诉)
    const failures = failingChecks(2021, v);
    expect(failures.map((f) => [f.check.id, f.leftSum, f.rightSum])).toEqual([
      ['applications.row_total.disclosed', 6, 7],
      ['applications.outcome_total.natural', 7, 8],
      ['appeals.appeal_total.litigation_direct', 1, 0],
    ]);
  });

  it('reports rule 1 with the sums of both sides', () => {
    const v = consistent2021();
    v['applications.carried_forward.natural'] = null;
    v['applications.carried_forward.total'] = 1;
    expect(failingChecks(2021, v).map((f) => [f.check.id, f.leftSum, f.rightSum])).toEqual([
      ['applications.balance.natural', 9, 7],
      ['applications.balance.total', 11, 9],
    ]);
  });

  it('checks the 2019 single （六）其他处理 row in rule 3', () => {
    const v = blank(2019);
    row(v, 'other', [1, 0, 0, 0, 0, 0, 1]);
    row(v, 'total', [0, 0, 0, 0, 0, 0, 0]);
    expect(failingChecks(2019, v).map((f) => f.check.id)).toEqual([
      'applications.outcome_total.natural',
      'applications.outcome_total.total',
    ]);
  });
});

describe('carryOverMismatches', () => {
  const forwarded = (cells: (number | null)[]): CellValues => {
    const v: Record<string, number | null> = {};
    row(v, 'carried_forward', cells);
    return v;
  };
  const carried = (cells: (number | null)[]): CellValues => {
    const v: Record<string, number | null> = {};
    row(v, 'carried_over', cells);
    return v;
  };

  it('finds nothing when year N+1 carries over what year N forwarded', () => {
    expect(
      carryOverMismatches(forwarded([2, 1, 0, 0, 0, 0, 3]), carried([2, 1, 0, 0, 0, 0, 3])),
    ).toEqual([]);
  });

  it('treats a blank cell as 0 on either side', () => {
    expect(
      carryOverMismatches(
        forwarded([2, null, 0, 0, 0, null, 2]),
        carried([2, 0, null, null, 0, 0, 2]),
      ),
    ).toEqual([]);
  });

  it('lists each differing column with both published values (null where blank)', () => {
    expect(
      carryOverMismatches(forwarded([2, null, 0, 0, 0, 0, 2]), carried([1, 1, 0, 0, 0, 0, 2])),
    ).toEqual([
      { column: APPLICATION_COLUMNS[0], forwarded: 2, carried: 1 },
      { column: APPLICATION_COLUMNS[1], forwarded: null, carried: 1 },
    ]);
  });

  it('compares 四 of the earlier year with 二 of the later one, not the other way round', () => {
    const earlier = { ...forwarded([5, 0, 0, 0, 0, 0, 5]), ...carried([9, 0, 0, 0, 0, 0, 9]) };
    const later = { ...forwarded([7, 0, 0, 0, 0, 0, 7]), ...carried([5, 0, 0, 0, 0, 0, 5]) };
    expect(carryOverMismatches(earlier, later)).toEqual([]);
    expect(carryOverMismatches(later, earlier).map((m) => m.column.label)).toEqual([
      '自然人',
      '总计',
    ]);
  });
});
