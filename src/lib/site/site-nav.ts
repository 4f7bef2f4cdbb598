/**
 * The site's navigation, declared once: the header nav on every page and the footer links.
 * Paths are site paths without the base (see urls.ts).
 */

export interface NavItem {
  readonly label: string;
  readonly path: string;
  /** Path prefix of the pages that belong to this item, when wider than `path`. */
  readonly section?: string;
}

export const SITE_NAV: readonly NavItem[] = [
  { label: '首页', path: '/' },
  { label: '按年度', path: '/years/' },
  { label: '按机构', path: '/agencies/' },
  { label: '开放数据', path: '/data/' },
  { label: '检索', path: '/search/' },
];

export const FOOTER_LINKS: readonly NavItem[] = [
  { label: '怎么读这份报告', path: '/guide/' },
  { label: '按年度浏览', path: '/years/' },
  { label: '按机构浏览', path: '/agencies/' },
  { label: '开放数据', path: '/data/' },
  { label: '检索全部报告', path: '/search/' },
];
