/**
 * `npm run schemas`: writes the JSON Schemas for editors (data/schema/*.json) from the template
 * declarations. Run it after changing src/lib/templates.ts; a test fails while the committed
 * copies are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR, schemaFiles } from '../src/lib/editor/json-schema.ts';

const dir = join(process.argv[2] ?? process.cwd(), SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
const files = schemaFiles();
// A schema no longer generated (a template version removed) must not linger.
for (const name of readdirSync(dir)) {
  if (name.endsWith('.schema.json') && !files.some((f) => f.name === name)) {
    rmSync(join(dir, name));
    console.log(`已删除 ${SCHEMA_DIR}/${name}`);
  }
}
for (const { name, text } of files) {
  writeFileSync(join(dir, name), text);
  console.log(`已写入 ${SCHEMA_DIR}/${name}`);
}
