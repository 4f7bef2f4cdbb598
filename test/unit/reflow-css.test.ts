import { describe, expect, it } from 'vitest';
import { cssString, reflowCss, reflowStylesheet } from '../../src/lib/site/reflow-css.ts';
import { templateOf } from '../../src/lib/template/registry.ts';

/** `selector{declarations}` lines of the generated sheet, as a map. */
function rules(css: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of css.split('\n')) {
    const m = /^(.+)\{(.+)\}$/u.exec(line);
    if (m) for (const s of m[1]!.split(',')) out.set(s, m[2]!);
  }
  return out;
}

describe('the phone layout of the report tables, one stylesheet for every page', () => {
  const sheet = rules(reflowCss([2019, 2021]));

  it('labels each 表三 value with its printed column header, 总计 first and wide', () => {
    // Printed order of 表三's columns (the national templates, both versions).
    const printed = [
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ];
    printed.forEach((label, i) =>
      expect(sheet.get(`.reflow#t3 td:nth-of-type(${i + 1})::before`)).toBe(
        `content:"${label}" / ""`,
      ),
    );
    expect(sheet.get('.reflow#t3 td:nth-of-type(7)')).toBe(
      'order:-3;grid-column:span 3;font-weight:700',
    );
    // 自然人 beside 总计; the five 法人或其他组织 columns under their group line.
    expect(sheet.get('.reflow#t3 td:nth-of-type(1)')).toBe('order:-2;grid-column:span 3');
    for (const i of [2, 3, 4, 5, 6])
      expect(sheet.get(`.reflow#t3 td:nth-of-type(${i})`)).toBe(
        'padding-inline-start:var(--space-2)',
      );
    expect(sheet.get('.reflow#t3 tbody tr:not(.group)::before')).toBe(
      'content:"法人或其他组织" / ""',
    );
  });

  it('keeps the versions apart where 表二 prints different headers', () => {
    expect(
      sheet.get('[data-template="2021"] .reflow#t2-article20-1 td:nth-of-type(1)::before'),
    ).toBe(`content:"${templateOf(2021).proactive[0]!.columns[0]!.label}" / ""`);
    expect(
      sheet.get('[data-template="2019"] .reflow#t2-article20-1 td:nth-of-type(1)::before'),
    ).toBe(`content:"${templateOf(2019).proactive[0]!.columns[0]!.label}" / ""`);
    expect(templateOf(2019).proactive[0]!.columns[0]!.label).not.toBe(
      templateOf(2021).proactive[0]!.columns[0]!.label,
    );
    // No rule for 表四: on a phone it is replaced by its own two small tables.
    expect([...sheet.keys()].some((s) => s.includes('#t4'))).toBe(false);
  });

  it('is deterministic, and its version changes with its text', () => {
    expect(reflowCss()).toBe(reflowCss());
    expect(reflowStylesheet().version).toMatch(/^[0-9a-f]{12}$/u);
    expect(reflowCss([2021])).not.toBe(reflowCss([2019, 2021]));
  });

  it('writes a label with quotes or a backslash as a valid CSS string', () => {
    expect(cssString('本年"增"\\减')).toBe('"本年\\"增\\"\\\\减"');
  });
});
