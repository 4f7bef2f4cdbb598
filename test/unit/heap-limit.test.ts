import { describe, expect, it } from 'vitest';
import { heapLimitArgs } from '../../scripts/heap-limit.ts';

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
