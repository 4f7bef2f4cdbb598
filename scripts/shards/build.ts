/**
 * Sharded builds of a large archive (docs/performance.md 「分片 / Shards」): each shard (a set of
 * provinces) builds in its own process, as a CI job matrix would, into a site deployable on its own
 * under `/s/<id>/` with its own search index and a small `shard-summary.json`; the top level is
 * then built from the summaries alone and searches every shard by merging their Pagefind indexes in
 * the browser.
 *
 *   npm run shards -- shard --content C --out O --shard <id>:<名称>=<地区前缀>[,<前缀>…] [--cold]
 *       one shard (one CI matrix job): O/site/s/<id>/ and O/summaries/<id>.json
 *   npm run shards -- top --out O
 *       the top level from O/summaries/*.json only (the top-level CI job): O/site/ minus s/
 *   npm run shards -- all --content C --out O --shard … --shard … [--generate N]
 *       every shard, each in its own child process, one after another, then the top level;
 *       --generate N first writes N synthetic reports (scripts/bench/generate.ts) into O/content
 *
 * Figures printed per step: wall time and peak memory of the step's whole process tree, output
 * bytes; the machine's load average beside them. O/summaries/<id>.json is the shard's summary plus
 * a `build` object with these figures (the deployed `shard-summary.json` stays deterministic).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import type { Agency } from '../../src/lib/content/agencies.ts';
import { AGENCIES_FILE, DATA_DIR, PROSE_DIR } from '../../src/lib/content/archive.ts';
import {
  SHARD_ID_ENV,
  SHARD_NAME_ENV,
  SUMMARY_FILE,
  agenciesInRegions,
  splitAgencies,
  type ShardSpec,
} from '../../src/lib/shards/summary.ts';
import { generateArchive } from '../bench/generate.ts';
import { gib, kb, measure, mib } from '../bench/measure.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT, 'node_modules/astro/bin/astro.mjs');
export const TOP_ROOT = join(PROJECT, 'scripts/shards/top');
/** Where a shard is deployed inside the national site. */
export const shardBase = (id: string) => `/s/${id}/`;

/** `jiangsu:江苏省=江苏省` or `rest:其他=上海市,河南省` → a shard spec. */
export function parseShardSpec(text: string): ShardSpec {
  const m = /^([^:=]+):([^=]+)=(.+)$/.exec(text);
  if (!m)
    throw new Error(
      `分片写法「${text}」不对：应为 <标识>:<名称>=<地区前缀>[,<地区前缀>…]，例如 jiangsu:江苏省=江苏省`,
    );
  return {
    id: m[1]!,
    name: m[2]!,
    regions: m[3]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

function readAgencies(content: string): Agency[] {
  return parse(readFileSync(join(content, AGENCIES_FILE), 'utf8')) as Agency[];
}

/**
 * Writes the shard's content root: its agencies (kept in the source's order) and their report
 * folders, nothing else. Only agencies.yaml and the shard's own folders are read.
 */
export function writeShardContent(
  content: string,
  target: string,
  agencies: readonly Agency[],
): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'data'), { recursive: true });
  writeFileSync(join(target, AGENCIES_FILE), stringify(agencies));
  for (const dir of [DATA_DIR, PROSE_DIR]) {
    mkdirSync(join(target, dir), { recursive: true });
    for (const a of agencies) {
      const from = join(content, dir, a.id);
      if (existsSync(from)) cpSync(from, join(target, dir, a.id), { recursive: true });
    }
  }
}

/** Environment of a child `astro build`: nothing inherited that would change what it builds. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of [
    'NIANBAO_CONTENT',
    'SITE_BASE',
    SHARD_ID_ENV,
    SHARD_NAME_ENV,
    'BASE_URL',
    'SITE',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'NODE_ENV',
  ])
    delete env[key];
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  return { ...env, ...extra };
}

export function bytesUnder(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return n;
}

/** Bytes as MiB, or KB below 1 MiB (a top level is a few hundred KB). */
const size = (bytes: number) => (bytes < 1024 * 1024 ? kb(bytes) : mib(bytes));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export interface StepFigures {
  readonly wallSeconds: number;
  readonly peakRssBytes: number;
  /** Peak of Pagefind's indexing binary alone (its process name starts with pagefind). */
  readonly peakPagefindBytes: number;
  readonly outputBytes: number;
  readonly searchIndexBytes: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
}

async function astroBuild(
  args: string[],
  env: NodeJS.ProcessEnv,
  outDir: string,
): Promise<StepFigures> {
  const loadBefore = load();
  const run = await measure(process.execPath, [ASTRO, 'build', ...args, '--outDir', outDir], {
    cwd: PROJECT,
    env,
  });
  if (run.code !== 0) {
    process.stderr.write(run.stdout);
    throw new Error(`astro build 失败（退出码 ${run.code}）：${args.join(' ')}`);
  }
  const index = join(outDir, 'pagefind');
  return {
    wallSeconds: Math.round(run.wallMs / 100) / 10,
    peakRssBytes: run.peakRss,
    peakPagefindBytes: Object.entries(run.peakByName)
      .filter(([name]) => name.startsWith('pagefind'))
      .reduce((a, [, v]) => a + v, 0),
    outputBytes: bytesUnder(outDir),
    searchIndexBytes: existsSync(index) ? bytesUnder(index) : 0,
    loadBefore,
    loadAfter: load(),
  };
}

function print(label: string, f: StepFigures): void {
  console.log(
    `${label}：用时 ${f.wallSeconds} 秒，进程树内存峰值 ${gib(f.peakRssBytes)}` +
      `（其中 Pagefind ${gib(f.peakPagefindBytes)}），输出 ${size(f.outputBytes)}` +
      `（检索索引 ${size(f.searchIndexBytes)}），负载 ${f.loadBefore} → ${f.loadAfter}`,
  );
}

/** One shard: its content root, its own `astro build` under /s/<id>/, its summary with figures. */
export async function buildShard(content: string, out: string, spec: ShardSpec, cold = false) {
  const agencies = agenciesInRegions(readAgencies(content), spec.regions);
  if (agencies.length === 0)
    throw new Error(`分片 ${spec.id}：没有地区以 ${spec.regions.join('、')} 开头的机构。`);
  const shardContent = join(out, 'content-shards', spec.id);
  writeShardContent(content, shardContent, agencies);
  const outDir = join(out, 'site', 's', spec.id);
  rmSync(outDir, { recursive: true, force: true });
  // --cold (what `all` passes, for comparable figures): no content data store from an earlier
  // build. A CI job leaves it, so that its cache of node_modules/.astro saves re-rendering.
  if (cold) rmSync(join(PROJECT, 'node_modules/.astro/data-store.json'), { force: true });
  const figures = await astroBuild(
    [],
    buildEnv({
      NIANBAO_CONTENT: shardContent,
      SITE_BASE: shardBase(spec.id),
      [SHARD_ID_ENV]: spec.id,
      [SHARD_NAME_ENV]: spec.name,
    }),
    outDir,
  );
  const summary = JSON.parse(readFileSync(join(outDir, SUMMARY_FILE), 'utf8'));
  mkdirSync(join(out, 'summaries'), { recursive: true });
  writeFileSync(
    join(out, 'summaries', `${spec.id}.json`),
    `${JSON.stringify({ ...summary, build: { regions: spec.regions, ...figures } }, null, 1)}\n`,
  );
  print(`分片 ${spec.id}（${spec.name}，${summary.reports} 份报告）`, figures);
  return figures;
}

/** The top level, from O/summaries only, assembled into O/site beside the shards. */
export async function buildTop(out: string) {
  const topOut = join(out, 'top');
  rmSync(topOut, { recursive: true, force: true });
  const figures = await astroBuild(
    ['--root', TOP_ROOT],
    buildEnv({ NIANBAO_SHARD_SUMMARIES: join(out, 'summaries'), SITE_BASE: '/' }),
    topOut,
  );
  const site = join(out, 'site');
  mkdirSync(site, { recursive: true });
  for (const e of readdirSync(topOut)) {
    if (e === 's') throw new Error('顶层不能有名为 s 的页面：s/ 是分片的位置。');
    rmSync(join(site, e), { recursive: true, force: true });
    cpSync(join(topOut, e), join(site, e), { recursive: true });
  }
  print('顶层（只读分片摘要）', figures);
  return figures;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      shard: { type: 'string', multiple: true, default: [] },
      generate: { type: 'string' },
      seed: { type: 'string' },
      cold: { type: 'boolean', default: false },
    },
  });
  const usage =
    '用法：npm run shards -- all|shard|top --out <目录> [--content <内容目录>] [--generate <报告数>] --shard <标识>:<名称>=<地区前缀>[,…] …';
  const command = positionals[0];
  if (!values.out || !['all', 'shard', 'top'].includes(command ?? '')) throw new Error(usage);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const specs = values.shard!.map(parseShardSpec);
  if (command === 'top') return void (await buildTop(out));
  let content = values.content ? resolve(values.content) : PROJECT;
  if (values.generate) {
    content = join(out, 'content');
    rmSync(content, { recursive: true, force: true });
    const g = generateArchive(
      content,
      Number(values.generate),
      values.seed ? Number(values.seed) : undefined,
    );
    console.log(`已生成 ${g.reports} 份报告（${g.agencies} 个机构）于 ${content}`);
  }
  if (specs.length === 0) throw new Error(usage);
  if (command === 'shard') {
    for (const s of specs) await buildShard(content, out, s, values.cold);
    return;
  }
  // Check the split once before any build: every agency in exactly one shard.
  splitAgencies(readAgencies(content), specs);
  rmSync(join(out, 'summaries'), { recursive: true, force: true });
  rmSync(join(out, 'site'), { recursive: true, force: true });
  for (const s of specs) {
    // Each shard in its own process, as each would be its own CI job.
    const args = [
      import.meta.filename,
      'shard',
      '--content',
      content,
      '--out',
      out,
      '--shard',
      `${s.id}:${s.name}=${s.regions.join(',')}`,
      '--cold',
    ];
    const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`分片 ${s.id} 构建失败。`);
  }
  await buildTop(out);
  console.log(`可部署的整站：${join(out, 'site')}（顶层在 /，分片在 /s/<标识>/）`);
}

if (import.meta.filename === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
