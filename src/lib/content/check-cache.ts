/**
 * The content check's cache between builds (issue 14): reading and checking a report's YAML and
 * MDX is a pure function of the file's path and text, the registered template declarations and
 * the checking code. Its result (the parsed value and the problems it found, with file, line and
 * field) is stored under `node_modules/.cache/nianbao/check/` (or NIANBAO_CACHE_DIR, cache-dir.ts), keyed by the SHA-256 of all of
 * these, so a rebuild re-checks only the files that changed.
 *
 * It must never serve a stale result. The key covers:
 * - the file's path and full text (and, for prose, the agency and year its path names);
 * - the live template registry (declarations from code, from NIANBAO_TEMPLATES and from
 *   `registerTemplate`), serialised;
 * - the source of the checking code (every file under src/lib/content and src/lib/template),
 *   package-lock.json (the YAML and MDX parsers' versions), the Node version and FORMAT below.
 * If the checking code's source cannot be found (the code runs from a bundle), there is no cache.
 * Whatever joins files (agencies, missing pairs, carry-over between years) is not cached: it is
 * recomputed by loadArchive on every run from the per-file results.
 *
 * Entries are written atomically (temporary file, then rename), so parallel processes (tests,
 * `npm run check` beside a build) can share the folder; an unreadable entry counts as a miss.
 * NIANBAO_CHECK_CACHE=off turns the cache off.
 */

import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './problems.ts';
import { cacheRoot, touchEntry } from './cache-dir.ts';
import { templateOf, templateVersions } from '../template/registry.ts';

/** Raise when the stored shape of an entry changes without a change in the code's source. */
const FORMAT = 1;

/** What one cached check returns: the checker's value and the problems it appended. */
interface Entry<T> {
  readonly value: T;
  readonly problems: readonly Problem[];
}

export interface CheckCache {
  /** Folder holding the entries. */
  readonly dir: string;
  /** Hash of everything but the file itself: code, dependencies, Node, template registry. */
  readonly salt: string;
  hits: number;
  misses: number;
}

const sha256 = (...parts: readonly (string | Buffer)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0');
  }
  return h.digest('hex');
};

/** The project folder that holds this module (`<project>/src/lib/content/check-cache.ts`). */
function projectOfCode(): string | undefined {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const project = resolve(here, '../../..');
    return existsSync(join(project, 'src/lib/content/check-cache.ts')) ? project : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, sorted, relative paths with their contents hashed in. */
function hashTree(dir: string, hash: ReturnType<typeof createHash>, rel = ''): void {
  if (!rel && !existsSync(dir)) return;
  const names = readdirSync(join(dir, rel)).sort();
  for (const name of names) {
    const child = rel ? `${rel}/${name}` : name;
    const abs = join(dir, child);
    if (statSync(abs).isDirectory()) hashTree(dir, hash, child);
    else {
      hash.update(child);
      hash.update('\0');
      hash.update(readFileSync(abs));
      hash.update('\0');
    }
  }
}

let codeHashMemo: { project: string; hash: string } | null | undefined;

/**
 * Hash of the checking code's source, the lock file and the Node version. Computed once per
 * process: the code of a running process does not change under it.
 */
export function codeHash(): { project: string; hash: string } | null {
  if (codeHashMemo !== undefined) return codeHashMemo;
  const project = projectOfCode();
  if (!project) return (codeHashMemo = null);
  return (codeHashMemo = { project, hash: codeHashOf(project) });
}

/** The hash `codeHash` computes, for the checking code under `project`. */
export function codeHashOf(project: string): string {
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\0node ${process.version}\0`);
  hashTree(join(project, 'src/lib/content'), h);
  hashTree(join(project, 'src/lib/template'), h);
  const lock = join(project, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex');
}

/** Hash of the template versions registered now, whatever registered them. */
export function registryHash(): string {
  return sha256(JSON.stringify(templateVersions().map((v) => templateOf(v))));
}

/**
 * The cache for this process's checking code and the templates registered now; undefined when
 * turned off or when the code's source is not at hand. `dir` overrides the folder (tests).
 */
export function openCheckCache(dir?: string): CheckCache | undefined {
  if (process.env.NIANBAO_CHECK_CACHE === 'off') return undefined;
  const code = codeHash();
  if (!code) return undefined;
  return {
    dir: dir ?? join(cacheRoot(code.project), 'check'),
    salt: sha256(code.hash, registryHash()),
    hits: 0,
    misses: 0,
  };
}

function read<T>(path: string): Entry<T> | undefined {
  try {
    return deserialize(readFileSync(path)) as Entry<T>;
  } catch {
    return undefined;
  }
}

function write(path: string, entry: Entry<unknown>): void {
  try {
    const tmp = `${path}.${process.pid}.tmp`;
    const data = serialize(entry);
    try {
      writeFileSync(tmp, data);
    } catch {
      // The entry's folder does not exist yet: made once per folder, not before every write.
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written (read-only checkout) only costs time.
  }
}

/**
 * `check(problems)` for one file, or its stored result. `kind` names the checker and `inputs`
 * everything it reads (path, text, identity); the problems it finds are appended to `problems`
 * in the order the checker would append them.
 */
export function cachedCheck<T>(
  cache: CheckCache | undefined,
  kind: string,
  inputs: readonly string[],
  problems: Problem[],
  check: (problems: Problem[]) => T,
): T {
  if (!cache) return check(problems);
  const key = sha256(cache.salt, kind, ...inputs);
  const path = join(cache.dir, key.slice(0, 2), `${key}.bin`);
  const hit = read<T>(path);
  if (hit) {
    touchEntry(path);
    cache.hits++;
    problems.push(...hit.problems);
    return hit.value;
  }
  cache.misses++;
  const own: Problem[] = [];
  const value = check(own);
  write(path, { value, problems: own });
  problems.push(...own);
  return value;
}
