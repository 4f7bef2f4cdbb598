/**
 * The one place where the editor tooling (`npm run new`, `npm run schemas`, the JSON Schemas)
 * reaches into the rest of `src/lib`. Issue 10 moves those modules around; when it lands, only
 * the paths below change.
 */

export {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  APPLICATION_COLUMN_GROUPS,
  APPLICATIONS_COLUMN_HEADER,
  SECTION_HEADINGS,
  TABLE_SHORT,
  TABLE_TITLES,
  TEMPLATES,
  TEMPLATE_VERSIONS,
  cellDeclarations,
  describeCell,
  type ApplicationRow,
  type Column,
  type TableId,
  type TemplateVersion,
} from '../templates.ts';
export {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  KIND_LABELS,
  LEVEL_LABELS,
  SLUG,
  isWebUrl,
  readAgencies,
  type Agency,
} from '../agencies.ts';
export { checksFor } from '../rules.ts';
export {
  AGENCIES_FILE,
  DATA_DIR,
  FIRST_YEAR,
  LAST_YEAR,
  PROSE_DIR,
  loadArchive,
} from '../archive.ts';
export { readReportData } from '../report-data.ts';
export { TABLE_COMPONENTS, type TableComponent } from '../report-prose.ts';
export { writeReportYaml, yamlScalar } from '../importer/write-yaml.ts';
export { formatReport, hasErrors, type Problem } from '../problems.ts';
