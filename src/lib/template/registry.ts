/**
 * The template versions the archive knows, and what is known about each as a whole: the usual
 * version for a report year, the versions other than a given one (for messages that say a key
 * belongs to another format), and the version a set of printed labels votes for.
 *
 * The national versions register themselves here; a new national format is one file in
 * `versions/` and one line below. Every module reads versions through this registry, so nothing
 * else changes. Declarations are immutable once registered.
 *
 * A declaration can also come from outside the code base, as data: `NIANBAO_TEMPLATES` names a
 * JSON file holding one declaration or a list. Each process (`npm run check`, every module graph
 * of `astro build`) reads it when this module loads, so they all agree; tests declare a fictional
 * version this way (`test/fixtures/third-version/`), or in-process with `registerTemplate`.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TemplateDeclaration, TemplateVersion } from './declarations.ts';
import { TEMPLATE_2019 } from './versions/v2019.ts';
import { TEMPLATE_2021 } from './versions/v2021.ts';

const registry = new Map<TemplateVersion, TemplateDeclaration>();

/** Adds a version. Throws when the version is already registered (a declaration never changes). */
export function registerTemplate(declaration: TemplateDeclaration): void {
  if (registry.has(declaration.version)) {
    throw new Error(`Template version ${declaration.version} is already registered`);
  }
  registry.set(declaration.version, declaration);
}

registerTemplate(TEMPLATE_2019);
registerTemplate(TEMPLATE_2021);
for (const declaration of declarationsFromFile(process.env.NIANBAO_TEMPLATES)) {
  registerTemplate(declaration);
}

/**
 * Declarations in a JSON file (one, or a list). Only the outline is checked here: a declaration
 * is code's business (a developer's, not an editor's), and a malformed one fails loudly.
 */
export function declarationsFromFile(file: string | undefined): TemplateDeclaration[] {
  if (!file) return [];
  const parsed: unknown = JSON.parse(readFileSync(resolve(file), 'utf8'));
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const d of list) {
    const ok =
      typeof d === 'object' &&
      d !== null &&
      Number.isInteger(d.version) &&
      Number.isInteger(d.usualFrom) &&
      typeof d.document === 'string' &&
      typeof d.citation === 'string' &&
      Array.isArray(d.proactive) &&
      Array.isArray(d.applicationRows) &&
      Array.isArray(d.labelVariants);
    if (!ok) throw new Error(`${file}: not a template declaration (see template/declarations.ts)`);
  }
  return list as TemplateDeclaration[];
}

/** Every registered version, ascending. */
export function templateVersions(): TemplateVersion[] {
  return [...registry.keys()].sort((a, b) => a - b);
}

export function isTemplateVersion(value: unknown): value is TemplateVersion {
  return typeof value === 'number' && registry.has(value);
}

/** The declaration of a registered version; throws for an unknown one (a caller's bug). */
export function templateOf(version: TemplateVersion): TemplateDeclaration {
  const t = registry.get(version);
  if (!t) throw new Error(`Unknown template version ${version}`);
  return t;
}

/** The newest registered version. */
export function latestVersion(): TemplateVersion {
  const all = templateVersions();
  return all[all.length - 1]!;
}

/**
 * The version a report of `year` usually uses: the latest whose `usualFrom` is not after the
 * year; for a year before every version, the earliest; for an unknown year, the newest.
 */
export function usualVersion(year: number | null): TemplateVersion {
  const all = templateVersions().map(templateOf);
  if (year === null) return latestVersion();
  const usable = all.filter((t) => t.usualFrom <= year);
  return (usable[usable.length - 1] ?? all[0]!).version;
}

/** Every registered version but `version`, ascending. */
export function otherVersions(version: TemplateVersion): TemplateVersion[] {
  return templateVersions().filter((v) => v !== version);
}

/**
 * Picks a version from the votes of printed labels (`votes[v]`: the labels of version v found):
 * the version with most votes; on a tie for most, the usual version for the year.
 */
export function versionByVotes(
  votes: ReadonlyMap<TemplateVersion, readonly string[]>,
  year: number | null,
): { version: TemplateVersion; byLabels: boolean } {
  const ranked = templateVersions()
    .map((v) => ({ v, n: votes.get(v)?.length ?? 0 }))
    .sort((a, b) => b.n - a.n || a.v - b.v);
  const [first, second] = ranked;
  if (first && (!second || first.n !== second.n)) return { version: first.v, byLabels: true };
  return { version: usualVersion(year), byLabels: false };
}
