/**
 * `npm run new` as an editor runs it: the files it writes, byte for byte, what it says when
 * something is missing, and that it never overwrites.
 *
 * The scaffold carries `status: draft` (CONTRACT.md). Until phase 2 of issue 13 teaches
 * `npm run check` that key, the check refuses it as an unknown key: the test below pins exactly
 * that, and that the scaffold is otherwise clean.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planNewReport, reportMdx, usualTemplate } from '../../src/lib/editor/scaffold.ts';
import { loadArchive } from '../../src/lib/editor/project.ts';
import { ROOT, validateYamlText } from '../support/json-schema.ts';

const AGENCIES = readFileSync(join(ROOT, 'test/fixtures/good/data/agencies.yaml'), 'utf8');

function newProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-new-'));
  cpSync(join(ROOT, 'test/fixtures/good/data/agencies.yaml'), join(dir, 'data/agencies.yaml'));
  return dir;
}

function runNew(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/new.ts', '--root', root, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const USAGE = [
  '用法：npm run new -- --agency <机构id> --year <年份> [--template 2019|2021] [--title <报告标题>]',
  '      新机构另加：--name <机构名称> --level <层级> --kind <类别> --region <所在地区> [--website <网址>] [--parent <上级机构id>]',
].join('\n');

describe('the template usual for the year', () => {
  it('is the 2019 format up to the 2020 reports, then 2021', () => {
    expect([2008, 2019, 2020, 2021, 2025].map(usualTemplate)).toEqual([
      2019, 2019, 2019, 2021, 2021,
    ]);
  });
});

describe('npm run new for a registered agency', () => {
  it('writes both files and says what to do next', () => {
    const root = newProject();
    const run = runNew(root, '--agency', 'jiyuan-gongan', '--year', '2020');
    expect(run).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        '已写入 data/reports/jiyuan-gongan/2020.yaml（2019 年版格式，草稿）',
        '已写入 src/content/reports/jiyuan-gongan/2020.mdx',
        '',
        '下一步：',
        '  1. 把原文正文按标题粘贴到 src/content/reports/jiyuan-gongan/2020.mdx，标题「济源示范区公安局2020年政府信息公开工作年度报告」如与原文不同请改为原文标题；',
        '  2. 对照原文在 data/reports/jiyuan-gongan/2020.yaml 中逐格填写三张表的数字（原文空白的单元格保持 null）；',
        '  3. 运行 npm run check，按提示改正；',
        '  4. 核对无误后删除 data/reports/jiyuan-gongan/2020.yaml 中的 status: draft 一行，再提交。',
        '',
      ].join('\n'),
    });
    // The agency list is untouched.
    expect(readFileSync(join(root, 'data/agencies.yaml'), 'utf8')).toBe(AGENCIES);
    expect(readFileSync(join(root, 'data/reports/jiyuan-gongan/2020.yaml'), 'utf8'))
      .toMatchInlineSnapshot(`
        "# yaml-language-server: $schema=../../schema/report-2019.schema.json
        # 济源示范区公安局2020年政府信息公开工作年度报告：表格数据（2019 年版格式）。
        # 由 npm run new 生成，所有单元格都是 null（空白）。请对照原文逐格填写数字，原文空白的单元格保持 null。
        # 原文没有以文字印出某张表（例如只有图片）时，把该表写成 not_printed，例如 appeals: not_printed。
        # 核对完毕、npm run check 通过后，删除下面 status: draft 这一行即为发布。
        status: draft
        template: 2019

        proactive:
          # 第二十条第（一）项
          regulations: { made: null, published: null, total: null }
          normative_documents: { made: null, published: null, total: null }
          # 第二十条第（五）项
          licensing: { previous: null, change: null, decisions: null }
          other_services: { previous: null, change: null, decisions: null }
          # 第二十条第（六）项
          penalties: { previous: null, change: null, decisions: null }
          coercion: { previous: null, change: null, decisions: null }
          # 第二十条第（八）项
          fees: { previous: null, change: null }
          # 第二十条第（九）项
          procurement: { projects: null, amount: null, unit: null }

        applications:
          #                       [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]
          received:               [null, null, null, null, null, null, null]
          carried_over:           [null, null, null, null, null, null, null]
          disclosed:              [null, null, null, null, null, null, null]
          partially_disclosed:    [null, null, null, null, null, null, null]
          withheld:
            state_secret:         [null, null, null, null, null, null, null]
            prohibited_by_law:    [null, null, null, null, null, null, null]
            security_stability:   [null, null, null, null, null, null, null]
            third_party_rights:   [null, null, null, null, null, null, null]
            internal_affairs:     [null, null, null, null, null, null, null]
            process_information:  [null, null, null, null, null, null, null]
            enforcement_files:    [null, null, null, null, null, null, null]
            query_matters:        [null, null, null, null, null, null, null]
          unavailable:
            not_held:             [null, null, null, null, null, null, null]
            needs_creation:       [null, null, null, null, null, null, null]
            unclear:              [null, null, null, null, null, null, null]
          not_processed:
            petitions:            [null, null, null, null, null, null, null]
            duplicate:            [null, null, null, null, null, null, null]
            publications:         [null, null, null, null, null, null, null]
            excessive:            [null, null, null, null, null, null, null]
            confirmation:         [null, null, null, null, null, null, null]
          other:                  [null, null, null, null, null, null, null]
          total:                  [null, null, null, null, null, null, null]
          carried_forward:        [null, null, null, null, null, null, null]

        appeals:
          #                       [结果维持, 结果纠正, 其他结果, 尚未审结, 总计]
          review:                 [null, null, null, null, null]
          litigation_direct:      [null, null, null, null, null]
          litigation_after_review: [null, null, null, null, null]
        "
      `);
    expect(readFileSync(join(root, 'src/content/reports/jiyuan-gongan/2020.mdx'), 'utf8')).toBe(
      [
        '---',
        'title: 济源示范区公安局2020年政府信息公开工作年度报告',
        '# 找到后去掉行首的「# 」并改为实际值：',
        '# published: 2026-01-20',
        '# source: https://www.example.gov.cn/',
        '---',
        '',
        '## 一、总体情况',
        '',
        '## 二、主动公开政府信息情况',
        '',
        '<ProactiveTable />',
        '',
        '## 三、收到和处理政府信息公开申请情况',
        '',
        '<ApplicationsTable />',
        '',
        '## 四、政府信息公开行政复议、行政诉讼情况',
        '',
        '<AppealsTable />',
        '',
        '## 五、存在的主要问题及改进情况',
        '',
        '## 六、其他需要报告的事项',
        '',
      ].join('\n'),
    );
  });

  it('writes a 2021-format scaffold for a later year, with the 2021 schema in its modeline', () => {
    const root = newProject();
    expect(runNew(root, '--agency', 'jiyuan-gongan', '--year', '2025').status).toBe(0);
    const yaml = readFileSync(join(root, 'data/reports/jiyuan-gongan/2025.yaml'), 'utf8');
    expect(yaml.split('\n').slice(0, 8)).toEqual([
      '# yaml-language-server: $schema=../../schema/report-2021.schema.json',
      '# 济源示范区公安局2025年政府信息公开工作年度报告：表格数据（2021 年版格式）。',
      '# 由 npm run new 生成，所有单元格都是 null（空白）。请对照原文逐格填写数字，原文空白的单元格保持 null。',
      '# 原文没有以文字印出某张表（例如只有图片）时，把该表写成 not_printed，例如 appeals: not_printed。',
      '# 核对完毕、npm run check 通过后，删除下面 status: draft 这一行即为发布。',
      'status: draft',
      'template: 2021',
      '',
    ]);
    expect(yaml).toContain(
      '  other:\n    no_correction:        [null, null, null, null, null, null, null]\n',
    );
    // The modeline resolves, from the file's folder, to the committed schema.
    const target = /\$schema=(.*)$/m.exec(yaml)?.[1] ?? '';
    expect(existsSync(join(ROOT, 'data/reports/jiyuan-gongan', target))).toBe(true);
  });

  it('--template and --title override the usual format and the generated title', () => {
    const root = newProject();
    const run = runNew(
      root,
      '--agency',
      'jiyuan-gongan',
      '--year',
      '2021',
      '--template',
      '2019',
      '--title',
      '济源示范区公安局2021年度政府信息公开工作报告',
    );
    expect(run.status).toBe(0);
    const yaml = readFileSync(join(root, 'data/reports/jiyuan-gongan/2021.yaml'), 'utf8');
    expect(yaml).toContain('\ntemplate: 2019\n');
    expect(yaml.split('\n')[1]).toBe(
      '# 济源示范区公安局2021年度政府信息公开工作报告：表格数据（2019 年版格式）。',
    );
    expect(
      readFileSync(join(root, 'src/content/reports/jiyuan-gongan/2021.mdx'), 'utf8'),
    ).toContain('\ntitle: 济源示范区公安局2021年度政府信息公开工作报告\n');
  });
});

describe('what the check and the schema say about a scaffold', () => {
  for (const year of ['2020', '2025']) {
    it(`${year}: the schema accepts it; the check announces the draft and finds nothing wrong`, () => {
      const root = newProject();
      expect(runNew(root, '--agency', 'jiyuan-gongan', '--year', year).status).toBe(0);
      const file = `data/reports/jiyuan-gongan/${year}.yaml`;
      const text = readFileSync(join(root, file), 'utf8');
      expect(validateYamlText(text, 'report.schema.json')).toEqual({ kind: 'valid' });
      expect(
        validateYamlText(
          text,
          year === '2020' ? 'report-2019.schema.json' : 'report-2021.schema.json',
        ),
      ).toEqual({ kind: 'valid' });

      const problems = loadArchive(root).problems;
      expect(problems.map((p) => [p.file, p.line, p.field, p.severity])).toEqual([
        [file, 6, 'status', 'info'],
      ]);
      expect(problems[0]?.message).toContain('草稿：这份报告标为 status: draft，不会发布。');

      // What an editor publishes: every cell blank is valid, the headings and tables are in place.
      writeFileSync(join(root, file), text.replace('status: draft\n', ''));
      expect(loadArchive(root).problems).toEqual([]);
    });
  }
});

describe('a new agency', () => {
  it('is registered when --name, --level, --kind and --region are given', () => {
    const root = newProject();
    const run = runNew(
      root,
      '--agency',
      'shuyangxian-fagaiju',
      '--year',
      '2024',
      '--name',
      '沭阳县发展和改革局',
      '--level',
      'county',
      '--kind',
      'department',
      '--region',
      '江苏省宿迁市沭阳县',
      '--website',
      'https://www.shuyang.gov.cn/',
    );
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      '已写入 data/reports/shuyangxian-fagaiju/2024.yaml（2021 年版格式，草稿）',
      '已写入 src/content/reports/shuyangxian-fagaiju/2024.mdx',
      '已在 data/agencies.yaml 中登记机构「沭阳县发展和改革局」（shuyangxian-fagaiju）。',
    ]);
    expect(readFileSync(join(root, 'data/agencies.yaml'), 'utf8')).toBe(
      AGENCIES +
        [
          '',
          '# 由 npm run new 登记。',
          '- id: shuyangxian-fagaiju',
          '  name: 沭阳县发展和改革局',
          '  level: county',
          '  kind: department',
          '  region: 江苏省宿迁市沭阳县',
          '  website: https://www.shuyang.gov.cn/',
          '',
        ].join('\n'),
    );
    expect(
      readFileSync(join(root, 'src/content/reports/shuyangxian-fagaiju/2024.mdx'), 'utf8'),
    ).toContain('\ntitle: 沭阳县发展和改革局2024年政府信息公开工作年度报告\n');
    const agencies = loadArchive(root).agencies.map((a) => a.id);
    expect(agencies).toEqual(['jiyuan-gongan', 'shuyangxian-fagaiju']);
    expect(
      validateYamlText(
        readFileSync(join(root, 'data/agencies.yaml'), 'utf8'),
        'agencies.schema.json',
      ),
    ).toEqual({ kind: 'valid' });
  });

  it('starts data/agencies.yaml, with its schema modeline, when there is none', () => {
    const plan = planNewReport(
      {
        agency: 'a-b',
        year: '2022',
        name: '某某局',
        level: 'county',
        kind: 'department',
        region: '某省',
      },
      { agenciesText: undefined, exists: () => false },
    );
    expect(plan.ok && plan.agencies).toBe(
      [
        '# yaml-language-server: $schema=schema/agencies.schema.json',
        '# 机构列表。',
        '# 由 npm run new 登记。',
        '- id: a-b',
        '  name: 某某局',
        '  level: county',
        '  kind: department',
        '  region: 某省',
        '',
      ].join('\n'),
    );
  });

  it('says exactly what is missing, in Chinese, and writes nothing', () => {
    const root = newProject();
    const run = runNew(root, '--agency', 'siyang-gongan', '--year', '2023', '--level', 'county');
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        '机构「siyang-gongan」还没有登记在 data/agencies.yaml 中。要同时登记，请补上：',
        '  --name　机构名称，按机构自己的写法，例如 沭阳县发展和改革局',
        '  --kind　类别：government（人民政府及其办公厅（室））、department（政府部门）',
        '  --region　所在地区，例如 江苏省宿迁市沭阳县',
        '例如：npm run new -- --agency siyang-gongan --year 2023 --name <机构名称> --level county --kind <government|department> --region <所在地区>',
        '如果机构已经登记、只是 id 写错了，请改正 --agency。这次没有写入任何文件。',
        '',
        USAGE,
        '',
      ].join('\n'),
    });
    expect(existsSync(join(root, 'data/reports'))).toBe(false);
    expect(existsSync(join(root, 'src'))).toBe(false);
    expect(readFileSync(join(root, 'data/agencies.yaml'), 'utf8')).toBe(AGENCIES);
  });

  it('refuses a level, kind, website or parent that the agency list would refuse', () => {
    const plan = planNewReport(
      {
        agency: 'x-y',
        year: '2023',
        name: '某某局',
        level: 'city',
        kind: 'bureau',
        region: '某省',
        website: 'www.example.gov.cn',
        parent: 'no-such-agency',
      },
      { agenciesText: AGENCIES, exists: () => false },
    );
    expect(plan).toEqual({
      ok: false,
      messages: [
        '--level 应为 central（中央）、provincial（省级）、prefectural（地市级）、county（县级）、township（乡镇级） 之一，实为「city」。',
        '--kind 应为 government（人民政府及其办公厅（室））、department（政府部门） 之一，实为「bureau」。',
        '--website 应为以 http:// 或 https:// 开头的网址，实为「www.example.gov.cn」。',
        '--parent 应为已登记的上级机构的 id，「no-such-agency」不在 data/agencies.yaml 中。',
        '这次没有写入任何文件。',
      ],
    });
  });
});

describe('refusals', () => {
  it('never overwrites: with either file present, nothing is written', () => {
    const root = newProject();
    const mdx = join(root, 'src/content/reports/jiyuan-gongan/2020.mdx');
    cpSync(join(ROOT, 'test/fixtures/good/src/content/reports/jiyuan-gongan/2020.mdx'), mdx);
    const before = readFileSync(mdx, 'utf8');
    const run = runNew(root, '--agency', 'jiyuan-gongan', '--year', '2020');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      '文件已存在：src/content/reports/jiyuan-gongan/2020.mdx。npm run new 从不覆盖已有的文件，这次没有写入任何文件。要修改这份报告，请直接编辑已有的文件。',
    );
    expect(readFileSync(mdx, 'utf8')).toBe(before);
    expect(existsSync(join(root, 'data/reports/jiyuan-gongan/2020.yaml'))).toBe(false);
    expect(existsSync(dirname(join(root, 'data/reports/jiyuan-gongan/2020.yaml')))).toBe(false);
  });

  const state = { agenciesText: AGENCIES, exists: () => false };
  const cases: [string, Parameters<typeof planNewReport>[0], string][] = [
    [
      'no agency',
      { year: '2020' },
      '请用 --agency 给出机构 id（小写英文字母、数字和连字符，例如 jiyuan-gongan）。',
    ],
    [
      'an agency id with capitals',
      { agency: 'JiYuan', year: '2020' },
      '机构 id「JiYuan」不合格式：只能用小写英文字母、数字和连字符（例如 jiyuan-gongan），它也是报告文件夹的名字。',
    ],
    ['no year', { agency: 'jiyuan-gongan' }, '请用 --year 给出报告年度（四位数字，例如 2025）。'],
    [
      'a year before the regulation',
      { agency: 'jiyuan-gongan', year: '2007' },
      '--year 应为 2008–2100 之间的四位年份（《政府信息公开条例》2008 年起施行），实为「2007」。',
    ],
    [
      'a two-digit year',
      { agency: 'jiyuan-gongan', year: '25' },
      '--year 应为 2008–2100 之间的四位年份（《政府信息公开条例》2008 年起施行），实为「25」。',
    ],
    [
      'a template version that does not exist',
      { agency: 'jiyuan-gongan', year: '2020', template: '2020' },
      '--template 应为 2019 或 2021（分别对应国办公开办函〔2019〕60号和〔2021〕30号的格式），实为「2020」。',
    ],
  ];
  for (const [name, input, message] of cases) {
    it(name, () => {
      expect(planNewReport(input, state)).toEqual({ ok: false, messages: [message] });
    });
  }

  it('a registered agency with --name given says the flag was not used', () => {
    const plan = planNewReport({ agency: 'jiyuan-gongan', year: '2022', name: '别的名字' }, state);
    expect(plan.ok).toBe(true);
    expect(plan.messages[2]).toBe(
      '机构「jiyuan-gongan」已登记在 data/agencies.yaml 中，--name 没有使用；要修改机构信息，请直接编辑 data/agencies.yaml。',
    );
  });
});

it('the prose scaffold puts each table under its national heading', () => {
  const mdx = reportMdx('标题');
  expect(mdx.indexOf('<ProactiveTable />')).toBeGreaterThan(
    mdx.indexOf('## 二、主动公开政府信息情况'),
  );
  expect(mdx.indexOf('<ProactiveTable />')).toBeLessThan(mdx.indexOf('## 三、'));
  expect(mdx.indexOf('<AppealsTable />')).toBeGreaterThan(mdx.indexOf('## 四、'));
  expect(mdx.indexOf('<AppealsTable />')).toBeLessThan(mdx.indexOf('## 五、'));
});
