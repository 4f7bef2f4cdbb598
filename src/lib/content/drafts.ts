/**
 * Drafts (`status: draft` in a report YAML): a build refuses them unless a preview is asked for
 * explicitly with NIANBAO_DRAFTS=1; a preview shows them with a banner but keeps them out of
 * everything that speaks for the whole archive (search index, feed, sitemap, archive downloads).
 */

/** The environment variable that turns a build into a preview that includes drafts. */
export const DRAFTS_ENV = 'NIANBAO_DRAFTS';

/** Whether the environment asks for a draft preview (exactly `NIANBAO_DRAFTS=1`). */
export function draftsPreviewed(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[DRAFTS_ENV] === '1';
}

/**
 * The Chinese error a build stops with when drafts are present and no preview was asked for;
 * undefined when the build may go on.
 */
export function draftRefusal(
  reports: readonly { readonly draft: boolean; readonly dataFile: string }[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const drafts = reports.filter((r) => r.draft);
  if (drafts.length === 0 || draftsPreviewed(env)) return undefined;
  return [
    `有 ${drafts.length} 份报告是草稿（status: draft），网站没有构建：`,
    ...drafts.map((r) => `  ${r.dataFile}`),
    '草稿核对无误后，删除文件中的「status: draft」一行即可发布。',
    `只想预览草稿（页面标「草稿」，不进检索、订阅、站点地图和全站下载）：${DRAFTS_ENV}=1 npm run build，或 npm run preview:drafts。`,
  ].join('\n');
}

/** What speaks for the whole archive: every report but the drafts. */
export function publishedOnly<T extends { readonly draft: boolean }>(reports: readonly T[]): T[] {
  return reports.filter((r) => !r.draft);
}
