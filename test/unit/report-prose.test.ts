import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import type { Problem } from '../../src/lib/content/problems.ts';
import {
  TABLE_COMPONENTS,
  isIsoDate,
  plainPlacements,
  readReportProse,
  splitRenderedProse,
} from '../../src/lib/content/report-prose.ts';

const FILE = 'src/content/reports/jiyuan-gongan/2020.mdx';
const IDENTITY = { agency: 'jiyuan-gongan', year: 2020 };

const BODY = `
## 一、总体情况

2020 年共收到申请 6 件。

## 二、主动公开政府信息情况

<ProactiveTable />

## 三、收到和处理政府信息公开申请情况

<ApplicationsTable />

## 四、政府信息公开行政复议、行政诉讼情况

<AppealsTable />
`;

/** A report with the given front matter lines (without the --- fences) and body. */
function mdx(frontmatter: string, body = BODY): string {
  return `---\n${frontmatter}\n---\n${body}`;
}

function read(text: string) {
  const problems: Problem[] = [];
  const prose = readReportProse(FILE, text, IDENTITY, problems);
  return { problems, prose };
}

const TITLE = 'title: 2020年济源示范区公安局政府信息公开工作年度报告';

describe('valid prose', () => {
  it('returns the front matter and the table components in order', () => {
    const { problems, prose } = read(
      mdx(
        `${TITLE}\npublished: 2021-01-29\nsource: https://www.jiyuan.gov.cn/a.html\nagency: jiyuan-gongan\nyear: 2020`,
      ),
    );
    expect(problems).toEqual([]);
    expect(prose).toEqual({
      frontmatter: {
        title: '2020年济源示范区公安局政府信息公开工作年度报告',
        published: '2021-01-29',
        source: 'https://www.jiyuan.gov.cn/a.html',
      },
      components: ['ProactiveTable', 'ApplicationsTable', 'AppealsTable'],
      parsed: true,
      markdown: [
        '## 一、总体情况',
        '',
        '2020 年共收到申请 6 件。',
        '',
        '## 二、主动公开政府信息情况',
        '',
        'NIANBAO-TABLE-ProactiveTable',
        '',
        '## 三、收到和处理政府信息公开申请情况',
        '',
        'NIANBAO-TABLE-ApplicationsTable',
        '',
        '## 四、政府信息公开行政复议、行政诉讼情况',
        '',
        'NIANBAO-TABLE-AppealsTable',
        '',
      ].join('\n'),
    });
    expect(Object.keys(TABLE_COMPONENTS)).toEqual(prose.components);
  });

  it('accepts Windows line endings', () => {
    const { problems, prose } = read(mdx(TITLE).replaceAll('\n', '\r\n'));
    expect(problems).toEqual([]);
    expect(prose.components).toHaveLength(3);
  });

  it('accepts http(s), mailto and same-site links, and escaped < { }', () => {
    const body = `${BODY}
见[原文](https://example.org/a)、[邮箱](mailto:gk@example.org)、[本站](/reports/)、[上文](#top)。

公式 a \\< b，集合 \\{1\\}。
`;
    expect(read(mdx(TITLE, body)).problems).toEqual([]);
  });

  it('keeps hostile strings in the title verbatim: they are content, escaped on output', () => {
    const title = '年度报告</script><script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const { problems, prose } = read(mdx(`title: ${title}`));
    expect(problems).toEqual([]);
    expect(prose.frontmatter?.title).toBe(title);
  });
});

describe('prose rendered without MDX', () => {
  it('refuses a table component inside a line of text', () => {
    const { problems } = read(
      mdx(TITLE, BODY.replace('<AppealsTable />', '见下表 <AppealsTable /> 。')),
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [19, '<AppealsTable /> 要单独写成一行，前后不能有其他文字。'],
    ]);
  });

  it('splits rendered HTML at the table placeholders, in order', () => {
    expect(
      splitRenderedProse(
        '<h2>一、总体情况</h2>\n<p>正文</p>\n<p>NIANBAO-TABLE-ProactiveTable</p>\n<h2>三</h2>\n<p>NIANBAO-TABLE-ApplicationsTable</p>\n<p>NIANBAO-TABLE-AppealsTable</p>\n<p>结尾</p>',
      ),
    ).toEqual([
      { kind: 'html', html: '<h2>一、总体情况</h2>\n<p>正文</p>' },
      { kind: 'table', component: 'ProactiveTable' },
      { kind: 'html', html: '<h2>三</h2>' },
      { kind: 'table', component: 'ApplicationsTable' },
      { kind: 'table', component: 'AppealsTable' },
      { kind: 'html', html: '<p>结尾</p>' },
    ]);
  });

  it('leaves text that merely mentions a placeholder alone', () => {
    expect(splitRenderedProse('<p>见 NIANBAO-TABLE-ProactiveTable 一词</p>')).toEqual([
      { kind: 'html', html: '<p>见 NIANBAO-TABLE-ProactiveTable 一词</p>' },
    ]);
  });
});

describe('front matter', () => {
  it('reports a file without front matter, and one whose front matter never ends', () => {
    expect(read(BODY.trimStart()).problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 1,
          "message": "文件应以「---」开头的前言（front matter）开始，其中至少写明 title（报告标题）。",
          "severity": "error",
        },
      ]
    `);
    expect(read(`---\n${TITLE}\n${BODY}`)).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": undefined,
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 1,
            "message": "前言（front matter）没有结束：请在前言之后加一行「---」。",
            "severity": "error",
          },
        ],
        "prose": {
          "components": [],
          "markdown": "",
          "parsed": false,
        },
      }
    `);
  });

  it('reports front matter that is not a mapping, unknown keys and a missing title', () => {
    expect(read(mdx('- 报告')).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "title",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 2,
          "message": "前言应为一组字段（title、published、source），实为列表。",
          "severity": "error",
        },
      ]
    `);
    expect(read(mdx(`${TITLE}\nauthor: 办公室`)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "author",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 3,
          "message": "前言中有未知字段「author」。允许的字段是：title、published、source、source_copy（agency 和 year 由文件路径决定，可以不写）。",
          "severity": "error",
        },
      ]
    `);
    expect(read(mdx('published: 2021-01-29')).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "title",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 1,
          "message": "前言缺少 title（报告标题，按原文照录）。",
          "severity": "error",
        },
      ]
    `);
    expect(read(mdx("title: ''")).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "title",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 2,
          "message": "title 应为报告标题（文字），实为文字「」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports an invalid published date (not a calendar date, or not YYYY-MM-DD)', () => {
    expect(read(mdx(`${TITLE}\npublished: 2021-02-30`)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "published",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 3,
          "message": "published 应为发布日期，写成 2021-01-29 这样的格式，实为文字「2021-02-30」。",
          "severity": "error",
        },
      ]
    `);
    expect(read(mdx(`${TITLE}\npublished: 2021年1月29日`)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "published",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 3,
          "message": "published 应为发布日期，写成 2021-01-29 这样的格式，实为文字「2021年1月29日」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reads source_copy apart from source, and rejects one that is not an http(s) address', () => {
    const ok = read(mdx(`${TITLE}\nsource_copy: https://example.org/copy.pdf`));
    expect(ok.problems).toEqual([]);
    expect(ok.prose.frontmatter).toEqual({
      title: '2020年济源示范区公安局政府信息公开工作年度报告',
      source_copy: 'https://example.org/copy.pdf',
    });
    const bad = read(mdx(`${TITLE}\nsource_copy: 'ftp://example.org/copy.pdf'`)).problems;
    expect(bad.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        3,
        'source_copy',
        'source_copy 应为存档副本的网址，以 http:// 或 https:// 开头，实为文字「ftp://example.org/copy.pdf」。',
      ],
    ]);
  });

  it('rejects a source that is not an http(s) address', () => {
    const messages = [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//example.org/a',
      'www.jiyuan.gov.cn',
    ].map((s) => read(mdx(`${TITLE}\nsource: '${s}'`)).problems);
    expect(messages).toMatchInlineSnapshot(`
      [
        [
          {
            "field": "source",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "source 应为原文网址，以 http:// 或 https:// 开头，实为文字「javascript:alert(1)」。",
            "severity": "error",
          },
        ],
        [
          {
            "field": "source",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "source 应为原文网址，以 http:// 或 https:// 开头，实为文字「data:text/html,<script>alert(1)</script>」。",
            "severity": "error",
          },
        ],
        [
          {
            "field": "source",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "source 应为原文网址，以 http:// 或 https:// 开头，实为文字「//example.org/a」。",
            "severity": "error",
          },
        ],
        [
          {
            "field": "source",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "source 应为原文网址，以 http:// 或 https:// 开头，实为文字「www.jiyuan.gov.cn」。",
            "severity": "error",
          },
        ],
      ]
    `);
  });

  it('reports agency and year that contradict the path', () => {
    expect(read(mdx(`${TITLE}\nagency: jiyuan\nyear: 2021`)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "agency",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 3,
          "message": "前言中的 agency 为文字「jiyuan」，与文件路径中的机构「jiyuan-gongan」不一致。报告的机构由文件夹名决定，请删除 agency 或改为一致。",
          "severity": "error",
        },
        {
          "field": "year",
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 4,
          "message": "前言中的 year 为数字 2021，与文件名中的年份 2020 不一致。报告的年份由文件名决定，请删除 year 或改为一致。",
          "severity": "error",
        },
      ]
    `);
  });

  it('returns no front matter when it has an error, but still checks the body', () => {
    const { problems, prose } = read(mdx(`${TITLE}\nyear: 2021`, `${BODY}\n{1 + 1}\n`));
    expect(prose.frontmatter).toBeUndefined();
    expect(problems.map((p) => p.line)).toEqual([3, 22]);
  });
});

describe('body', () => {
  it('reports import and export statements', () => {
    const body = `\nimport Chart from '../../components/Chart.astro';\n\nexport const x = 1;\n${BODY}`;
    expect(read(mdx(TITLE, body)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 5,
          "message": "报告正文不能包含 import 或 export 语句（MDX 代码会在构建时运行）。表格组件无需导入。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 7,
          "message": "报告正文不能包含 import 或 export 语句（MDX 代码会在构建时运行）。表格组件无需导入。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports {expressions} in a paragraph and on their own line', () => {
    const body = `${BODY}\n共收到 {6} 件。\n\n{alert(1)}\n`;
    expect(read(mdx(TITLE, body)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 21,
          "message": "报告正文不能包含 {…} 表达式（大括号里的内容会被当作代码运行）。如果原文有大括号，请写成「\\{」和「\\}」。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 23,
          "message": "报告正文不能包含 {…} 表达式（大括号里的内容会被当作代码运行）。如果原文有大括号，请写成「\\{」和「\\}」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports any other JSX or HTML element', () => {
    const body = `${BODY}\n<Chart />\n\n正文 <script>alert(1)</script>\n\n<div>原文</div>\n`;
    expect(read(mdx(TITLE, body)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 21,
          "message": "报告正文只能使用 <ProactiveTable />、<ApplicationsTable />、<AppealsTable /> 三个表格组件，发现了 <Chart>。其他内容请用 Markdown 书写；原文中的「<」请写成「\\<」。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 23,
          "message": "报告正文只能使用 <ProactiveTable />、<ApplicationsTable />、<AppealsTable /> 三个表格组件，发现了 <script>。其他内容请用 Markdown 书写；原文中的「<」请写成「\\<」。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 25,
          "message": "报告正文只能使用 <ProactiveTable />、<ApplicationsTable />、<AppealsTable /> 三个表格组件，发现了 <div>。其他内容请用 Markdown 书写；原文中的「<」请写成「\\<」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a table component placed twice, or given attributes or content', () => {
    const body = `${BODY}\n<AppealsTable />\n\n<ProactiveTable year="2019" />\n`;
    const { problems, prose } = read(mdx(TITLE, body));
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 21,
          "message": "<AppealsTable /> 出现了不止一次；每张表只能放置一次。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 23,
          "message": "<ProactiveTable /> 不需要任何属性或内容：数据来自同名的 YAML 文件。请写成 <ProactiveTable />。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 23,
          "message": "<ProactiveTable /> 出现了不止一次；每张表只能放置一次。",
          "severity": "error",
        },
      ]
    `);
    expect(prose.components).toEqual([
      'ProactiveTable',
      'ApplicationsTable',
      'AppealsTable',
      'AppealsTable',
      'ProactiveTable',
    ]);
  });

  it('lists only the components placed (placement is checked by the archive)', () => {
    const { problems, prose } = read(mdx(TITLE, BODY.replace('<AppealsTable />\n', '')));
    expect(problems).toEqual([]);
    expect(prose.components).toEqual(['ProactiveTable', 'ApplicationsTable']);
  });

  it('reports unsafe links and images', () => {
    const body = `${BODY}\n[原文](javascript:alert(1))\n\n[x]: data:text/html,hi\n\n![图](https://example.org/a.png)\n\n[协议相对](//evil.example/a)\n`;
    expect(read(mdx(TITLE, body)).problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 21,
          "message": "链接地址「javascript:alert(1)」不被允许：只能使用 http:// 或 https:// 网址、mailto: 或本站的相对地址。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 23,
          "message": "链接地址「data:text/html,hi」不被允许：只能使用 http:// 或 https:// 网址、mailto: 或本站的相对地址。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 25,
          "message": "报告正文暂不支持图片：请用文字或表格组件记录原文内容，并在 source 中给出原文链接。",
          "severity": "error",
        },
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 27,
          "message": "链接地址「//evil.example/a」不被允许：只能使用 http:// 或 https:// 网址、mailto: 或本站的相对地址。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a body that is not valid MDX with its line, and marks it unparsed', () => {
    const { problems, prose } = read(mdx(TITLE, `${BODY}\n申请数 < 10 件，{ 未闭合\n`));
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "src/content/reports/jiyuan-gongan/2020.mdx",
          "line": 21,
          "message": "正文无法解析为 MDX。正文中的「<」「{」「}」会被当作代码：如果原文有这些符号，请写成「\\<」「\\{」「\\}」；表格组件要写成 <ApplicationsTable /> 这样的自闭合形式。",
          "severity": "error",
        },
      ]
    `);
    expect(prose.parsed).toBe(false);
    expect(prose.frontmatter?.title).toBe('2020年济源示范区公安局政府信息公开工作年度报告');
  });
});

describe('isIsoDate', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(['2021-01-29', '2020-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(
      ['2021-02-29', '2021-13-01', '2021-1-29', '2021/01/29', '2021-01-29T00:00', ''].map(
        isIsoDate,
      ),
    ).toEqual([false, false, false, false, false, false]);
  });
});

/** What the MDX parser itself finds in a body: every node the check acts on, with its offsets. */
function parsedNodes(
  body: string,
): { type: string; name?: string; start?: number; end?: number }[] {
  type Node = {
    type: string;
    name?: string | null;
    position?: { start: { offset?: number }; end: { offset?: number } };
    children?: Node[];
  };
  const acted = [
    'mdxjsEsm',
    'mdxFlowExpression',
    'mdxTextExpression',
    'mdxJsxFlowElement',
    'mdxJsxTextElement',
    'link',
    'definition',
    'image',
  ];
  const out: { type: string; name?: string; start?: number; end?: number }[] = [];
  const visit = (node: Node) => {
    if (acted.includes(node.type)) {
      out.push({
        type: node.type,
        ...(node.name ? { name: node.name } : {}),
        start: node.position?.start.offset,
        end: node.position?.end.offset,
      });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(createProcessor().parse(body) as unknown as Node);
  return out;
}

describe('bodies read without the MDX parser (plainPlacements)', () => {
  const bodies: Record<string, string> = {
    'the usual body': BODY,
    'front matter blanked': '\n\n\n' + BODY,
    'no table at all': '\n## 一、总体情况\n\n正文。\n',
    'a table at the very start and end': '<ProactiveTable />\n\n正文\n\n<AppealsTable />',
    'text right after a table': BODY.replace('<AppealsTable />\n', '<AppealsTable />\n正文\n'),
    'text right before a table': BODY.replace('\n<AppealsTable />', '正文\n<AppealsTable />'),
    'a table inside a line': BODY.replace('<AppealsTable />', '见 <AppealsTable /> 。'),
    'a table twice': BODY + '\n<AppealsTable />\n',
    'a table without the space': BODY.replace('<AppealsTable />', '<AppealsTable/>'),
    'a table with trailing space': BODY.replace('<AppealsTable />', '<AppealsTable /> '),
    'an indented table': BODY.replace('<AppealsTable />', '  <AppealsTable />'),
    'a table with an attribute': BODY.replace('<AppealsTable />', '<AppealsTable a="1" />'),
    'another component': BODY + '\n<Chart />\n',
    'a table in a fence': BODY + '\n```\n\n<AppealsTable />\n\n```\n',
    'a table in a tilde fence': BODY + '\n~~~\n\n<AppealsTable />\n\n~~~\n',
    'a table in a block quote': BODY + '\n> 引文\n\n<AppealsTable />\n',
    'a table in a list': BODY.replace('\n<AppealsTable />', '- 一项\n\n  <AppealsTable />'),
    'an import': '\nimport x from "y";\n' + BODY,
    'an export': '\nexport const x = 1;\n' + BODY,
    'a word starting with import': '\nimportant\n' + BODY,
    'an expression': BODY + '\n{1 + 1}\n',
    'a closing brace': BODY + '\n文字 } 文字\n',
    'a link': BODY + '\n[链接](javascript:alert(1))\n',
    'a reference link': BODY + '\n[链接]\n\n[链接]: https://example.org\n',
    'an image': BODY + '\n![图](a.png)\n',
    'an autolink': BODY + '\n<https://example.org>\n',
    'a less-than sign': BODY + '\n甲 < 乙\n',
    HTML: BODY + '\n<div>文字</div>\n',
    'a CRLF file': BODY.replace(/\n/g, '\r\n'),
    'full-width brackets and braces': BODY + '\n〔2019〕60号【注】｛｝《条例》\n',
    'emphasis, code and a heading': BODY + '\n**加粗。**其中 `代码` \n\n### 小节\n',
  };

  /** The bodies the shortcut answers; every other one is left to the parser. */
  const answered = new Set([
    'the usual body',
    'front matter blanked',
    'no table at all',
    'a table at the very start and end',
    'full-width brackets and braces',
    'emphasis, code and a heading',
  ]);

  for (const [name, body] of Object.entries(bodies)) {
    it(`agrees with the MDX parser, or leaves the body to it: ${name}`, () => {
      const plain = plainPlacements(body);
      if (!answered.has(name)) {
        expect(plain).toBeUndefined();
        return;
      }
      // The parser finds exactly those components and nothing else the check reports on (no
      // other element, expression, import, link or image).
      expect(plain).toBeDefined();
      expect(parsedNodes(body)).toEqual(
        plain!.map((p) => ({
          type: 'mdxJsxFlowElement',
          name: p.component,
          start: p.start,
          end: p.end,
        })),
      );
    });
  }

  it('reads a body the same either way: components, markdown and problems', () => {
    const text = mdx(TITLE);
    const { prose, problems } = read(text);
    // The same body with a harmless bracket in a heading takes the parser's path.
    const parsed = read(text.replace('## 一、总体情况', '## 一、总体情况 [注]'));
    expect(plainPlacements(text.replace(/^---[\s\S]*?---/, ''))).toBeDefined();
    expect(problems).toEqual([]);
    expect(parsed.problems).toEqual([]);
    expect(prose.components).toEqual(parsed.prose.components);
    expect(prose.markdown).toBe(
      parsed.prose.markdown.replace('## 一、总体情况 [注]', '## 一、总体情况'),
    );
  });
});
