/**
 * A report table cell's path from its id on the page: the id is derived from the path
 * (cellAnchor, narrowCellAnchor), so the page prints no separate `data-cell` attribute.
 */
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { templateVersions } from '../../src/lib/template/registry.ts';
import { cellAnchor, narrowCellAnchor } from '../../src/lib/site/report-view.ts';

const paths = new Map<string, string>();
for (const version of templateVersions()) {
  for (const { path } of cellDeclarations(version)) {
    paths.set(cellAnchor(path), path);
    if (path.startsWith('appeals.')) paths.set(narrowCellAnchor(path), path);
  }
}

/** The cell path of a printed cell's id (`c3-disclosed-total`) or of 表四's phone copy. */
export function cellPathOf(id: string | null | undefined): string | undefined {
  return id ? paths.get(id) : undefined;
}
