/**
 * The JSON Schemas editors get in VS Code (data/schema/): generated from the template
 * declarations, never stale, and in agreement with `npm run check` on every structural case.
 *
 * "Structural" is what a JSON Schema can say about one parsed file: keys, types, row lengths,
 * enums, signs. The check also says what a schema cannot: sums (勾稽关系), one agency per id, a
 * report's folder naming a registered agency, file names and years, MDX beside YAML, and how a
 * number was written in the source. Every fixture where the two differ is listed below with why.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  SCHEMA_DIR,
  agenciesSchema,
  anyReportSchema,
  reportSchema,
  schemaFiles,
} from '../../src/lib/editor/json-schema.ts';
import {
  loadArchive,
  readAgencies,
  readReportData,
  type Problem,
} from '../../src/lib/editor/project.ts';
import {
  ROOT,
  committedValidator,
  newAjv,
  schemaFor,
  validateYamlText,
} from '../support/json-schema.ts';

const FIXTURES = join(ROOT, 'test/fixtures');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe('generated schemas', () => {
  it('the committed copies in data/schema are what `npm run schemas` writes now', () => {
    const committed = readdirSync(join(ROOT, SCHEMA_DIR)).sort();
    const generated = schemaFiles();
    expect(committed, '运行 npm run schemas 更新 data/schema').toEqual(
      generated.map((f) => f.name).sort(),
    );
    for (const { name, text } of generated) {
      expect(
        readFileSync(join(ROOT, SCHEMA_DIR, name), 'utf8'),
        `${name}：运行 npm run schemas`,
      ).toBe(text);
    }
  });

  it('are valid draft-07 schemas that compile in strict mode', () => {
    const ajv = newAjv();
    for (const schema of [
      reportSchema(2019),
      reportSchema(2021),
      anyReportSchema(),
      agenciesSchema(),
    ]) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('name each position of a seven-cell row with its printed column header', () => {
    const schema = reportSchema(2021) as any;
    const row = schema.properties.applications.anyOf[1].properties.withheld.properties.state_secret;
    expect(row.title).toBe('1.属于国家秘密');
    expect(row.minItems).toBe(7);
    expect(row.maxItems).toBe(7);
    expect(row.additionalItems).toBe(false);
    expect(row.items.map((i: any) => i.title)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(row.items[1].description).toBe(
      '表三「（三）不予公开 1.属于国家秘密」行「申请人情况 › 法人或其他组织 › 商业企业」。非负整数；原文空白的单元格写 null。',
    );
    expect(row.items[1].type).toEqual(['integer', 'null']);
    expect(row.items[1].minimum).toBe(0);
  });

  it('name each position of a five-cell row of table 四, and the 2019 signed and money columns', () => {
    const s2019 = reportSchema(2019) as any;
    const review = s2019.properties.appeals.anyOf[1].properties.litigation_direct;
    expect(review.title).toBe('行政诉讼 › 未经复议直接起诉');
    expect(review.items.map((i: any) => i.title)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ]);
    const proactive = s2019.properties.proactive.anyOf[1].properties;
    expect(proactive.licensing.properties.change).toEqual({
      title: '本年增/减',
      description:
        '表二第二十条第（五）项「行政许可」行「本年增/减」列。整数，可以为负；原文空白的单元格写 null。',
      type: ['integer', 'null'],
    });
    expect(proactive.procurement.properties.amount.type).toEqual(['number', 'null']);
    expect(proactive.procurement.properties.unit.enum).toEqual(['元', '万元', null]);
    expect(proactive.procurement.required).toEqual(['projects', 'amount', 'unit']);
  });

  it('give the agency levels and kinds with their Chinese names', () => {
    const item = (agenciesSchema() as any).items;
    expect(item.properties.level.enum).toEqual([
      'central',
      'provincial',
      'prefectural',
      'county',
      'township',
    ]);
    expect(item.properties.level.enumDescriptions).toEqual([
      '中央',
      '省级',
      '地市级',
      '县级',
      '乡镇级',
    ]);
    expect(item.properties.kind.enumDescriptions).toEqual(['人民政府及其办公厅（室）', '政府部门']);
    expect(item.required).toEqual(['id', 'name', 'level', 'kind', 'region']);
    expect(item.additionalProperties).toBe(false);
  });
});

/**
 * For each fixture, the YAML files `npm run check` reports an error on, and whether that error
 * is structural (the schema must reject the file too) or beyond a schema (the schema must accept
 * the file, and the reason is given). A fixture missing here whose files the check rejects fails
 * the test: classify it.
 */
const CHECK_REJECTS: Record<string, Record<string, 'structural' | { beyondSchema: string }>> = {
  'agency-level': {
    'data/agencies.yaml': 'structural',
    'data/reports/jiyuan-gongan/2020.yaml': {
      beyondSchema: '机构登记有错，报告找不到机构（跨文件）',
    },
  },
  'float-count': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'status-invalid': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'not-printed-row-length': { 'data/reports/jiyuan-gongan/2021.yaml': 'structural' },
  'discrepancy-blank-total': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'not-printed-acknowledged': {
    'data/reports/jiyuan-gongan/2021.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'negative-count': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'several-errors': {
    'data/agencies.yaml': 'structural',
    'data/reports/jiyuan-gongan/2020.yaml': 'structural',
  },
  'string-number': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'unknown-key': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'wrong-row-length': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'wrong-version-keys': { 'data/reports/jiyuan-gongan/2021.yaml': 'structural' },
  'discrepancy-not-failing': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'discrepancy-stale': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'rule-1-balance': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'rule-2-row-total': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'rule-3-outcome-total': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'rule-4-appeal-total': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '勾稽关系（求和）' },
  },
  'duplicate-agency': { 'data/agencies.yaml': { beyondSchema: '机构 id 不得重复（列表项之间）' } },
  'duplicate-report': {
    'data/reports/jiyuan-gongan/2020.yml': { beyondSchema: '文件名（.yml）' },
  },
  'missing-agencies-file': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '机构列表文件缺失（跨文件）' },
  },
  'unknown-agency': {
    'data/reports/jiyuan-gonan/2020.yaml': { beyondSchema: '文件夹名不是已登记的机构（跨文件）' },
  },
  'yaml-without-mdx': {
    'data/reports/jiyuan-gongan/2020.yaml': { beyondSchema: '缺少同名 .mdx（跨文件）' },
  },
  'year-out-of-range': {
    'data/reports/jiyuan-gongan/2007.yaml': { beyondSchema: '文件名中的年份' },
  },
  // Typing mistakes (typing-mistakes.test.ts): the check names the cause before parsing; the
  // schema sees the consequence (a string cell, a split number, a missing cell).
  'typing-fullwidth-digits': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'typing-thousands': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
  'typing-chinese-comma': { 'data/reports/jiyuan-gongan/2020.yaml': 'structural' },
};
/** YAML the parser refuses: neither the check nor the schema validator gets a document. */
const SYNTAX = {
  'yaml-syntax': ['data/reports/jiyuan-gongan/2020.yaml'],
  'typing-chinese-colon': ['data/reports/jiyuan-gongan/2020.yaml'],
  'typing-dash-blank': ['data/reports/jiyuan-gongan/2020.yaml'],
  'typing-tab': ['data/reports/jiyuan-gongan/2020.yaml'],
};

describe('the schemas and `npm run check` agree', () => {
  const fixtures = readdirSync(FIXTURES)
    // corpus, import-inputs: the importer's inputs; third-version: valid only with its template registered
    // (NIANBAO_TEMPLATES), which has its own suite.
    .filter((f) => !['corpus', 'import-inputs', 'third-version'].includes(f))
    .sort();

  it('on the repository content: both accept every YAML file', () => {
    const archive = loadArchive(ROOT);
    const files = yamlFiles(ROOT + 'data').map((f) => `data/${f}`);
    expect(files).toContain('data/agencies.yaml');
    expect(files.filter((f) => f.startsWith('data/reports/')).length).toBe(5);
    for (const f of files) {
      expect(archive.problems.filter((p) => p.file === f && p.severity === 'error')).toEqual([]);
      expect(validateYamlText(readFileSync(join(ROOT, f), 'utf8'), schemaFor(f)), f).toEqual({
        kind: 'valid',
      });
    }
  });

  for (const fixture of fixtures) {
    it(`on test/fixtures/${fixture}`, () => {
      const root = join(FIXTURES, fixture);
      const archive = loadArchive(root);
      const expected = CHECK_REJECTS[fixture] ?? {};
      const syntax: readonly string[] = SYNTAX[fixture as keyof typeof SYNTAX] ?? [];
      const files = yamlFiles(root);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const checkErrors = archive.problems.filter(
          (p: Problem) => p.file === f && p.severity === 'error',
        );
        const verdict = validateYamlText(readFileSync(join(root, f), 'utf8'), schemaFor(f));
        if (syntax.includes(f)) {
          expect(verdict.kind, f).toBe('syntax');
          expect(checkErrors.length, f).toBeGreaterThan(0);
          continue;
        }
        const cls = expected[f];
        if (cls === 'structural') {
          expect(verdict.kind, `${f}：check 报错，schema 也应报错`).toBe('invalid');
          expect(checkErrors.length, f).toBeGreaterThan(0);
        } else if (cls) {
          expect(verdict, `${f}：${cls.beyondSchema}`).toEqual({ kind: 'valid' });
          expect(checkErrors.length, f).toBeGreaterThan(0);
        } else {
          expect(checkErrors, `${f}：check 报错但未分类`).toEqual([]);
          expect(verdict, f).toEqual({ kind: 'valid' });
        }
      }
    });
  }

  it('every classified fixture exists (the table above has no stale names)', () => {
    for (const name of [...Object.keys(CHECK_REJECTS), ...Object.keys(SYNTAX)]) {
      expect(fixtures).toContain(name);
    }
  });
});

/** One report's tables, validated by both, from a parsed object. */
function bothOn(data: unknown) {
  const text = stringify(data);
  const problems: Problem[] = [];
  readReportData('r.yaml', text, problems);
  return {
    check: problems.filter((p) => p.severity === 'error').map((p) => p.message),
    schema: validateYamlText(text, 'report.schema.json').kind,
  };
}

const good = (year: 2020 | 2021) =>
  parse(
    readFileSync(join(FIXTURES, `good/data/reports/jiyuan-gongan/${year}.yaml`), 'utf8'),
  ) as any;

describe('structural mistakes: both reject', () => {
  const cases: [string, 2020 | 2021, (r: any) => void][] = [
    ['a table left out', 2021, (r) => delete r.appeals],
    ['an unknown top-level key', 2021, (r) => (r.remarks = '备注')],
    ['a template version that does not exist', 2021, (r) => (r.template = 2020)],
    ['the template version in quotes', 2021, (r) => (r.template = '2021')],
    ['a column of the other version', 2021, (r) => (r.proactive.licensing.previous = 3)],
    ['a column left out', 2021, (r) => delete r.proactive.regulations.repealed],
    ['a row of six cells', 2021, (r) => r.applications.received.pop()],
    ['a row of eight cells', 2021, (r) => r.applications.received.push(0)],
    ['text in a cell', 2021, (r) => (r.applications.received[0] = '十')],
    ['a negative count', 2021, (r) => (r.applications.received[1] = -2)],
    ['a fraction in a count', 2021, (r) => (r.appeals.review[0] = 0.5)],
    ['a row written as a mapping', 2021, (r) => (r.appeals.review = { upheld: 1 })],
    ['a group written as a row', 2021, (r) => (r.applications.withheld = [0, 0, 0, 0, 0, 0, 0])],
    [
      'a note on a cell that does not exist',
      2021,
      (r) => (r.cell_notes = { 'proactive.fees.total': '—' }),
    ],
    ['an empty cell note', 2021, (r) => (r.cell_notes = { 'proactive.fees.amount': ' ' })],
    ['an unknown rule id', 2021, (r) => (r.discrepancies[0].check = 'appeals.appeal_total.all')],
    ['an acknowledgement without note', 2021, (r) => delete r.discrepancies[0].note],
    ['a unit not allowed', 2020, (r) => (r.proactive.procurement.unit = '美元')],
    ['the unit key left out', 2020, (r) => delete r.proactive.procurement.unit],
    [
      'a 2021 row in a 2019 report',
      2020,
      (r) => (r.applications.other = { other: [0, 0, 0, 0, 0, 0, 0] }),
    ],
  ];
  for (const [name, year, mutate] of cases) {
    it(`${name} (${year})`, () => {
      const r = good(year);
      mutate(r);
      const result = bothOn(r);
      expect(result.schema).toBe('invalid');
      expect(result.check.length).toBeGreaterThan(0);
    });
  }
});

describe('accepted by both', () => {
  it('the good reports of both versions', () => {
    expect(bothOn(good(2020))).toEqual({ check: [], schema: 'valid' });
    expect(bothOn(good(2021))).toEqual({ check: [], schema: 'valid' });
  });

  it('a negative 本年增/减 (2019) and a blank cell', () => {
    const r = good(2020);
    r.proactive.fees.change = -5;
    r.proactive.regulations.made = null;
    expect(bothOn(r)).toEqual({ check: [], schema: 'valid' });
  });
});

describe('beyond a schema: the check rejects, the schema cannot see it', () => {
  it('a sum that does not add up', () => {
    const r = good(2021);
    r.applications.received[0] = 11;
    const result = bothOn(r);
    expect(result.schema).toBe('valid');
    expect(result.check[0]).toMatch(/^勾稽关系不符（规则 1/);
  });

  it("a number written as 1e1 (the check wants the report's decimal writing)", () => {
    const text = stringify(good(2021)).replace('received:\n    - 10', 'received:\n    - 1e1');
    expect(text).toContain('- 1e1');
    const problems: Problem[] = [];
    readReportData('r.yaml', text, problems);
    expect(validateYamlText(text, 'report.schema.json').kind).toBe('valid');
    expect(problems[0]?.message).toContain('按原文的十进制写法书写');
  });
});

/**
 * CONTRACT.md keys that the schemas accept now and `npm run check` learns in phase 2 of issue 13.
 * Until then the check refuses them as unknown keys; these tests say so, so that phase 2 flips
 * them knowingly.
 */
describe('contract keys: the schema and the check both accept them', () => {
  const contractCases: [string, (r: any) => void][] = [
    ['status: draft', (r) => (r.status = 'draft')],
    [
      'a table not printed',
      (r) => {
        r.appeals = 'not_printed';
        // An acknowledged appeals rule no longer applies: its cells are not printed.
        r.discrepancies = r.discrepancies?.filter((d: any) => !d.check.startsWith('appeals.'));
        if (r.discrepancies?.length === 0) delete r.discrepancies;
      },
    ],
    [
      '（六）其他处理 printed as one row in a 2021 report',
      (r) => {
        const sub = Object.values(r.applications.other) as number[][];
        r.applications.other = sub[0]!.map((_, i) => sub.reduce((t, row) => t + (row[i] ?? 0), 0));
      },
    ],
  ];
  for (const [name, mutate] of contractCases) {
    it(name, () => {
      const r = good(2021);
      mutate(r);
      expect(bothOn(r)).toEqual({ check: [], schema: 'valid' });
    });
  }

  // Flipped in phase 2 (editor2): the check reads corrections (report-data/corrections.ts).
  it('a corrections entry: both accept it, and both refuse an unknown kind', () => {
    const r = good(2021);
    r.corrections = [
      {
        date: '2026-03-01',
        kind: 'erratum',
        reason: '机构于 2026-02-20 发布更正说明',
        cells: [{ cell: 'applications.received.natural', old: 9, new: 10 }],
      },
    ];
    expect(bothOn(r)).toEqual({ check: [], schema: 'valid' });
    r.corrections[0].kind = 'fix';
    const refused = bothOn(r);
    expect(refused.schema).toBe('invalid');
    expect(refused.check).toEqual([
      '更正类型应为 erratum（机构发布了更正）或 typo（本站录入时打错），实为文字「fix」。',
    ]);
  });

  it('the schema still checks inside the contract keys', () => {
    const r = good(2021);
    r.status = 'published';
    expect(bothOn(r).schema).toBe('invalid');
    const c = good(2021);
    c.corrections = [{ date: '2026-03-01', kind: 'fix', reason: 'x', cells: [] }];
    const v = validateYamlText(stringify(c), 'report.schema.json');
    expect(v.kind).toBe('invalid');
  });

  it("an agency's apply address", () => {
    const text = [
      '- id: jiyuan-gongan',
      '  name: 济源示范区公安局',
      '  level: prefectural',
      '  kind: department',
      '  region: 河南省济源市',
      '  apply: https://example.org/ysqgk/',
    ].join('\n');
    expect(validateYamlText(text, 'agencies.schema.json')).toEqual({ kind: 'valid' });
    const problems: Problem[] = [];
    readAgencies('data/agencies.yaml', text, problems);
    expect(problems).toEqual([]);
    expect(validateYamlText(text.replace('https://', 'ftp://'), 'agencies.schema.json').kind).toBe(
      'invalid',
    );
  });
});

it('the any-version schema picks the version by template', () => {
  const v = committedValidator('report.schema.json');
  const r = good(2021);
  r.template = 2019;
  expect(v(r)).toBe(false);
  expect(v(good(2020))).toBe(true);
});
