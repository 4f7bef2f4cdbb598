/**
 * Plain-Chinese explanations of the terms of the national report format, for the
 * 「怎么读这份报告」 page. Every term is a label of the template declaration (`templates.ts`) or a
 * rate of `rates.ts`, looked up by its key, never retyped: only the explanations live here.
 */

import { disclosureRate } from '../figures/rates.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATIONS_CORNER,
  APPLICATION_COLUMN_GROUPS,
  APPLICATION_COLUMNS,
  TABLE_TITLES,
  type ApplicationRow,
  type TableId,
} from '../template/declarations.ts';
import { latestVersion, templateOf, templateVersions } from '../template/registry.ts';

export interface GlossaryEntry {
  /** The term as printed in the template. */
  readonly term: string;
  readonly explanation: string;
}

export interface GlossarySection {
  readonly id: string;
  readonly heading: string;
  readonly intro: string;
  readonly entries: readonly GlossaryEntry[];
}

/** The printed label of a row of table 三 by its key path (['withheld']), in the current (latest) format. */
export function applicationLabel(keys: readonly string[]): string {
  let rows: readonly ApplicationRow[] = templateOf(latestVersion()).applicationRows;
  let found: ApplicationRow | undefined;
  for (const key of keys) {
    // Rows of 三、本年度办理结果 sit under a group without a key.
    const flat = rows.flatMap((r) => (r.key === null && r.children ? r.children : [r]));
    found = flat.find((r) => r.key === key);
    if (!found) throw new Error(`Table 三 has no row ${keys.join('.')}`);
    rows = found.children ?? [];
  }
  if (!found) throw new Error('Empty key path');
  return found.label;
}

/** The printed label of the group of rows without a key (三、本年度办理结果). */
function resultsGroupLabel(): string {
  const group = templateOf(latestVersion()).applicationRows.find((r) => r.key === null);
  if (!group) throw new Error('Table 三 has no results group');
  return group.label;
}

/** A table 二 row label by its id, from the first version that prints the row. */
function proactiveRowLabels(id: string): string {
  const labels = templateVersions()
    .map(
      (v) =>
        templateOf(v)
          .proactive.flatMap((s) => s.rows)
          .find((r) => r.id === id)?.label ?? undefined,
    )
    .filter((l): l is string => l !== undefined);
  if (labels.length === 0) throw new Error(`Table 二 has no row ${id}`);
  return [...new Set(labels)].join(' / ');
}

const column = (id: string) => {
  const c = APPLICATION_COLUMNS.find((x) => x.id === id);
  if (!c) throw new Error(`Table 三 has no column ${id}`);
  return c.label;
};
const appealsColumn = (id: string) => {
  const c = APPEALS_COLUMNS.find((x) => x.id === id);
  if (!c) throw new Error(`Table 四 has no column ${id}`);
  return c.label;
};
const appealsTop = (id: string) => {
  const r = APPEALS_ROWS.find((x) => x.id === id);
  if (!r) throw new Error(`Table 四 has no row ${id}`);
  return r.labels;
};

const title = (t: TableId) => TABLE_TITLES[t];

/** The sections of the guide, in reading order. */
export function glossary(): GlossarySection[] {
  const rate = disclosureRate([latestVersion()]);
  const [review] = appealsTop('review');
  const [litigation, direct] = appealsTop('litigation_direct');
  const [, afterReview] = appealsTop('litigation_after_review');
  const organisations = APPLICATION_COLUMN_GROUPS[0]?.label ?? '';
  return [
    {
      id: 'applications',
      heading: title('applications'),
      intro:
        '这张表统计一年中公民、企业和其他组织向本机关申请公开政府信息的情况：收到多少、办完多少、结果如何。每一行是一种情况，每一列是一类申请人。',
      entries: [
        {
          term: column('natural'),
          explanation: '以个人名义提出申请的人。',
        },
        {
          term: organisations,
          explanation:
            '以单位名义提出的申请，按单位类型分为商业企业、科研机构、社会公益组织、法律服务机构（如律师事务所）和其他。',
        },
        {
          term: applicationLabel(['received']),
          explanation: '本年度新收到的申请件数。',
        },
        {
          term: applicationLabel(['carried_over']),
          explanation:
            '上一年度收到、到年底还没办完、转到本年度继续办理的申请（“结转”就是转入下一年度接着办）。',
        },
        {
          term: resultsGroupLabel(),
          explanation: '本年度办完的申请，按办理结果分类。一件申请只计入一种结果。',
        },
        {
          term: applicationLabel(['disclosed']),
          explanation: '申请的信息全部提供给了申请人。',
        },
        {
          term: applicationLabel(['partially_disclosed']),
          explanation:
            '只提供了一部分：其余部分依法不能公开，删去或不提供后把能公开的部分提供给申请人。这样的申请只计在这一项。',
        },
        {
          term: applicationLabel(['withheld']),
          explanation:
            '机关认定申请的信息依法不能公开，并书面说明理由。下面 1 至 8 项是具体理由，例如属于国家秘密、会损害第三方合法权益、属于内部事务或过程中的讨论稿等。',
        },
        {
          term: applicationLabel(['unavailable']),
          explanation:
            '不是不愿给，而是给不了：本机关没有这项信息，或者没有现成信息、需要另行制作，或者申请人补充说明后仍不清楚要什么。',
        },
        {
          term: applicationLabel(['not_processed']),
          explanation:
            '申请不属于政府信息公开申请，机关不作“公开或不公开”的决定，例如实为信访、举报、投诉，重复申请，要求提供公开出版物等。',
        },
        {
          term: applicationLabel(['other']),
          explanation: `以上都不是的情形，例如申请人逾期不补正或不缴费，机关不再处理。较早的格式这里只有一行，现行格式分为几项。`,
        },
        {
          term: applicationLabel(['total']),
          explanation: '本年度办完的申请总数，应等于（一）至（六）之和。',
        },
        {
          term: applicationLabel(['carried_forward']),
          explanation: '到年底还没办完、转到下一年度继续办理的申请。',
        },
        {
          term: APPLICATIONS_CORNER,
          explanation:
            '表格左上角印着的核对关系：收到的（本年新收加上年结转）应当等于本年办完的（总计）加上转到下一年的。本站逐份核对，不相符的格子会标出。',
        },
        {
          term: rate.name,
          explanation: `本站计算的数字，表里没有印出：${rate.formula}，数字取自${rate.source}。即办完的申请中全部或部分公开的比例。${rate.note}`,
        },
      ],
    },
    {
      id: 'appeals',
      heading: title('appeals'),
      intro:
        '申请人对机关的答复不服，可以申请行政复议，也可以向法院提起行政诉讼。这张表统计本机关因政府信息公开被复议和被起诉的案件。',
      entries: [
        {
          term: review ?? '',
          explanation: '申请人请上级机关或复议机关审查本机关的答复是否合法、适当。',
        },
        {
          term: litigation ?? '',
          explanation: `申请人向人民法院起诉本机关。分为「${direct ?? ''}」（没有先复议就起诉）和「${afterReview ?? ''}」（复议后仍不服再起诉）。`,
        },
        {
          term: appealsColumn('upheld'),
          explanation: '复议机关或法院认为本机关原来的答复没有问题，予以维持。',
        },
        {
          term: appealsColumn('corrected'),
          explanation:
            '复议机关或法院认定原来的答复有问题，予以撤销、变更、确认违法或责令重新答复。“纠正”的件数说明有多少答复被认定有错。',
        },
        {
          term: appealsColumn('other'),
          explanation: '既非维持也非纠正的结果，例如申请人撤回、驳回申请或起诉、终止审理等。',
        },
        {
          term: appealsColumn('pending'),
          explanation: '到年底还没有结果的案件。',
        },
      ],
    },
    {
      id: 'proactive',
      heading: title('proactive'),
      intro:
        '“主动公开”是机关不等人申请、自己发布的信息。这张表按《政府信息公开条例》第二十条的各项，统计本年度主动公开的几类信息。',
      entries: [
        {
          term: proactiveRowLabels('regulations'),
          explanation: '机关依法制定的规章，效力低于法律和行政法规。',
        },
        {
          term: proactiveRowLabels('normative_documents'),
          explanation: '机关发布的、对不特定公众有约束力、可反复适用的文件（俗称“红头文件”）。',
        },
        {
          term: proactiveRowLabels('licensing'),
          explanation: '经申请批准某人或某单位从事某项活动，如发放许可证。',
        },
        {
          term: proactiveRowLabels('penalties'),
          explanation: '对违法行为的处罚，如罚款、吊销许可证。',
        },
        {
          term: proactiveRowLabels('coercion'),
          explanation: '为制止违法或执行决定采取的强制措施，如查封、扣押、强制执行。',
        },
        {
          term: proactiveRowLabels('fees'),
          explanation: '机关依法收取的费用。',
        },
      ],
    },
  ];
}
