/**
 * Runs a command and measures its wall time and the resident memory of its whole process tree
 * (polled from /proc every 50 ms: Pagefind's indexer runs as a child of Node). Every output line
 * and every memory sample carries the time it was seen, so the bench can cut the run into stages
 * at the lines Astro and the integrations already log, without instrumenting the build.
 * It also adds up the CPU time (user + system) of every process of the tree, from the same polls:
 * on a shared machine CPU seconds vary far less with the load than wall time does.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function children(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // The process ended between two reads.
  }
  return out;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

function rssOf(pid: number): { bytes: number; name: string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '';
    return { bytes: kb * 1024, name };
  } catch {
    return { bytes: 0, name: '' };
  }
}

/** One poll of the process tree: ms since start, summed RSS, and RSS per process name. */
export interface Sample {
  readonly at: number;
  readonly total: number;
  /** CPU seconds used by the tree so far (every process seen, up to its last poll). */
  readonly cpu: number;
  readonly byName: Readonly<Record<string, number>>;
}

/** One line of the command's output (stdout and stderr), with the ms since start it arrived. */
export interface Line {
  readonly at: number;
  readonly text: string;
}

export interface Measured {
  readonly wallMs: number;
  /** Peak of the summed RSS of the whole tree. */
  readonly peakRss: number;
  /** Peak RSS per process name (e.g. node, pagefind_extended). */
  readonly peakByName: Readonly<Record<string, number>>;
  readonly samples: readonly Sample[];
  readonly lines: readonly Line[];
  readonly stdout: string;
  readonly code: number | null;
  /** CPU seconds (user + system) of the whole tree, as polled (the last 50 ms of a process missed). */
  readonly cpuSeconds: number;
}

export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const lines: Line[] = [];
    const partial = { out: '', err: '' };
    const onData = (stream: 'out' | 'err') => (d: Buffer) => {
      const text = d.toString();
      stdout += text;
      const at = performance.now() - start;
      const parts = (partial[stream] + text).split('\n');
      partial[stream] = parts.pop()!;
      for (const p of parts) lines.push({ at, text: p });
    };
    child.stdout.on('data', onData('out'));
    child.stderr.on('data', onData('err'));
    let peakRss = 0;
    const peakByName: Record<string, number> = {};
    const samples: Sample[] = [];
    const cpuByPid = new Map<number, number>();
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      let total = 0;
      const byName: Record<string, number> = {};
      const queue = [child.pid];
      while (queue.length) {
        const pid = queue.pop()!;
        const { bytes, name } = rssOf(pid);
        const cpu = cpuOf(pid);
        if (cpu > (cpuByPid.get(pid) ?? 0)) cpuByPid.set(pid, cpu);
        total += bytes;
        byName[name] = (byName[name] ?? 0) + bytes;
        peakByName[name] = Math.max(peakByName[name] ?? 0, bytes);
        queue.push(...children(pid));
      }
      peakRss = Math.max(peakRss, total);
      let cpu = 0;
      for (const c of cpuByPid.values()) cpu += c;
      samples.push({ at: performance.now() - start, total, byName, cpu });
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const end = performance.now() - start;
      for (const s of ['out', 'err'] as const)
        if (partial[s]) lines.push({ at: end, text: partial[s] });
      const cpuSeconds = samples.at(-1)?.cpu ?? 0;
      resolve({ wallMs: end, peakRss, peakByName, samples, lines, stdout, code, cpuSeconds });
    });
  });
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const gib = (bytes: number) => `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
