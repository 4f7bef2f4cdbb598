/**
 * Shard summaries (src/lib/shards/summary.ts): what a shard's summary says about the project's own
 * reports, how agencies are split into shards (nothing dropped silently, errors in Chinese), the
 * checks the top level runs on a summary file, and the example CI job matrix (docs/ci) being a
 * valid GitHub Actions workflow.
 */
import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  agenciesInRegions,
  checkSummary,
  shardSummary,
  splitAgencies,
} from '../../src/lib/shards/summary.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const archive = loadArchive(PROJECT_ROOT);

describe('shardSummary', () => {
  it('lists a shard’s agencies, years and counts, with URLs under the shard’s base', () => {
    const agencies = agenciesInRegions(archive.agencies, ['江苏省']);
    const ids = new Set(agencies.map((a) => a.id));
    const reports = archive.reports.filter((r) => ids.has(r.agency.id));
    const s = shardSummary(
      { id: 'jiangsu', name: '江苏省', base: '/s/jiangsu/' },
      reports,
      agencies,
    );
    expect(s.reports).toBe(2);
    expect(s.agencies).toBe(2);
    expect(s.years).toEqual([
      { year: 2024, reports: 1 },
      { year: 2023, reports: 1 },
    ]);
    expect(s.urls).toEqual({
      home: '/s/jiangsu/',
      search: '/s/jiangsu/search/',
      searchIndex: '/s/jiangsu/pagefind/',
      summary: '/s/jiangsu/shard-summary.json',
    });
    expect(s.agencyList.map((a) => [a.name, a.years, a.url])).toEqual([
      ['淮安市人民政府', [2024], '/s/jiangsu/agencies/huaianshi-zhengfu/'],
      ['沭阳县发展和改革局', [2023], '/s/jiangsu/agencies/shuyangxian-fagaiju/'],
    ]);
    expect(s.filters.level).toEqual([
      { value: '地市级', reports: 1 },
      { value: '县级', reports: 1 },
    ]);
  });
});

describe('splitAgencies', () => {
  it('assigns every agency to exactly one shard', () => {
    const split = splitAgencies(archive.agencies, [
      { id: 'jiangsu', name: '江苏省', regions: ['江苏省'] },
      { id: 'other', name: '其他', regions: ['上海市', '河南省'] },
    ]);
    expect(split.get('jiangsu')!.map((a) => a.id)).toEqual([
      'huaianshi-zhengfu',
      'shuyangxian-fagaiju',
    ]);
    expect(split.get('other')!.map((a) => a.id)).toEqual([
      'jiyuan-gongan',
      'shanghai-shizhengfu-bangongting',
    ]);
  });

  it('names an agency no shard takes, one two shards take, and a bad shard id', () => {
    expect(() =>
      splitAgencies(archive.agencies, [
        { id: 'Jiangsu', name: '江苏省', regions: ['江苏省'] },
        { id: 'suqian', name: '宿迁市', regions: ['江苏省宿迁市'] },
        { id: 'henan', name: '河南省', regions: ['河南省'] },
      ]),
    ).toThrow(
      [
        '分片标识「Jiangsu」只能用小写英文字母、数字和连字符（它是网址的一段）。',
        '机构「沭阳县发展和改革局」（江苏省宿迁市沭阳县）同时属于分片「Jiangsu」和「suqian」。',
        '机构「上海市人民政府办公厅」（上海市）不属于任何分片：请在某个分片的地区中加上它所在的省份。',
      ].join('\n'),
    );
  });
});

describe('checkSummary', () => {
  const good = () => {
    const agencies = agenciesInRegions(archive.agencies, ['上海市']);
    const reports = archive.reports.filter(
      (r) => r.agency.id === 'shanghai-shizhengfu-bangongting',
    );
    return JSON.parse(
      JSON.stringify(
        shardSummary({ id: 'shanghai', name: '上海市', base: '/s/shanghai/' }, reports, agencies),
      ),
    );
  };

  it('accepts a summary as a shard build writes it', () => {
    expect(checkSummary(good(), 'shanghai.json').reports).toBe(2);
  });

  it('names the file and the field of what does not add up', () => {
    const s = good();
    s.years[0].reports = 5;
    expect(() => checkSummary(s, 'summaries/shanghai.json')).toThrow(
      'summaries/shanghai.json：字段 years 各年报告数之和 6 与 reports 2 不符。',
    );
    expect(() => checkSummary({ ...good(), base: 's/shanghai' }, 'a.json')).toThrow(
      'a.json：字段 base 应为以 / 开头和结尾的路径。',
    );
  });
});

it('the example CI job matrix is a valid GitHub Actions workflow', () => {
  const text = readFileSync(join(PROJECT_ROOT, 'docs/ci/shards-github.yml'), 'utf8');
  expect(validateWorkflow(text).errors).toEqual([]);
  expect(text).toContain('npm run shards -- shard --out out --shard');
  expect(text).toContain('npm run shards -- top --out out');
});
