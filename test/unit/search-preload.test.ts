import { describe, expect, it } from 'vitest';
import { indexCacheTag } from '../../src/lib/site/search-preload.ts';

describe('indexCacheTag', () => {
  const digests = Array.from({ length: 50_000 }, (_, i) => `digest-of-report-${i}`.padEnd(64, '0'));

  it('tags a 50,000-report archive (one JSON text of every report passed V8’s string limit)', () => {
    expect(indexCacheTag(digests, '1.6.0')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when one report or Pagefind’s version changes, and only then', () => {
    const tag = indexCacheTag(digests, '1.6.0');
    expect(indexCacheTag([...digests], '1.6.0')).toBe(tag);
    const changed = [...digests];
    changed[31_415] = 'another-digest';
    expect(indexCacheTag(changed, '1.6.0')).not.toBe(tag);
    expect(indexCacheTag(digests, '1.6.1')).not.toBe(tag);
  });
});
