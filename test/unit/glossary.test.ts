import { describe, expect, it } from 'vitest';
import { applicationLabel, glossary } from '../../src/lib/site/glossary.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { APPLICATIONS_CORNER } from '../../src/lib/template/declarations.ts';

describe('the reading guide', () => {
  it('takes every table term from the template declaration', () => {
    const printed = new Set<string>(
      cellDeclarations(2021)
        .concat(cellDeclarations(2019))
        .flatMap((c) => [...c.rowLabels, ...c.columnLabels]),
    );
    printed.add(APPLICATIONS_CORNER);
    const terms = glossary()
      .flatMap((s) => s.entries.map((e) => e.term))
      .filter((t) => t !== '公开率');
    for (const term of terms) {
      for (const part of term.split(' / ')) expect(printed, part).toContain(part);
    }
  });

  it('finds the printed labels by key', () => {
    expect(applicationLabel(['withheld'])).toBe('（三）不予公开');
    expect(applicationLabel(['withheld', 'state_secret'])).toBe('1.属于国家秘密');
    expect(applicationLabel(['carried_forward'])).toBe('四、结转下年度继续办理');
    expect(() => applicationLabel(['nope'])).toThrow('Table 三 has no row nope');
  });

  it('explains 公开率 with the formula the site computes', () => {
    const rate = glossary()
      .flatMap((s) => s.entries)
      .find((e) => e.term === '公开率');
    expect(rate?.explanation).toContain('公开率 = （（一）予以公开 + （二）部分公开）÷ （七）总计');
  });
});
