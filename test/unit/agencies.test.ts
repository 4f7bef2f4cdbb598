import { describe, expect, it } from 'vitest';
import { SLUG, isWebUrl, readAgencies } from '../../src/lib/content/agencies.ts';
import type { Problem } from '../../src/lib/content/problems.ts';

const FILE = 'data/agencies.yaml';

const GOVERNMENT = `- id: jiyuan
  name: 济源产城融合示范区管理委员会
  level: prefectural
  kind: government
  region: 河南省济源市
  website: https://www.jiyuan.gov.cn
`;
const POLICE = `- id: jiyuan-gongan
  name: 济源示范区公安局
  level: prefectural
  kind: department
  region: 河南省济源市
  parent: jiyuan
`;

function read(text: string) {
  const problems: Problem[] = [];
  const agencies = readAgencies(FILE, text, problems);
  return { problems, agencies };
}

describe('readAgencies', () => {
  it('reads apply, the 依申请公开 channel, and refuses one that is not an http(s) address', () => {
    const ok = read(
      GOVERNMENT.replace('\n  website:', '\n  apply: https://www.jiyuan.gov.cn/ysq/\n  website:'),
    );
    expect(ok.problems).toEqual([]);
    expect(ok.agencies[0]?.apply).toBe('https://www.jiyuan.gov.cn/ysq/');
    const bad = read(GOVERNMENT.replace('\n  website:', '\n  apply: 电话申请\n  website:'));
    expect(bad.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        6,
        '[0].apply',
        'apply 应为依申请公开渠道的网址，以 http:// 或 https:// 开头，实为「电话申请」。',
      ],
    ]);
  });

  it('reads valid entries with their optional fields', () => {
    const { problems, agencies } = read(GOVERNMENT + POLICE);
    expect(problems).toEqual([]);
    expect(agencies).toEqual([
      {
        id: 'jiyuan',
        name: '济源产城融合示范区管理委员会',
        level: 'prefectural',
        kind: 'government',
        region: '河南省济源市',
        website: 'https://www.jiyuan.gov.cn',
      },
      {
        id: 'jiyuan-gongan',
        name: '济源示范区公安局',
        level: 'prefectural',
        kind: 'department',
        region: '河南省济源市',
        parent: 'jiyuan',
      },
    ]);
  });

  it('reports a file that is not a list, and an entry that is not a mapping', () => {
    expect(read('id: jiyuan\n').problems).toMatchInlineSnapshot(`
      [
        {
          "field": "(根)",
          "file": "data/agencies.yaml",
          "line": 1,
          "message": "机构列表应为列表（每个机构以「- id:」开头），实为一组字段（映射）。",
          "severity": "error",
        },
      ]
    `);
    expect(read(`${GOVERNMENT}- jiyuan-gongan\n`)).toMatchInlineSnapshot(`
      {
        "agencies": [
          {
            "id": "jiyuan",
            "kind": "government",
            "level": "prefectural",
            "name": "济源产城融合示范区管理委员会",
            "region": "河南省济源市",
            "website": "https://www.jiyuan.gov.cn",
          },
        ],
        "problems": [
          {
            "field": "[1]",
            "file": "data/agencies.yaml",
            "line": 7,
            "message": "每个机构应为一组字段（id、name、level、kind、region），实为文字「jiyuan-gongan」。",
            "severity": "error",
          },
        ],
      }
    `);
  });

  it('reports a YAML syntax error', () => {
    expect(read(`${GOVERNMENT}- id: [x\n`).problems).toMatchInlineSnapshot(`
      [
        {
          "file": "data/agencies.yaml",
          "line": 8,
          "message": "YAML 格式错误：缩进不正确（同一层级的字段要对齐）（BAD_INDENT）。文件未能读取，请对照示例检查这一行及其上一行。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports an unknown key and a missing key, and leaves the entry out', () => {
    const { problems, agencies } = read(
      POLICE.replace('  region: 河南省济源市\n', '  regoin: 河南省济源市\n'),
    );
    expect(agencies).toEqual([]);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": "[0].regoin",
          "file": "data/agencies.yaml",
          "line": 5,
          "message": "机构中有未知字段「regoin」。允许的字段是：id、name、level、kind、region、website、apply、parent。如果是拼写错误，请改正。",
          "severity": "error",
        },
        {
          "field": "[0].region",
          "file": "data/agencies.yaml",
          "line": 1,
          "message": "机构缺少字段「region」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a bad id, level, kind, website and an empty name', () => {
    const text = `- id: Jiyuan_Gongan
  name: ''
  level: city
  kind: bureau
  region: 河南省济源市
  website: javascript:alert(1)
`;
    expect(read(text).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "[0].id",
          "file": "data/agencies.yaml",
          "line": 1,
          "message": "id 应为小写英文字母、数字和连字符组成的标识（例如 jiyuan-gongan），实为「Jiyuan_Gongan」。",
          "severity": "error",
        },
        {
          "field": "[0].name",
          "file": "data/agencies.yaml",
          "line": 2,
          "message": "name 应为机构名称（按机构自己的写法），实为「」。",
          "severity": "error",
        },
        {
          "field": "[0].level",
          "file": "data/agencies.yaml",
          "line": 3,
          "message": "level 应为 central、provincial、prefectural、county、township 之一，实为「city」。",
          "severity": "error",
        },
        {
          "field": "[0].kind",
          "file": "data/agencies.yaml",
          "line": 4,
          "message": "kind 应为 government（人民政府及其办公厅）或 department（政府部门），实为「bureau」。",
          "severity": "error",
        },
        {
          "field": "[0].website",
          "file": "data/agencies.yaml",
          "line": 6,
          "message": "website 应为以 http:// 或 https:// 开头的网址，实为「javascript:alert(1)」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('names what was found when a value is not text', () => {
    const text = `- id: jiyuan
  name: 123
  level: [prefectural]
  kind:
  region: 河南省济源市
`;
    expect(read(text).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "[0].name",
          "file": "data/agencies.yaml",
          "line": 2,
          "message": "name 应为机构名称（按机构自己的写法），实为数字 123。",
          "severity": "error",
        },
        {
          "field": "[0].level",
          "file": "data/agencies.yaml",
          "line": 3,
          "message": "level 应为 central、provincial、prefectural、county、township 之一，实为列表。",
          "severity": "error",
        },
        {
          "field": "[0].kind",
          "file": "data/agencies.yaml",
          "line": 4,
          "message": "kind 应为 government（人民政府及其办公厅）或 department（政府部门），实为空值。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports an agency listed twice and keeps the first entry', () => {
    const text = GOVERNMENT + POLICE + POLICE.replace('济源示范区公安局', '济源市公安局');
    const { problems, agencies } = read(text);
    expect(agencies.map((a) => a.name)).toEqual([
      '济源产城融合示范区管理委员会',
      '济源示范区公安局',
    ]);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": "[2].id",
          "file": "data/agencies.yaml",
          "line": 13,
          "message": "机构 id「jiyuan-gongan」重复：第 7 行已登记了同一个 id。每个机构只能登记一次。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a parent that is not in the list', () => {
    expect(read(POLICE)).toMatchInlineSnapshot(`
      {
        "agencies": [
          {
            "id": "jiyuan-gongan",
            "kind": "department",
            "level": "prefectural",
            "name": "济源示范区公安局",
            "parent": "jiyuan",
            "region": "河南省济源市",
          },
        ],
        "problems": [
          {
            "field": "[0].parent",
            "file": "data/agencies.yaml",
            "line": 6,
            "message": "机构「济源示范区公安局」的上级机构「jiyuan」不在机构列表中。",
            "severity": "error",
          },
        ],
      }
    `);
  });
});

describe('isWebUrl and SLUG', () => {
  it('accepts only absolute http(s) addresses', () => {
    expect(
      ['https://www.jiyuan.gov.cn', 'http://example.org/a?b=1', 'HTTPS://EXAMPLE.ORG'].map(
        isWebUrl,
      ),
    ).toEqual([true, true, true]);
    expect(
      [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        'data:text/html,x',
        'ftp://example.org',
        '//example.org',
        '/reports/',
        'www.jiyuan.gov.cn',
        'http://',
        '',
      ].map(isWebUrl),
    ).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  it('accepts lowercase slugs with single hyphens', () => {
    expect(['jiyuan', 'jiyuan-gongan', 'henan-2'].map((s) => SLUG.test(s))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['Jiyuan', 'jiyuan_gongan', '-jiyuan', 'jiyuan--gongan', 'jiyuan-', '济源', ''].map((s) =>
        SLUG.test(s),
      ),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});
