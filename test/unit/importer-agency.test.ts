/**
 * Agency details from the document (issue 11, item 8): the name from the report's own title, the
 * source address from the page, level and kind from the name patterns of agency-guess.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { guessAgency, guessKind } from '../../src/lib/importer/agency-guess.ts';
import { readAgencies } from '../../src/lib/content/agencies.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = '/work/shared/corpus/';
const corpusDir = (() => {
  try {
    return readdirSync(CORPUS).length > 0 ? CORPUS : `${ROOT}test/fixtures/corpus/`;
  } catch {
    return `${ROOT}test/fixtures/corpus/`;
  }
})();

describe('every agency of the corpus', () => {
  const agencies = readAgencies(
    'data/agencies.yaml',
    readFileSync(`${ROOT}data/agencies.yaml`, 'utf8'),
    [],
  );
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
  it('has reports to test on', () => expect(files.length).toBeGreaterThanOrEqual(5));
  it.each(files)('%s: name from the title, level and kind as the hand-checked agency list', (f) => {
    const result = importReport(readFileSync(corpusDir + f, 'utf8'));
    const agency = agencies.find((a) => a.name === result.agencyName);
    expect(agency, `${result.agencyName} not in data/agencies.yaml`).toBeDefined();
    const guess = guessAgency(result.agencyName ?? '');
    expect([guess.level, guess.kind]).toEqual([agency?.level, agency?.kind]);
  });
});

describe('name patterns', () => {
  it.each([
    ['上海市人民政府办公厅', 'government'],
    ['某某县人民政府办公室', 'government'],
    ['某某镇人民政府', 'government'],
    ['某某乡人民政府', 'government'],
    ['某某街道办事处', 'government'],
    ['济源产城融合示范区管委会', 'government'],
    ['某某经济技术开发区管理委员会', 'government'],
    ['某某市发展和改革委员会', 'department'],
    ['某某市城市管理委员会', 'department'],
    ['济源示范区公安局', 'department'],
    ['某某县教育体育局', 'department'],
  ] as const)('%s is %s', (name, kind) => expect(guessKind(name)).toBe(kind));

  it('a 街道办事处 and a 镇人民政府 are township level', () => {
    expect(guessAgency('某某区某某街道办事处').level).toBe('township');
    expect(guessAgency('某某县某某镇人民政府').level).toBe('township');
  });
});

describe('a saved page with no title paragraph', () => {
  const body = (title: string) =>
    `<!DOCTYPE html><html><head><title>${title}</title>
<link rel="canonical" href="http://www.example.gov.cn/zfxxgk/2024/nb.html">
<meta name="Url" content="http://www.example.gov.cn/other.html"></head>
<body><div class="article"><p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p></div></body></html>`;

  it('takes the name from <title> without the portal suffix, and the canonical address', () => {
    const result = importReport(
      body(
        '2024年某某经济开发区管委会政府信息公开工作年度报告_政府信息公开年报_某某经济开发区管委会',
      ),
    );
    expect(result.title).toBe('2024年某某经济开发区管委会政府信息公开工作年度报告');
    expect(result.agencyName).toBe('某某经济开发区管委会');
    expect(guessAgency(result.agencyName ?? '').kind).toBe('government');
    expect(result.source).toBe('http://www.example.gov.cn/zfxxgk/2024/nb.html');
    expect(result.mdx).toContain('source: http://www.example.gov.cn/zfxxgk/2024/nb.html');
  });

  it('takes <meta name="Url"> when there is no canonical link', () => {
    const html = body('2024年某某局政府信息公开工作年度报告 - 某某门户').replace(
      /<link[^>]*>/u,
      '',
    );
    const result = importReport(html);
    expect(result.title).toBe('2024年某某局政府信息公开工作年度报告');
    expect(result.source).toBe('http://www.example.gov.cn/other.html');
  });
});

it('a markdown heading mark is not part of the agency name', () => {
  const result = importReport(
    '# 2024年某某县人民政府政府信息公开工作年度报告\n\n一、总体情况\n正文。\n',
  );
  expect(result.title).toBe('2024年某某县人民政府政府信息公开工作年度报告');
  expect(result.agencyName).toBe('某某县人民政府');
});
