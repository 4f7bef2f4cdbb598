/**
 * The importer's output read by the content check under the content contract (status: draft,
 * not_printed, a combined （六） row, blank totals not evaluated). These need the `contract`
 * branch's check: they fail on a check that does not know the contract's keys yet.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import { SECTION_HEADINGS } from '../../src/lib/template/declarations.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const corpus = (name: string) => readFileSync(`${ROOT}test/fixtures/corpus/${name}.txt`, 'utf8');
const errors = (yaml: string) => {
  const problems: Problem[] = [];
  readReportData('x.yaml', yaml, problems);
  return problems.filter((p) => p.severity === 'error');
};

describe('needs the contract branch: the check reads what the importer writes', () => {
  it('status: draft is accepted (a draft, not an error)', () => {
    const result = importReport(corpus('2020-jiyuan-gongan'));
    expect(result.yaml).toMatch(/^status: draft$/mu);
    expect(errors(result.yaml).map((p) => p.field)).not.toContain('status');
  });

  it('tables written not_printed are accepted', () => {
    const text = SECTION_HEADINGS.map((h) => `${h}\n正文。`).join('\n');
    const result = importReport(`2022年某局政府信息公开工作年度报告\n${text}\n`);
    expect(result.notPrinted).toEqual(['proactive', 'applications', 'appeals']);
    expect(errors(result.yaml)).toEqual([]);
  });

  it('a blank total is not evaluated: 上海 2019 writes no discrepancy the check refuses', () => {
    // Its outcome rows leave 总计 blank; the （七）总计 rule sums those blank totals, so it is not
    // evaluated either (content contract: a sum over totals not given is not given).
    const result = importReport(corpus('2019-shanghai-shizhengfu-bangongting'));
    expect(errors(result.yaml)).toEqual([]);
  });
});
