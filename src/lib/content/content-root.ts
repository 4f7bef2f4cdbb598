import { resolve } from 'node:path';

/**
 * Where the content lives: the project itself, or another folder with the same layout
 * (data/agencies.yaml, data/reports, src/content/reports) named by NIANBAO_CONTENT. Tests build
 * fixture sites and the benchmark builds synthetic archives this way, through the real pipeline.
 */
export function contentRoot(projectRoot: string): string {
  const override = process.env.NIANBAO_CONTENT;
  return override ? resolve(projectRoot, override) : projectRoot;
}
