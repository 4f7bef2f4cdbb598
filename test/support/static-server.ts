/**
 * A static file server that behaves like a plain CDN: serves built folders under their base paths,
 * gzips text, applies the response headers the site ships in `_headers`, and answers 404 with the
 * site's 404 page when it has one. Loopback only; used by the browser tests.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.csv',
]);

/** Headers for every path, from a Netlify/Cloudflare-style `_headers` file (only the `/*` block). */
export function readHeadersFile(dir: string): Record<string, string> {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (inAll && m) headers[m[1]!] = m[2]!.trim();
  }
  return headers;
}

export interface StaticSite {
  readonly base: string;
  readonly dir: string;
}

export async function startStaticServer(
  sites: readonly StaticSite[],
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const site = sites.find((s) => url.pathname.startsWith(s.base));
    if (!site) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    for (const [k, v] of Object.entries(readHeadersFile(site.dir))) res.setHeader(k, v);
    let rel = decodeURIComponent(url.pathname.slice(site.base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    let file = normalize(join(site.dir, rel));
    let status = 200;
    if (!file.startsWith(site.dir) || !existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = join(site.dir, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
    }
    const ext = extname(file);
    res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
    const gzip =
      COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.writeHead(status);
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}
