/**
 * `npm run new`: the two files of a new report, every key present and blank, plus the agency's
 * entry when it is not registered yet. Pure: the script reads the disk and writes what this
 * module plans, so that every message and every byte written is unit-tested.
 */

import { posix } from 'node:path';
import {
  AGENCIES_FILE,
  AGENCY_KINDS,
  AGENCY_LEVELS,
  DATA_DIR,
  FIRST_YEAR,
  KIND_LABELS,
  LAST_YEAR,
  LEVEL_LABELS,
  PROSE_DIR,
  SECTION_HEADINGS,
  SLUG,
  TABLE_COMPONENTS,
  TABLE_TITLES,
  TEMPLATE_VERSIONS,
  isWebUrl,
  usualVersion,
  versionChoiceText,
  readAgencies,
  writeReportYaml,
  yamlScalar,
  type TableComponent,
  type TemplateVersion,
} from './project.ts';
import { AGENCIES_SCHEMA_FILE, SCHEMA_DIR, reportSchemaFile } from './json-schema.ts';

/** The format a report of this year usually follows (the registry decides). */
export function usualTemplate(year: number): TemplateVersion {
  return usualVersion(year);
}

/** The first line that lets VS Code's YAML extension find the schema, relative to `file`. */
export function schemaModeline(file: string, schemaFile: string): string {
  const target = posix.relative(posix.dirname(file), `${SCHEMA_DIR}/${schemaFile}`);
  return `# yaml-language-server: $schema=${target}`;
}

/** What `npm run new` was given on the command line (all strings, as typed). */
export interface NewReportInput {
  readonly agency?: string;
  readonly year?: string;
  readonly template?: string;
  readonly title?: string;
  readonly name?: string;
  readonly level?: string;
  readonly kind?: string;
  readonly region?: string;
  readonly website?: string;
  readonly parent?: string;
}

/** The disk as the plan needs it. */
export interface ProjectState {
  /** Text of data/agencies.yaml, or undefined when there is none. */
  readonly agenciesText: string | undefined;
  /** True when a file (path relative to the project) exists. */
  readonly exists: (file: string) => boolean;
}

export type NewReportPlan =
  | {
      readonly ok: true;
      /** Files to create; none of them exists. */
      readonly create: readonly { readonly file: string; readonly text: string }[];
      /** The new text of data/agencies.yaml, when the agency is registered now. */
      readonly agencies?: string;
      /** What to tell the editor, line by line. */
      readonly messages: readonly string[];
    }
  | { readonly ok: false; readonly messages: readonly string[] };

const AGENCY_FLAGS = [
  ['name', '机构名称，按机构自己的写法，例如 沭阳县发展和改革局'],
  ['level', `层级：${AGENCY_LEVELS.map((l) => `${l}（${LEVEL_LABELS[l]}）`).join('、')}`],
  ['kind', `类别：${AGENCY_KINDS.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、')}`],
  ['region', '所在地区，例如 江苏省宿迁市沭阳县'],
] as const;

/** Placeholders for the example command, for the values the editor has not given. */
const EXAMPLE: Readonly<Record<(typeof AGENCY_FLAGS)[number][0], string>> = {
  name: '<机构名称>',
  level: `<${AGENCY_LEVELS.join('|')}>`,
  kind: `<${AGENCY_KINDS.join('|')}>`,
  region: '<所在地区>',
};

const fail = (...messages: string[]): NewReportPlan => ({ ok: false, messages });

/** Plans a new report: validates the input, decides the files, never overwrites. */
export function planNewReport(input: NewReportInput, state: ProjectState): NewReportPlan {
  const agencyId = input.agency;
  if (!agencyId) {
    return fail('请用 --agency 给出机构 id（小写英文字母、数字和连字符，例如 jiyuan-gongan）。');
  }
  if (!SLUG.test(agencyId)) {
    return fail(
      `机构 id「${agencyId}」不合格式：只能用小写英文字母、数字和连字符（例如 jiyuan-gongan），它也是报告文件夹的名字。`,
    );
  }
  if (!input.year) return fail('请用 --year 给出报告年度（四位数字，例如 2025）。');
  const year = Number(input.year);
  if (!/^\d{4}$/.test(input.year) || year < FIRST_YEAR || year > LAST_YEAR) {
    return fail(
      `--year 应为 ${FIRST_YEAR}–${LAST_YEAR} 之间的四位年份（《政府信息公开条例》2008 年起施行），实为「${input.year}」。`,
    );
  }
  let template = usualTemplate(year);
  if (input.template !== undefined) {
    const t = TEMPLATE_VERSIONS.find((v) => String(v) === input.template);
    if (!t) {
      return fail(`--template 应为 ${versionChoiceText()}，实为「${input.template}」。`);
    }
    template = t;
  }

  const dataFile = `${DATA_DIR}/${agencyId}/${year}.yaml`;
  const proseFile = `${PROSE_DIR}/${agencyId}/${year}.mdx`;
  const existing = [dataFile, proseFile].filter((f) => state.exists(f));
  if (existing.length > 0) {
    return fail(
      `文件已存在：${existing.join('、')}。npm run new 从不覆盖已有的文件，这次没有写入任何文件。要修改这份报告，请直接编辑已有的文件。`,
    );
  }

  const messages: string[] = [];
  const registered = state.agenciesText
    ? readAgencies(AGENCIES_FILE, state.agenciesText, []).find((a) => a.id === agencyId)
    : undefined;
  // An entry with errors is left out by readAgencies: look for its id line too, so as not to add it twice.
  const listed =
    registered !== undefined ||
    (state.agenciesText !== undefined &&
      new RegExp(`^- id: ${agencyId}\\s*$`, 'm').test(state.agenciesText));
  let agencyName: string;
  let agencies: string | undefined;
  const given = AGENCY_FLAGS.filter(([flag]) => input[flag] !== undefined).map(([f]) => f);
  if (listed) {
    agencyName = registered?.name ?? input.name ?? agencyId;
    const unused = [...given, ...(['website', 'parent'] as const).filter((f) => input[f])];
    if (unused.length > 0) {
      messages.push(
        `机构「${agencyId}」已登记在 ${AGENCIES_FILE} 中，${unused.map((f) => `--${f}`).join('、')} 没有使用；要修改机构信息，请直接编辑 ${AGENCIES_FILE}。`,
      );
    }
  } else {
    const missing = AGENCY_FLAGS.filter(([flag]) => !input[flag]?.trim());
    if (missing.length > 0) {
      return fail(
        `机构「${agencyId}」还没有登记在 ${AGENCIES_FILE} 中。要同时登记，请补上：`,
        ...missing.map(([flag, what]) => `  --${flag}　${what}`),
        `例如：npm run new -- --agency ${agencyId} --year ${year} ${AGENCY_FLAGS.map(([flag]) => `--${flag} ${input[flag]?.trim() || EXAMPLE[flag]}`).join(' ')}`,
        '如果机构已经登记、只是 id 写错了，请改正 --agency。这次没有写入任何文件。',
      );
    }
    const problems = agencyProblems(input, state);
    if (problems.length > 0) return fail(...problems, '这次没有写入任何文件。');
    agencyName = input.name!.trim();
    const entry = agencyEntryText(agencyId, input, state.agenciesText === undefined);
    const before = state.agenciesText ?? '';
    agencies =
      before === '' ? entry : `${before.endsWith('\n') ? before : before + '\n'}\n${entry}`;
    messages.push(`已在 ${AGENCIES_FILE} 中登记机构「${agencyName}」（${agencyId}）。`);
  }

  const title = input.title?.trim() || `${agencyName}${year}年政府信息公开工作年度报告`;
  const create = [
    { file: dataFile, text: reportYaml(dataFile, title, template) },
    { file: proseFile, text: reportMdx(title) },
  ];
  messages.unshift(`已写入 ${dataFile}（${template} 年版格式，草稿）`, `已写入 ${proseFile}`);
  messages.push(
    '',
    '下一步：',
    `  1. 把原文正文按标题粘贴到 ${proseFile}，标题「${title}」如与原文不同请改为原文标题；`,
    `  2. 对照原文在 ${dataFile} 中逐格填写三张表的数字（原文空白的单元格保持 null）；`,
    '  3. 运行 npm run check，按提示改正；',
    `  4. 核对无误后删除 ${dataFile} 中的 status: draft 一行，再提交。`,
  );
  return { ok: true, create, ...(agencies ? { agencies } : {}), messages };
}

function agencyProblems(input: NewReportInput, state: ProjectState): string[] {
  const out: string[] = [];
  const oneOf = <T extends string>(
    flag: string,
    value: string,
    allowed: readonly T[],
    labels: Record<T, string>,
  ) => {
    if (!(allowed as readonly string[]).includes(value)) {
      out.push(
        `--${flag} 应为 ${allowed.map((a) => `${a}（${labels[a]}）`).join('、')} 之一，实为「${value}」。`,
      );
    }
  };
  oneOf('level', input.level!, AGENCY_LEVELS, LEVEL_LABELS);
  oneOf('kind', input.kind!, AGENCY_KINDS, KIND_LABELS);
  if (input.website !== undefined && !isWebUrl(input.website)) {
    out.push(`--website 应为以 http:// 或 https:// 开头的网址，实为「${input.website}」。`);
  }
  if (input.parent !== undefined) {
    const known = state.agenciesText
      ? readAgencies(AGENCIES_FILE, state.agenciesText, []).some((a) => a.id === input.parent)
      : false;
    if (!known) {
      out.push(`--parent 应为已登记的上级机构的 id，「${input.parent}」不在 ${AGENCIES_FILE} 中。`);
    }
  }
  return out;
}

function agencyEntryText(id: string, input: NewReportInput, newFile: boolean): string {
  const fields: [string, string | undefined][] = [
    ['name', input.name?.trim()],
    ['level', input.level],
    ['kind', input.kind],
    ['region', input.region?.trim()],
    ['website', input.website],
    ['parent', input.parent],
  ];
  const lines = [
    ...(newFile ? [schemaModeline(AGENCIES_FILE, AGENCIES_SCHEMA_FILE), '# 机构列表。'] : []),
    '# 由 npm run new 登记。',
    `- id: ${id}`,
    ...fields.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${yamlScalar(v!)}`),
  ];
  return lines.join('\n') + '\n';
}

/** The report's tables: every cell null, the draft status, the schema modeline first. */
export function reportYaml(file: string, title: string, template: TemplateVersion): string {
  const header = [
    schemaModeline(file, reportSchemaFile(template)),
    `# ${title}：表格数据（${template} 年版格式）。`,
    '# 由 npm run new 生成，所有单元格都是 null（空白）。请对照原文逐格填写数字，原文空白的单元格保持 null。',
    '# 原文没有以文字印出某张表（例如只有图片）时，把该表写成 not_printed，例如 appeals: not_printed。',
    '# 核对完毕、npm run check 通过后，删除下面 status: draft 这一行即为发布。',
    'status: draft',
  ];
  const tables = writeReportYaml(
    { template, cells: {}, units: {}, cellNotes: {}, discrepancies: [] },
    [],
  );
  return [...header, tables].join('\n');
}

const COMPONENT_BY_TITLE = new Map(
  (Object.entries(TABLE_COMPONENTS) as [TableComponent, keyof typeof TABLE_TITLES][]).map(
    ([component, table]) => [TABLE_TITLES[table] as string, component],
  ),
);

/** The report's prose: front matter, the national section headings, the three tables in place. */
export function reportMdx(title: string): string {
  const lines = [
    '---',
    `title: ${yamlScalar(title)}`,
    '# 找到后去掉行首的「# 」并改为实际值：',
    '# published: 2026-01-20',
    '# source: https://www.example.gov.cn/',
    '---',
  ];
  for (const heading of SECTION_HEADINGS) {
    lines.push('', `## ${heading}`);
    const component = COMPONENT_BY_TITLE.get(heading);
    if (component) lines.push('', `<${component} />`);
  }
  return lines.join('\n') + '\n';
}
