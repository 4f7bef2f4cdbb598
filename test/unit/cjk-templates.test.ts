/**
 * Astro's compressHTML ('jsx') turns a line break inside template text into a space, which shows
 * as a gap in Chinese ("中文⏎换行" → "中文 换行"). The fix is to keep Chinese text on one line in
 * .astro templates; this test finds every place that breaks it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';

const CJK_END = /[\u3400-\u9fff\uff0c\u3002\u3001\uff1a\uff1b\uff01\uff1f\uff09\u300d]$/u;
const CJK_START = /^[\u3400-\u9fff\uff08\u300c]/u;

/** Lines of template text (outside the frontmatter fence, <style> and <script>) that break Chinese text. */
export function brokenChineseLines(source: string): number[] {
  const lines = source.split('\n');
  const out: number[] = [];
  let fence = 0;
  let inBlock = false;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!.trim();
    if (line === '---' && fence < 2) {
      fence++;
      continue;
    }
    if (fence === 1) continue;
    if (/^<(style|script)\b/.test(line)) inBlock = true;
    if (/^<\/(style|script)>/.test(line)) inBlock = false;
    if (inBlock) continue;
    const next = lines[i + 1]!.trim();
    if (CJK_END.test(line) && CJK_START.test(next)) out.push(i + 1);
  }
  return out;
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? astroFiles(join(dir, e.name))
      : e.name.endsWith('.astro')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('Chinese text in .astro templates', () => {
  it('finds a line break inside Chinese text', () => {
    expect(brokenChineseLines('---\nconst a = 1;\n---\n<p>\n  中文\n  换行\n</p>\n')).toEqual([5]);
    expect(brokenChineseLines('---\n---\n<p>中文换行</p>\n<p>另一段</p>\n')).toEqual([]);
  });

  it('never breaks a line inside Chinese text in src/', () => {
    const broken = astroFiles(join(PROJECT_ROOT, 'src')).flatMap((f) =>
      brokenChineseLines(readFileSync(f, 'utf8')).map(
        (line) => `${relative(PROJECT_ROOT, f)}:${line}`,
      ),
    );
    expect(broken).toEqual([]);
  });
});
