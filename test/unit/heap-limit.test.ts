import { describe, expect, it } from 'vitest';
import { astroSignalMessage, heapLimitArgs } from '../../scripts/heap-limit.ts';

const GIB = 2 ** 30;

describe('heapLimitArgs', () => {
  it('gives Astro three quarters of a 7 GiB runner instead of V8’s quarter', () => {
    expect(heapLimitArgs(7 * GIB, undefined)).toEqual(['--max-old-space-size=5376']);
  });

  it('lifts the 4 GiB cap on a large machine', () => {
    expect(heapLimitArgs(24 * GIB, '')).toEqual(['--max-old-space-size=18432']);
  });

  it('leaves a limit set in NODE_OPTIONS alone', () => {
    expect(heapLimitArgs(7 * GIB, '--enable-source-maps --max-old-space-size=3000')).toEqual([]);
  });
});

describe('astroSignalMessage', () => {
  it('names memory for a process the system killed', () => {
    expect(astroSignalMessage('SIGKILL', ['--max-old-space-size=5376'])).toBe(
      'astro build 的进程被系统终止（SIGKILL），站点没有构建完。最常见的原因是内存不足：内存不够时，系统会终止用内存最多的进程。可以在内存更大的机器上构建，或按 docs/performance.md「分片 / Shards」把档案分成几部分分别构建。',
    );
  });

  it('gives the heap limit the build set, or says NODE_OPTIONS set it', () => {
    expect(astroSignalMessage('SIGABRT', ['--max-old-space-size=5376'])).toContain(
      '这次构建给 Astro 的上限是 5376 MiB（本机内存的四分之三）。',
    );
    expect(astroSignalMessage('SIGABRT', [])).toContain(
      '这次构建给 Astro 的上限是 NODE_OPTIONS 里设定的 --max-old-space-size。',
    );
  });

  it('names any other signal', () => {
    expect(astroSignalMessage('SIGTERM', [])).toBe(
      'astro build 的进程被信号 SIGTERM 终止，站点没有构建完。',
    );
  });
});
