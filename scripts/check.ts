/**
 * `npm run check`: validates all content without building. Prints every problem (not only the
 * first), in Chinese, with file, line and field; exits 1 if any is an error.
 */
import { loadArchive } from '../src/lib/content/archive.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';

const root = process.argv[2] ?? process.cwd();
const archive = loadArchive(root);
console.log(formatReport(archive.problems));
if (!hasErrors(archive.problems)) {
  const drafts = archive.reports.filter((r) => r.draft).length;
  const ofWhich = drafts > 0 ? `（其中 ${drafts} 份草稿）` : '';
  console.log(`共 ${archive.agencies.length} 个机构，${archive.reports.length} 份报告${ofWhich}。`);
}
process.exitCode = hasErrors(archive.problems) ? 1 : 0;
