/**
 * Writes a synthetic archive: agencies, and for each a run of consecutive years of reports
 * (2019–2025, both template versions) whose tables satisfy every consistency rule, including the
 * carry-over between years, and whose prose is drawn from varied sentences so that search is not
 * trivially uniform. Deterministic: the same seed writes the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { applicationLeaves } from '../../src/lib/template/cells.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  type TemplateVersion,
} from '../../src/lib/template/declarations.ts';
import { templateOf } from '../../src/lib/template/registry.ts';

/** mulberry32: a small, fast, seedable PRNG (deterministic output). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, max: number) => Math.floor(r() * (max + 1));
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Mostly small counts with an occasional large one, like real tables. */
const count = (r: Rand, scale: number) =>
  r() < 0.45 ? 0 : r() < 0.9 ? int(r, scale) : int(r, scale * 20);

const REGIONS = [
  ['江苏省', '南京市', '玄武区'],
  ['江苏省', '苏州市', '吴江区'],
  ['江苏省', '淮安市', '涟水县'],
  ['浙江省', '杭州市', '余杭区'],
  ['浙江省', '宁波市', '象山县'],
  ['浙江省', '温州市', '乐清市'],
  ['广东省', '广州市', '番禺区'],
  ['广东省', '深圳市', '南山区'],
  ['广东省', '佛山市', '顺德区'],
  ['河南省', '郑州市', '中牟县'],
  ['河南省', '洛阳市', '栾川县'],
  ['河南省', '济源市', '坡头镇'],
  ['山东省', '青岛市', '黄岛区'],
  ['山东省', '济南市', '章丘区'],
  ['四川省', '成都市', '郫都区'],
  ['四川省', '绵阳市', '江油市'],
  ['湖北省', '武汉市', '江夏区'],
  ['湖南省', '长沙市', '浏阳市'],
  ['福建省', '厦门市', '思明区'],
  ['安徽省', '合肥市', '肥西县'],
  ['河北省', '石家庄市', '正定县'],
  ['陕西省', '西安市', '长安区'],
  ['云南省', '昆明市', '呈贡区'],
  ['江西省', '南昌市', '进贤县'],
] as const;

const DEPARTMENTS = [
  '公安局',
  '财政局',
  '发展和改革委员会',
  '教育局',
  '生态环境局',
  '市场监督管理局',
  '自然资源和规划局',
  '交通运输局',
  '卫生健康委员会',
  '民政局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '农业农村局',
  '水利局',
  '商务局',
  '文化广电和旅游局',
  '应急管理局',
  '审计局',
  '统计局',
  '医疗保障局',
  '司法局',
  '退役军人事务局',
  '城市管理局',
  '林业局',
  '税务局',
  '行政审批局',
  '数据资源管理局',
] as const;

const TOPICS = [
  '保密审查',
  '政策解读',
  '重大决策预公开',
  '行政规范性文件清理',
  '政务新媒体管理',
  '依申请公开办理',
  '政府网站集约化',
  '优化营商环境',
  '乡村振兴',
  '生态环境保护',
  '义务教育招生',
  '医疗卫生服务',
  '食品安全监管',
  '安全生产执法',
  '财政预决算公开',
  '政府采购',
  '公共资源交易',
  '征地拆迁补偿',
  '保障性住房分配',
  '社会救助',
  '就业创业补贴',
  '养老服务',
  '城市更新',
  '交通建设项目',
  '水利工程',
  '行政处罚结果',
  '行政许可事项',
  '双随机一公开',
  '政务服务好差评',
  '一网通办',
  '12345热线',
] as const;

const PLATFORMS = [
  '政府门户网站',
  '政务公开专栏',
  '政务微信公众号',
  '政务微博',
  '政务服务网',
  '新闻发布会',
  '政府公报',
  '政务服务中心公开栏',
];

const SENTENCES = [
  '{year}年，{agency}坚持以公开为常态、不公开为例外，围绕{topic}等重点领域，持续深化政务公开工作。',
  '全年通过{platform}主动公开政府信息{n}条，其中涉及{topic}的信息{m}条。',
  '严格落实{topic}制度，对拟公开信息逐条审核，全年审查信息{n}条，未发生泄密事件。',
  '围绕{topic}，组织开展政策解读{m}次，以图解、视频等形式解读文件{n}件。',
  '依法规范办理政府信息公开申请，全年新收申请{m}件，均在法定期限内答复。',
  '加强{platform}建设，优化栏目设置，新增“{topic}”专题栏目，方便群众查询。',
  '召开新闻发布会{m}场，邀请相关负责同志就{topic}回应社会关切。',
  '对照《政府信息公开条例》要求，梳理更新主动公开基本目录，涉及{topic}等{m}个领域。',
  '建立健全{topic}工作机制，明确责任分工，形成主要领导亲自抓、分管领导具体抓的工作格局。',
  '组织政务公开业务培训{m}期，参训人员{n}人次，重点学习{topic}相关规定。',
  '主动接受社会监督，在{platform}公布监督电话和电子邮箱，全年收到意见建议{m}条，均已办结。',
  '推进基层政务公开标准化规范化建设，编制{topic}领域公开事项清单。',
  '及时公开{topic}相关的政策文件、执行情况和结果信息，保障群众知情权、参与权和监督权。',
  '完善依申请公开工作流程，规范受理、登记、审核、答复等环节，答复文书格式统一。',
  '加强政府信息管理，对现行有效的行政规范性文件进行集中清理，废止{m}件、修改{m2}件。',
  '{platform}全年访问量{n}人次，发布{topic}信息{m}条。',
  '推动{topic}信息公开向移动端延伸，实现政策文件“掌上查”“指尖办”。',
  '将政务公开工作纳入年度绩效考核，考核结果作为评先评优的重要依据。',
];

const PROBLEMS = [
  '政策解读的形式还不够丰富，解读的针对性和实效性有待提高。',
  '部分栏目信息更新不够及时，{topic}信息发布的时效性有待加强。',
  '依申请公开答复的规范化水平仍需提升，个别答复说理不够充分。',
  '基层工作人员业务能力参差不齐，培训的覆盖面还需扩大。',
  '政务新媒体互动回应不够及时，与群众的交流渠道有待拓宽。',
];

const FEES = [
  '本年度未收取信息处理费。',
  '{year}年度，本机关未收取政府信息公开信息处理费。',
  '本年度共收取信息处理费 0 元。',
];

function sentence(r: Rand, template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (k === 'n') return String(int(r, 5000) + 20);
    if (k === 'm') return String(int(r, 60) + 1);
    if (k === 'm2') return String(int(r, 20));
    if (k === 'topic') return pick(r, TOPICS);
    if (k === 'platform') return pick(r, PLATFORMS);
    return vars[k] ?? '';
  });
}

/** Sentences appended until the paragraph holds at least `chars` characters. */
function paragraph(r: Rand, vars: Record<string, string>, chars: number): string {
  let out = '';
  do out += sentence(r, pick(r, SENTENCES), vars);
  while (out.length < chars);
  return out;
}

/** A section body of about `chars` characters, in paragraphs of 150–450 characters like the corpus's. */
function section(r: Rand, vars: Record<string, string>, chars: number): string[] {
  const out: string[] = [];
  let left = chars;
  do {
    const p = paragraph(r, vars, Math.min(left, 150 + int(r, 300)));
    out.push(p, '');
    left -= p.length;
  } while (left > 0);
  return out;
}

/**
 * How long a report's prose is (non-space characters of the Markdown outside the tables).
 * `corpus`: log-normal fitted to the five real reports in shared/corpus, whose prose outside
 * the three tables measures 1,220, 1,416, 1,871, about 2,900 and 4,907 characters (median 2,150,
 * σ of the logarithm 0.56), kept within 1,000–8,000. `long`: log-uniform over 5,000–15,000, a
 * stress setting for archives of longer reports than the corpus holds.
 */
export type ProseLength = 'corpus' | 'long';
export const PROSE_LENGTHS: readonly ProseLength[] = ['corpus', 'long'];

function proseTarget(r: Rand, kind: ProseLength): number {
  if (kind === 'long') return Math.round(5000 * Math.exp(r() * Math.log(3)));
  // Box–Muller: one standard normal draw from two uniforms.
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.round(Math.min(8000, Math.max(1000, Math.exp(Math.log(2150) + 0.56 * z))));
}

const SUBHEADS_2021 = [
  '（一）主动公开',
  '（二）依申请公开',
  '（三）政府信息管理',
  '（四）平台建设',
  '（五）监督保障',
];

function prose(
  r: Rand,
  title: string,
  version: TemplateVersion,
  vars: Record<string, string>,
  target: number,
): string {
  const problems = sentence(r, pick(r, PROBLEMS), vars) + sentence(r, pick(r, PROBLEMS), vars);
  const next = `下一步，我们将${sentence(r, '进一步加强{topic}工作，', vars)}不断提升政务公开质量和实效。`;
  const fees = sentence(r, pick(r, FEES), vars);
  const subheads = version === 2021 ? SUBHEADS_2021 : SUBHEADS_2021.slice(0, 3);
  // Headings and the fixed tail count towards the target; section 一 takes the rest, shared
  // between its introduction and sub-sections with random weights.
  const fixed = problems.length + next.length + fees.length + 80 + subheads.length * 8;
  const weights = [1, ...subheads.map(() => 1 + r())];
  const sum = weights.reduce((a, b) => a + b, 0);
  const share = (i: number) => Math.max(60, ((target - fixed) * weights[i]!) / sum);
  const out = [
    '---',
    `title: ${title}`,
    `published: ${vars.published}`,
    '---',
    '',
    '## 一、总体情况',
    '',
  ];
  out.push(...section(r, vars, share(0)));
  subheads.forEach((h, i) => out.push(`### ${h}`, '', ...section(r, vars, share(i + 1))));
  out.push('## 二、主动公开政府信息情况', '', '<ProactiveTable />', '');
  out.push('## 三、收到和处理政府信息公开申请情况', '', '<ApplicationsTable />', '');
  out.push('## 四、政府信息公开行政复议、行政诉讼情况', '', '<AppealsTable />', '');
  out.push('## 五、存在的主要问题及改进情况', '', problems, '', next, '');
  out.push('## 六、其他需要报告的事项', '', fees, '');
  return out.join('\n');
}

/** Non-space characters of a report's prose: the Markdown after the front matter, without tables. */
export function proseChars(mdx: string): number {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<\w+Table \/>/g, '');
  return body.replace(/[\s#]/g, '').length;
}

type Row = (number | null)[];

/** Tables that satisfy rules 1–4, carrying over `carriedOver` from the year before (rule 6). */
function tables(r: Rand, version: TemplateVersion, carriedOver: number[], blankOrgs: boolean) {
  const leaves = applicationLeaves(templateOf(version));
  const orgColumns = APPLICATION_COLUMNS.length - 1;
  const outcome = leaves.filter(
    (l) => !['received', 'carried_over', 'total', 'carried_forward'].includes(l.keys[0]!),
  );
  const rows = new Map<string, number[]>();
  const scale = [40, 8, 1, 1, 2, 2];
  for (const l of outcome)
    rows.set(
      l.keys.join('.'),
      Array.from({ length: orgColumns }, (_, c) => (r() < 0.6 ? 0 : count(r, scale[c]!))),
    );
  const total = Array.from({ length: orgColumns }, (_, c) =>
    [...rows.values()].reduce((s, row) => s + row[c]!, 0),
  );
  const forward = total.map((t) => (t > 0 && r() < 0.3 ? int(r, Math.min(5, t)) : 0));
  const received = total.map((t, c) => t + forward[c]! - carriedOver[c]!);
  // A year cannot receive a negative number: settle a shortfall as 予以公开.
  received.forEach((v, c) => {
    if (v < 0) {
      rows.get('disclosed')![c]! += -v;
      total[c]! += -v;
      received[c] = 0;
    }
  });
  rows.set('received', received);
  rows.set('carried_over', carriedOver);
  rows.set('total', total);
  rows.set('carried_forward', forward);
  const withTotal = (row: number[]): Row => {
    const sum = row.reduce((a, b) => a + b, 0);
    return blankOrgs ? [row[0]!, null, null, null, null, null, sum] : [...row, sum];
  };
  if (blankOrgs)
    for (const row of rows.values())
      for (let c = 1; c < orgColumns; c++)
        if (row[c] !== 0) {
          row[0]! += row[c]!;
          row[c] = 0;
        }

  const applications: Record<string, unknown> = {};
  for (const l of leaves) {
    let node = applications;
    for (const k of l.keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[l.keys.at(-1)!] = withTotal(rows.get(l.keys.join('.'))!);
  }
  const appeals: Record<string, number[]> = {};
  for (const row of APPEALS_ROWS) {
    const parts = APPEALS_COLUMNS.slice(0, -1).map(() => (r() < 0.7 ? 0 : int(r, 6)));
    appeals[row.id] = [...parts, parts.reduce((a, b) => a + b, 0)];
  }
  const proactive: Record<string, Record<string, number | string | null>> = {};
  for (const section of templateOf(version).proactive) {
    for (const row of section.rows) {
      const cells: Record<string, number | string | null> = {};
      for (const c of section.columns) {
        cells[c.id] =
          c.kind === 'signed'
            ? int(r, 10) - 5
            : c.kind === 'money'
              ? Math.round(r() * 5000_00) / 100
              : count(r, 300);
      }
      if (section.unit) cells[section.unit.key] = pick(r, [...section.unit.allowed, null]);
      proactive[row.id] = cells;
    }
  }
  return {
    doc: { template: version, proactive, applications, appeals },
    forward: rows.get('carried_forward')!,
  };
}

export interface GeneratedArchive {
  readonly reports: number;
  readonly agencies: number;
  /** Prose length per report (non-space characters): smallest, median, largest, mean. */
  readonly prose: { min: number; median: number; max: number; mean: number };
}

/** Writes `reports` synthetic reports under `root` (laid out like the project). */
export function generateArchive(
  root: string,
  reports: number,
  seed = 20261125,
  length: ProseLength = 'corpus',
): GeneratedArchive {
  const r = prng(seed);
  // Lengths come from their own stream so that the tables stay those of the same seed.
  const lengths = prng(seed ^ 0x5bd1e995);
  const chars: number[] = [];
  const agencies: Record<string, string>[] = [];
  let written = 0;
  let index = 0;
  while (written < reports) {
    index++;
    const [province, city, county] = pick(r, REGIONS);
    const isGov = r() < 0.15;
    const level = pick(r, ['prefectural', 'county', 'county', 'provincial'] as const);
    const place = level === 'provincial' ? province : level === 'prefectural' ? city : county;
    const name = isGov
      ? `${place}人民政府${r() < 0.5 ? '办公室' : ''}`
      : `${place}${pick(r, DEPARTMENTS)}`;
    const id = `bench-${String(index).padStart(5, '0')}`;
    agencies.push({
      id,
      name: `${name}（${index}）`,
      level,
      kind: isGov ? 'government' : 'department',
      region:
        level === 'provincial'
          ? province
          : level === 'prefectural'
            ? `${province}${city}`
            : `${province}${city}${county}`,
    });
    const first = 2019 + int(r, 3);
    const years = Math.min(reports - written, 2025 - first + 1, 3 + int(r, 4));
    let carried = Array.from({ length: APPLICATION_COLUMNS.length - 1 }, () => 0);
    const blankOrgs = r() < 0.2;
    mkdirSync(join(root, 'data/reports', id), { recursive: true });
    mkdirSync(join(root, 'src/content/reports', id), { recursive: true });
    for (let y = first; y < first + years; y++) {
      const version: TemplateVersion = y <= 2020 ? 2019 : 2021;
      const { doc, forward } = tables(r, version, carried, blankOrgs);
      carried = forward;
      const published = `${y + 1}-0${1 + int(r, 2)}-${String(10 + int(r, 18))}`;
      const title = `${agencies.at(-1)!.name}${y}年政府信息公开工作年度报告`;
      writeFileSync(
        join(root, 'data/reports', id, `${y}.yaml`),
        stringify(doc, { flowCollectionPadding: false, collectionStyle: 'block' }),
      );
      const mdx = prose(
        r,
        title,
        version,
        { agency: name, year: String(y), published },
        proseTarget(lengths, length),
      );
      chars.push(proseChars(mdx));
      writeFileSync(join(root, 'src/content/reports', id, `${y}.mdx`), mdx);
      written++;
    }
  }
  writeFileSync(join(root, 'data/agencies.yaml'), stringify(agencies));
  chars.sort((a, b) => a - b);
  const stats = {
    min: chars[0]!,
    median: chars[Math.floor(chars.length / 2)]!,
    max: chars.at(-1)!,
    mean: Math.round(chars.reduce((a, b) => a + b, 0) / chars.length),
  };
  return { reports: written, agencies: agencies.length, prose: stats };
}
