import type { ArchiveReport } from './archive.ts';

/**
 * The table components are placed by the report MDX without props; the report page binds them to
 * its report through Astro.locals before rendering the MDX.
 */
export function boundReport(locals: App.Locals, component: string): ArchiveReport {
  if (!locals.report) {
    throw new Error(
      `<${component} /> can only be rendered inside a report page (Astro.locals.report is not set).`,
    );
  }
  return locals.report;
}
