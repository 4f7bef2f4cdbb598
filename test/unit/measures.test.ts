/**
 * Comparable figures across template versions, derived from the declarations: labels, the cells
 * each figure sums in each version, blanks, and what the page says is not compared.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  appealTotalMeasures,
  appealsMeasures,
  comparabilityNotes,
  handledMeasure,
  intakeMeasures,
  measureValue,
  outcomeMeasures,
  sharedProactiveGroups,
  shortLabel,
  versionsOf,
} from '../../src/lib/figures/measures.ts';
import { sumCells } from '../../src/lib/template/model.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/build-site', import.meta.url));
const archive = loadArchive(FIXTURE);
const report = (id: string) => archive.reports.find((r) => r.id === id)!;
const city2020 = report('fixture-city-gov/2020').tables; // 2019 template
const city2021 = report('fixture-city-gov/2021').tables; // 2021 template
const county2023 = report('fixture-county-fgj/2023').tables; // blanks

describe('shortLabel', () => {
  it('drops the ordinal, the parenthetical qualification and the repeated words', () => {
    expect(shortLabel('一、本年新收政府信息公开申请数量')).toBe('本年新收');
    expect(shortLabel('二、上年结转政府信息公开申请数量')).toBe('上年结转');
    expect(shortLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(shortLabel('（七）总计')).toBe('总计');
    expect(shortLabel('四、结转下年度继续办理')).toBe('结转下年度继续办理');
    expect(shortLabel('1.属于国家秘密')).toBe('属于国家秘密');
  });
});

describe('sumCells', () => {
  it('adds filled cells, counts blanks as 0 beside them, and keeps an all-blank sum blank', () => {
    expect(sumCells({ a: 1, b: null, c: 2 }, ['a', 'b', 'c'])).toBe(3);
    expect(sumCells({ a: null, b: null }, ['a', 'b'])).toBeNull();
    expect(sumCells({ a: 0 }, ['a'])).toBe(0);
    expect(sumCells({ a: 0.1, b: 0.2 }, ['a', 'b'])).toBe(0.3);
  });
});

describe('table 三 measures', () => {
  it('one row of 三 in the 总计 column, with its printed label', () => {
    const [received, carried] = intakeMeasures([2019, 2021]);
    expect(received?.label).toBe('一、本年新收政府信息公开申请数量');
    expect(carried?.short).toBe('上年结转');
    expect([city2020, city2021].map((t) => measureValue(received!, t))).toEqual([140, 170]);
    expect([city2020, city2021].map((t) => measureValue(carried!, t))).toEqual([5, 2]);
    expect(measureValue(handledMeasure([2021]), city2021)).toBe(172);
  });

  it('outcome categories （一）…（六） sum their sub-items; （六） is one row in 2019, three in 2021', () => {
    const outcomes = outcomeMeasures([2019, 2021]);
    expect(outcomes.map((m) => m.short)).toEqual([
      '予以公开',
      '部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ]);
    const other = outcomes.find((m) => m.id === 'outcome.other')!;
    expect(other.paths[2019]).toEqual(['applications.other.total']);
    expect(other.paths[2021]).toEqual([
      'applications.other.no_correction.total',
      'applications.other.unpaid_fees.total',
      'applications.other.other.total',
    ]);
    expect(outcomes.map((m) => measureValue(m, city2020))).toEqual([71, 12, 12, 38, 6, 3]);
    expect(outcomes.map((m) => measureValue(m, city2021))).toEqual([81, 15, 17, 44, 10, 5]);
    // The categories and 四 add up to 一 + 二 where the report balances (rule 1).
    const handled = outcomes.reduce((a, m) => a + (measureValue(m, city2020) ?? 0), 0);
    expect(handled).toBe(measureValue(handledMeasure([2019]), city2020));
  });

  it('a measure the report version lacks is undefined, not 0', () => {
    const [received] = intakeMeasures([2021]);
    expect(measureValue(received!, city2020)).toBeUndefined();
  });
});

describe('table 四 measures', () => {
  it('results of one row, and the totals of the three rows', () => {
    const review = appealsMeasures('review', [2019, 2021]);
    expect(review.map((m) => m.short)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
    expect(review.map((m) => measureValue(m, city2020))).toEqual([3, 1, 0, 1]);
    const totals = appealTotalMeasures([2019, 2021]);
    expect(totals.map((m) => m.label)).toEqual([
      '行政复议 › 总计',
      '行政诉讼 › 未经复议直接起诉 › 总计',
      '行政诉讼 › 复议后起诉 › 总计',
    ]);
    expect(totals.map((m) => measureValue(m, city2021))).toEqual([6, 4, 1]);
  });
});

describe('table 二: only what both versions print', () => {
  it('2019 + 2021 share the 处理决定数量 of 行政许可, 行政处罚 and 行政强制', () => {
    const groups = sharedProactiveGroups([2019, 2021]);
    expect(groups.map((g) => [g.heading, g.money, g.cells.map((c) => c.label)])).toEqual([
      ['第二十条第（五）项', false, ['行政许可 处理决定数量 / 本年处理决定数量']],
      [
        '第二十条第（六）项',
        false,
        ['行政处罚 处理决定数量 / 本年处理决定数量', '行政强制 处理决定数量 / 本年处理决定数量'],
      ],
    ]);
  });

  it('one version: every cell, money apart from counts', () => {
    const groups = sharedProactiveGroups([2019]);
    expect(groups.map((g) => [g.heading, g.money, g.cells.length])).toEqual([
      ['第二十条第（一）项', false, 6],
      ['第二十条第（五）项', false, 6],
      ['第二十条第（六）项', false, 6],
      ['第二十条第（八）项', false, 2],
      ['第二十条第（九）项', false, 1],
      ['第二十条第（九）项', true, 1],
    ]);
  });
});

describe('comparabilityNotes', () => {
  it('says what is not compared when versions differ, in the printed labels', () => {
    expect(comparabilityNotes([2021, 2019])).toEqual([
      '表三「（六）其他处理」在 2019 年版为一行，在 2021 年版分为 3 行（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他）：本页只比较该项合计，不比较其下各行。',
      '表二两版格式的栏目不同，本页只比较两版都有的 3 栏（行政许可 处理决定数量 / 本年处理决定数量；行政处罚 处理决定数量 / 本年处理决定数量；行政强制 处理决定数量 / 本年处理决定数量），其余不作比较（2019 年版独有 19 栏，2021 年版独有 7 栏）。',
    ]);
  });

  it('says nothing for one version', () => {
    expect(comparabilityNotes([2021, 2021])).toEqual([]);
  });

  it('versionsOf lists the versions present, ascending', () => {
    expect(versionsOf(archive.reports)).toEqual([2019, 2021]);
  });
});

describe('blanks', () => {
  it('a report whose organisation columns are blank still has its 总计 figures', () => {
    const [received] = intakeMeasures([2021]);
    expect(measureValue(received!, county2023)).toBe(3);
    expect(county2023.cells['applications.received.business']).toBeNull();
  });
});
