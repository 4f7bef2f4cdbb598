/**
 * Every internal link goes through here, so that the site works at a CDN root or under a
 * subfolder (SITE_BASE=/archive/). Paths are written without the base and end with a slash.
 */

/** Joins the deploy base and a site path: ('/archive/', '/reports/a/2020/') → '/archive/reports/a/2020/'. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** A site path with the configured base. */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

export const reportPath = (agency: string, year: number) => `/reports/${agency}/${year}/`;
export const agencyPath = (agency: string) => `/agencies/${agency}/`;
export const yearPath = (year: number) => `/years/${year}/`;

/** Normalises a configured base: '' or undefined → '/', 'archive' → '/archive/'. */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
