/**
 * The one place where the editor tooling (`npm run new`, `npm run schemas`, the JSON Schemas)
 * reaches into the rest of `src/lib`. Issue 10 moves those modules around; when it lands, only
 * the paths below change.
 */

import type { TemplateVersion } from '../template/declarations.ts';
import { templateVersions } from '../template/registry.ts';

export {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  APPLICATION_COLUMN_GROUPS,
  APPLICATIONS_COLUMN_HEADER,
  SECTION_HEADINGS,
  TABLE_SHORT,
  TABLE_TITLES,
  type ApplicationRow,
  type Column,
  type TableId,
  type TemplateVersion,
} from '../template/declarations.ts';
export { cellDeclarations, describeCell } from '../template/cells.ts';
export { templateOf, usualVersion } from '../template/registry.ts';
export { versionChoiceText } from '../template/wording.ts';

/** Every registered template version, ascending (the registry's, read once). */
export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = templateVersions();

export {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  KIND_LABELS,
  LEVEL_LABELS,
  SLUG,
  isWebUrl,
  readAgencies,
  type Agency,
} from '../content/agencies.ts';
export { checksFor } from '../template/rules.ts';
export {
  AGENCIES_FILE,
  DATA_DIR,
  FIRST_YEAR,
  LAST_YEAR,
  PROSE_DIR,
  loadArchive,
} from '../content/archive.ts';
export { readReportData } from '../content/report-data/read.ts';
export { TABLE_COMPONENTS, type TableComponent } from '../content/report-prose.ts';
export { writeReportYaml, yamlScalar } from '../importer/write-yaml.ts';
export { formatReport, hasErrors, type Problem } from '../content/problems.ts';
