import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parsePlainYaml } from '../../src/lib/content/yaml-plain.ts';
import { generateArchive } from '../../scripts/bench/generate.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/** What the content readers see of a node: its kind, value, range start/end and children. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return { scalar: node.value, at: node.range?.[0], end: node.range?.[1] };
  if (isMap(node)) {
    return {
      map: node.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair')),
      at: node.range?.[0],
    };
  }
  if (isSeq(node)) return { seq: node.items.map(shape), at: (node as Node).range?.[0] };
  return 'other';
}

/** The oracle: the `yaml` package's document parser, as yaml-source.ts calls it. */
function viaYaml(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { errors: doc.errors.length, contents: shape(doc.contents), lineCounter };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...yamlFiles(abs));
    else if (name.endsWith('.yaml')) out.push(abs);
  }
  return out;
}

/** Every line start `yaml` records, read back through linePos. */
function lineStarts(counter: LineCounter, length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i <= length; i++) if (counter.linePos(i).col === 1) out.push(i);
  return out;
}

function expectSameAsYaml(text: string): boolean {
  const plain = parsePlainYaml(text);
  if (!plain) return false;
  const oracle = viaYaml(text);
  expect(oracle.errors).toBe(0);
  expect(shape(plain.contents)).toEqual(oracle.contents);
  expect(lineStarts(plain.lineCounter, text.length)).toEqual(
    lineStarts(oracle.lineCounter, text.length),
  );
  return true;
}

describe('plain YAML read without the document parser', () => {
  it('gives the same nodes, values and ranges as yaml for every fixture and demo file it reads', () => {
    const files = [
      ...yamlFiles(join(PROJECT, 'test/fixtures')),
      ...yamlFiles(join(PROJECT, 'data')),
    ];
    const read = files.filter((f) => expectSameAsYaml(readFileSync(f, 'utf8')));
    // The demo's flow-style tables with comments are read here, not only the bench's block style.
    expect(read).toContain(join(PROJECT, 'data/reports/huaianshi-zhengfu/2024.yaml'));
    expect(read.length).toBeGreaterThan(30);
  });

  it('gives the same as yaml for generated reports (block style) and their front matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-yaml-plain-'));
    try {
      generateArchive(dir, 60);
      const files = yamlFiles(join(dir, 'data/reports'));
      for (const f of files) expect(expectSameAsYaml(readFileSync(f, 'utf8'))).toBe(true);
      const mdx = readFileSync(join(dir, 'src/content/reports/bench-00001/2019.mdx'), 'utf8');
      const front = '\n' + mdx.split('\n---\n')[0]!.replace(/^---\n/, '');
      expect(expectSameAsYaml(front)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const cases: Record<string, string> = {
    'leading comments':
      '# 注释\n\n# 又一行\ntemplate: 2021\nproactive:\n  fees: { amount: 96171.6 }\n',
    'nested blocks and sequences':
      'a:\n  b:\n    - 1\n    - -2\n    - 0.5\n    - null\n  c: [1, null,  3]\nd: 万元\n',
    'words, dates and text':
      'status: draft\napplications: not_printed\ndate: 2026-03-01\nnote: 原文如此（见第 3 页）\n',
    'numbers as yaml reads them': 'a: [0, -0, 10, 4745.10, 99999999999999999999]\n',
    'alignment spaces':
      'applications:\n  received:               [3001, 53, 0]\n  x:     { a: 1,   b: 2 }\n',
    'a comment inside a block': 'a:\n  b: 1\n# 注释\n  c: 2\n',
    'trailing spaces': 'a: 1  \nb: 文字 \nc: [1, 2]  \nd:   \n  e: null \n',
    CRLF: 'a: 1\r\nb: 2\r\n',
    tab: 'a:\n\tb: 1\n',
    BOM: '\uFEFFa: 1\n',
    'a full-width space': 'a: 文字\u3000\n',
    'a no-break space': 'a: 文字\u00a0\n',
    'a comment after a value': 'a: 1 # 注释\n',
    'quoted text': 'a: "1"\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'a duplicate key in a flow map': 'a: { b: 1, b: 2 }\n',
    'an empty value': 'a:\nb: 1\n',
    'a sequence at the key indentation': 'a:\n- 1\n- 2\n',
    'a mapping in a sequence': 'a:\n  - check: x\n    left: 1\n',
    'a continued plain scalar': 'a: 文字\n  续行\n',
    'uneven indentation': 'a:\n    b: 1\n  c: 2\n',
    'a boolean': 'a: true\n',
    'an upper-case null': 'a: Null\n',
    'a tilde': 'a: ~\n',
    'a key that is null': 'null: 1\n',
    'an exponent': 'a: 1e3\n',
    'a hex number': 'a: 0x10\n',
    'a leading zero': 'a: 007\n',
    'a plus sign': 'a: +1\n',
    'text in a flow sequence': 'a: [1, 文字]\n',
    'an empty flow item': 'a: [1, , 2]\n',
    'an unclosed flow sequence': 'a: [1, 2\n',
    'a URL': 'source: https://example.org/a\n',
    'text with a colon': 'a: 文字: 文字\n',
    'text starting with ASCII': 'a: 2019年\n',
    'a root scalar': '文字\n',
    'a root sequence': '- 1\n- 2\n',
    'a key without a space after the colon': 'a:1\n',
    'an indented root': '  a: 1\n',
    'a document marker': '---\na: 1\n',
    'a Chinese colon': 'template：2021\n',
  };
  const readHere = new Set([
    'leading comments',
    'nested blocks and sequences',
    'words, dates and text',
    'numbers as yaml reads them',
    'alignment spaces',
    'a comment inside a block',
    'trailing spaces',
    'a root sequence',
  ]);
  for (const [name, text] of Object.entries(cases)) {
    it(`${readHere.has(name) ? 'reads' : 'leaves to yaml'}: ${name}`, () => {
      if (readHere.has(name)) expect(expectSameAsYaml(text)).toBe(true);
      else expect(parsePlainYaml(text)).toBeUndefined();
    });
  }
});
