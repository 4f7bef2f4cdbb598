import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../src/lib/content/spelling.ts';

describe('spelling suggestions for field names', () => {
  it('measures edits', () => {
    expect(editDistance('recieved', 'received')).toBe(2);
    expect(editDistance('total', 'total')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the field a typo most likely meant, and nothing for a stranger', () => {
    expect(closestName('recieved', ['received', 'carried_over'])).toBe('received');
    expect(closestName('Disclosed', ['disclosed'])).toBe('disclosed');
    expect(closestName('made', ['issued', 'repealed', 'in_force'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});
