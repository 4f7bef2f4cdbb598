/**
 * What an editor sees in VS Code, through yaml-language-server: the engine of the YAML extension
 * that .vscode/extensions.json recommends. The schema associations are read from
 * .vscode/settings.json as VS Code would; a file written by `npm run new` finds its schema
 * through its first-line modeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { getLanguageService, type LanguageService } from 'yaml-language-server';
import { reportYaml } from '../../src/lib/editor/scaffold.ts';
import { ROOT } from '../support/json-schema.ts';

const ROOT_URL = pathToFileURL(ROOT).href;

function languageService(withSettings: boolean): LanguageService {
  const ls = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).href },
  });
  const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8')) as {
    'yaml.schemas': Record<string, string[]>;
  };
  ls.configure({
    validate: true,
    hover: true,
    completion: true,
    yamlVersion: '1.2',
    schemas: withSettings
      ? Object.entries(settings['yaml.schemas']).map(([schema, fileMatch]) => ({
          uri: new URL(schema, ROOT_URL).href,
          fileMatch,
        }))
      : [],
  });
  return ls;
}

// The language service caches parsed documents by URI and version, as VS Code bumps the version
// on every edit: so does this helper.
let version = 0;
const doc = (file: string, text: string) =>
  TextDocument.create(new URL(file, ROOT_URL).href, 'yaml', ++version, text);

/** Line and column of the first occurrence of `needle` (plus an offset) in `text`. */
function at(text: string, needle: string, offset = 0) {
  const i = text.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: (before.at(-1) ?? '').length };
}

const hoverText = async (
  ls: LanguageService,
  d: TextDocument,
  pos: { line: number; character: number },
) => {
  const hover = await ls.doHover(d, pos);
  const contents = hover?.contents as { value?: string } | undefined;
  return contents?.value ?? '';
};

describe('.vscode/settings.json maps the schemas', () => {
  const ls = languageService(true);

  it('the repository reports and agency list show no problem', async () => {
    for (const file of [
      'data/agencies.yaml',
      'data/reports/huaianshi-zhengfu/2024.yaml',
      'data/reports/jiyuan-gongan/2020.yaml',
    ]) {
      expect(
        await ls.doValidation(doc(file, readFileSync(join(ROOT, file), 'utf8')), false),
        file,
      ).toEqual([]);
    }
  });

  it('a misspelt row key is underlined on its line', async () => {
    const file = 'data/reports/huaianshi-zhengfu/2024.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8').replace('  received:', '  recieved:');
    const diagnostics = await ls.doValidation(doc(file, text), false);
    expect(diagnostics.map((d) => [d.range.start.line + 1, d.message])).toContainEqual([
      at(text, 'recieved').line + 1,
      'Property recieved is not allowed.',
    ]);
  });

  it('hover over a cell names its row and column as printed (2021 report, any-version schema)', async () => {
    const file = 'data/reports/huaianshi-zhengfu/2024.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8');
    // The second cell of the （六）1. row: 商业企业.
    const pos = at(text, 'no_correction:        [67, 3,', 'no_correction:        [67, '.length);
    expect(await hoverText(ls, doc(file, text), pos)).toContain(
      '#### 商业企业\n\n表三「（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」行「申请人情况 › 法人或其他组织 › 商业企业」。非负整数；原文空白的单元格写 null。',
    );
  });

  it('completion at the top level offers the optional keys', async () => {
    const file = 'data/reports/huaianshi-zhengfu/2024.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8') + '\n';
    const lines = text.split('\n');
    const list = await ls.doComplete(
      doc(file, text),
      { line: lines.length - 1, character: 0 },
      false,
    );
    expect(list.items.map((i) => i.label).sort()).toEqual([
      'cell_notes',
      'corrections',
      'discrepancies',
      'status',
    ]);
  });

  it('an agency level outside the list is underlined', async () => {
    const file = 'data/agencies.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8').replace('level: county', 'level: city');
    const diagnostics = await ls.doValidation(doc(file, text), false);
    expect(diagnostics.map((d) => d.range.start.line + 1)).toEqual([
      at(text, 'level: city').line + 1,
    ]);
  });
});

describe('a scaffold finds its schema through the modeline alone', () => {
  const ls = languageService(false);
  const file = 'data/reports/some-agency/2020.yaml';
  const text = reportYaml(file, '某机构2020年政府信息公开工作年度报告', 2019);

  it('no problem on the blank scaffold', async () => {
    expect(await ls.doValidation(doc(file, text), false)).toEqual([]);
  });

  it('a row of six cells is underlined, and hover names the column', async () => {
    const bad = text.replace(
      'received:               [null, null, null, null, null, null, null]',
      'received:               [null, null, null, null, null, null]',
    );
    const diagnostics = await ls.doValidation(doc(file, bad), false);
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([
      [at(bad, 'received:').line, 'Array has too few items. Expected 7 or more.'],
    ]);
    const pos = at(
      text,
      'carried_over:           [null, null',
      'carried_over:           [null, n'.length,
    );
    expect(await hoverText(ls, doc(file, text), pos)).toContain(
      '#### 商业企业\n\n表三「二、上年结转政府信息公开申请数量」行「申请人情况 › 法人或其他组织 › 商业企业」。',
    );
  });
});
