/**
 * The committed JSON Schemas (data/schema/) run by ajv, a draft-07 validator like the one inside
 * VS Code's YAML extension, on YAML parsed the way `npm run check` parses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An ajv that knows the annotation keywords the schemas use for VS Code. */
export function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary(['enumDescriptions']);
  return ajv;
}

const ajv = newAjv();
const compiled = new Map<string, ValidateFunction>();

/** The validator of a committed schema file, e.g. `report.schema.json`. */
export function committedValidator(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'data/schema', name), 'utf8')) as object;
    v = ajv.compile(schema);
    compiled.set(name, v);
  }
  return v;
}

export type SchemaVerdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly errors: readonly string[] }
  | { readonly kind: 'syntax' };

/** Validates YAML text against a committed schema (agency list or report, by file name). */
export function validateYamlText(text: string, schemaName: string): SchemaVerdict {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { kind: 'syntax' };
  const validate = committedValidator(schemaName);
  if (validate(doc.toJS())) return { kind: 'valid' };
  return {
    kind: 'invalid',
    errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`),
  };
}

/** The schema an editor's VS Code applies to a content file (see .vscode/settings.json). */
export function schemaFor(relativePath: string): string {
  return relativePath.endsWith('agencies.yaml') ? 'agencies.schema.json' : 'report.schema.json';
}
