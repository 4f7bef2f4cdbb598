/**
 * Runs a command and measures its wall time and the peak resident memory of its whole process
 * tree (polled from /proc every 50 ms: Pagefind's indexer runs as a child of Node).
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

export interface Measured {
  readonly wallMs: number;
  /** Peak of the summed RSS of the whole tree. */
  readonly peakRss: number;
  /** Peak RSS per process name (e.g. node, pagefind_extended). */
  readonly peakByName: Readonly<Record<string, number>>;
  readonly stdout: string;
  readonly code: number | null;
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
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    let peakRss = 0;
    const peakByName: Record<string, number> = {};
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      let total = 0;
      const queue = [child.pid];
      while (queue.length) {
        const pid = queue.pop()!;
        const { bytes, name } = rssOf(pid);
        total += bytes;
        peakByName[name] = Math.max(peakByName[name] ?? 0, bytes);
        queue.push(...children(pid));
      }
      peakRss = Math.max(peakRss, total);
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ wallMs: performance.now() - start, peakRss, peakByName, stdout, code });
    });
  });
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const gib = (bytes: number) => `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
