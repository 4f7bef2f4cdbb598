// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import contentCheck from './src/integrations/content-check.ts';
import archiveDownloads from './src/integrations/archive-downloads.ts';
import searchIndex from './src/integrations/search-index.ts';
import { normaliseBase } from './src/lib/site/urls.ts';

// SITE_URL (e.g. https://nianbao.example.gov.cn) and SITE_BASE (e.g. /archive/) come from the
// environment, so the same content deploys to a CDN root or a subfolder.
const site = process.env.SITE_URL || undefined;
const base = normaliseBase(process.env.SITE_BASE);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // 'jsx' turns a line break inside Chinese template text into a space: keep Chinese text in
  // .astro templates on one line (test/unit/cjk-templates.test.ts enforces it).
  compressHTML: 'jsx',
  markdown: {
    // Astro 7's default processor leaves ** visible when bold Chinese text ends with punctuation
    // (**本年度主动公开政府信息。**其中): CommonMark's flanking rules. remark-cjk-friendly fixes it.
    // smartypants off: it would turn the published "quotes" and -- into typographic ones.
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false }),
    syntaxHighlight: false,
  },
  integrations: [contentCheck(), mdx(), archiveDownloads(), searchIndex()],
  // Hash-based CSP in a <meta> tag on every page; headers a meta tag cannot carry
  // (frame-ancestors, nosniff, referrer policy) ship in public/_headers.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
