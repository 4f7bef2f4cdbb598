/**
 * A new national format must touch one folder: `src/lib/template/`. This test fails when code
 * elsewhere in `src/` names a template version as a literal (the number 2021, or 「2019 年版」 in
 * a message) instead of asking the registry.
 *
 * Scope: TypeScript and .astro code under `src/`, comments left out. Report content
 * (`src/content/`) and tests name years, not versions, and are not scanned. An ISO date in a
 * message (「写成 2021-01-29 这样的格式」) is a date, not a version.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { templateVersions } from '../../src/lib/template/registry.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const SRC = join(PROJECT_ROOT, 'src');
const EXEMPT = [join(SRC, 'lib', 'template'), join(SRC, 'content')];

/** A version number standing alone: not part of a longer number and not an ISO date. */
const versionPattern = (versions: readonly number[]) =>
  new RegExp(`(?<![\\d-])(?:${versions.join('|')})(?![\\d-])`, 'u');

/** The literals of TypeScript code that name a version: numbers, and text inside strings. */
function versionLiterals(code: string, versions: readonly number[]): string[] {
  const pattern = versionPattern(versions);
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node) && versions.includes(Number(node.text))) found.push(node.text);
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      pattern.test(node.text)
    ) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** An .astro file: its frontmatter as TypeScript, its markup as text without HTML comments. */
function astroVersionLiterals(source: string, versions: readonly number[]): string[] {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(source);
  const frontmatter = match?.[1] ?? '';
  const markup = (match?.[2] ?? source).replace(/<!--[\s\S]*?-->/gu, '');
  const pattern = versionPattern(versions);
  const inMarkup = markup.split('\n').filter((line) => pattern.test(line));
  return [...versionLiterals(frontmatter, versions), ...inMarkup];
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (EXEMPT.includes(path)) return [];
    if (entry.isDirectory()) return codeFiles(path);
    return /\.(ts|mts|astro)$/u.test(entry.name) ? [path] : [];
  });
}

describe('template versions are named only in src/lib/template/', () => {
  const versions = templateVersions();

  it('the detector finds version literals and passes dates and comments', () => {
    expect(versionLiterals('if (v === 2019) x();', versions)).toEqual(['2019']);
    expect(versionLiterals('const m = `${y} 年度报告通常使用 2021 年版格式`;', versions)).toEqual([
      ' 年度报告通常使用 2021 年版格式',
    ]);
    expect(
      versionLiterals("const d = '写成 2021-01-29 这样的格式'; // the 2019 format", versions),
    ).toEqual([]);
    expect(versionLiterals('const n = 20190; const y = 2020;', versions)).toEqual([]);
    expect(
      astroVersionLiterals('---\nconst a = 1;\n---\n<p>2019 年版</p>\n<!-- 2021 -->\n', versions),
    ).toEqual(['<p>2019 年版</p>']);
  });

  it('no module, component or page outside the template folder names a version', () => {
    const offenders = codeFiles(SRC).flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      const found = path.endsWith('.astro')
        ? astroVersionLiterals(source, versions)
        : versionLiterals(source, versions);
      return found.map((literal) => `${relative(PROJECT_ROOT, path)}: ${literal}`);
    });
    expect(offenders).toEqual([]);
  });
});
