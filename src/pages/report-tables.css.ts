import type { APIRoute } from 'astro';
import { reflowStylesheet } from '../lib/site/reflow-css.ts';

/** The per-column rules of the report tables' phone layout (src/lib/site/reflow-css.ts). */
export const GET: APIRoute = () =>
  new Response(reflowStylesheet().css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
