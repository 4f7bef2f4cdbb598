/**
 * `npm run new -- --agency <id> --year <yyyy> [--template 2019|2021] [--title <标题>]
 *   [--name <机构名称> --level <层级> --kind <类别> --region <地区> [--website <网址>] [--parent <id>]]`
 *
 * Writes data/reports/<agency>/<year>.yaml (every cell blank, `status: draft`) and
 * src/content/reports/<agency>/<year>.mdx (the national headings with the three tables in
 * place); registers the agency in data/agencies.yaml when it is new and enough is given.
 * Never overwrites. Exit code 0: written. 2: wrong or missing arguments, or the files exist.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES_FILE } from '../src/lib/editor/project.ts';
import { planNewReport } from '../src/lib/editor/scaffold.ts';

const USAGE =
  '用法：npm run new -- --agency <机构id> --year <年份> [--template 2019|2021] [--title <报告标题>]\n' +
  '      新机构另加：--name <机构名称> --level <层级> --kind <类别> --region <所在地区> [--website <网址>] [--parent <上级机构id>]';

let args;
try {
  args = parseArgs({
    allowPositionals: false,
    options: Object.fromEntries(
      [
        'agency',
        'year',
        'template',
        'title',
        'name',
        'level',
        'kind',
        'region',
        'website',
        'parent',
        'root',
      ].map((k) => [k, { type: 'string' as const }]),
    ),
  });
} catch (e) {
  console.error(`参数有误：${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { root: rootArg, ...input } = args.values;
// --root: another folder with the project's layout (tests use a temporary one).
const root = resolve(rootArg ?? process.cwd());
const agenciesPath = join(root, AGENCIES_FILE);
const plan = planNewReport(input, {
  agenciesText: existsSync(agenciesPath) ? readFileSync(agenciesPath, 'utf8') : undefined,
  exists: (file) => existsSync(join(root, file)),
});
if (!plan.ok) {
  console.error(`${plan.messages.join('\n')}\n\n${USAGE}`);
  process.exit(2);
}
for (const { file, text } of plan.create) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  // 'wx': fail rather than overwrite, should the file appear since the plan looked.
  writeFileSync(join(root, file), text, { flag: 'wx' });
}
if (plan.agencies !== undefined) {
  mkdirSync(dirname(agenciesPath), { recursive: true });
  writeFileSync(agenciesPath, plan.agencies);
}
console.log(plan.messages.join('\n'));
