/**
 * The summaries the top level is built from: read once from NIANBAO_SHARD_SUMMARIES (set by
 * scripts/shards/build.ts), checked, sorted by shard id.
 */
import { readSummaries, totals } from '../../../../src/lib/shards/summary.ts';

const dir = process.env.NIANBAO_SHARD_SUMMARIES;
if (!dir) throw new Error('顶层构建需要 NIANBAO_SHARD_SUMMARIES：分片摘要所在的目录。');

export const summaries = readSummaries(dir);
export const all = totals(summaries);
