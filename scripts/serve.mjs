#!/usr/bin/env node
// A small static server for dist/, with no dependencies. Used by scripts/serve.sh and by the
// e2e harness (imported as a module). It behaves like a well-configured static host:
// - correct MIME types (application/wasm for instantiateStreaming, manifest, svg, ...);
// - brotli or gzip Content-Encoding when the client accepts it (compressed on the fly with
//   node:zlib at maximum quality, kept in memory per file version);
// - exactly the headers of the table in scripts/headers.mjs, the one post-build.mjs writes
//   into dist/_headers for Netlify / Cloudflare Pages: Cache-Control `no-cache` for
//   index.html, sw.js and other unhashed files (always revalidated, so a deploy is seen at
//   once), `immutable` for content-hashed file names, the CSP and the security headers on
//   every response; `_headers` itself is not served (those hosts do not serve it either);
// - ETag / If-None-Match revalidation;
// - optional `--base /some/sub/path/`: dist/ is served under that path only, as it would be
//   on a host that puts the app in a sub-directory;
// - optional `--mount /other/=DIR` (repeatable): another directory served by the same process
//   under its own path, with the same rules (the benchmark serves a peer page this way, so
//   both pages get the same server). The longest matching path wins.
//
// CLI: node scripts/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080] [--base /]
//                             [--mount /path/=DIR ...] [--quiet]
// Module: const server = await startServer({ root, base, host, port: 0 }); server.url('?x=1');
//         startServer({ root, mounts: [{ base: '/peer/', root: dir }] }); server.urlOf('/peer/')
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { commonHeaders, headersFor, HOST_FILES } from './headers.mjs';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Types worth compressing (images other than SVG and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.webmanifest', '.svg', '.txt']);

/** Compressed bodies, keyed by file path + size + mtime + encoding (shared by servers in a process). */
const compressedCache = new Map();

async function compressed(file, info, body, encoding) {
  const key = `${file}\0${info.size}\0${info.mtimeMs}\0${encoding}`;
  let entry = compressedCache.get(key);
  if (!entry) {
    entry =
      encoding === 'br'
        ? brotli(body, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
              [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipAsync(body, { level: 9 });
    compressedCache.set(key, entry);
  }
  return entry;
}

/** The best encoding the client accepts: br, then gzip, else identity. */
function pickEncoding(acceptEncoding = '') {
  const accepted = new Map();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

function normaliseBase(base = '/') {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/**
 * Creates (does not start) the HTTP server.
 * @param {{ root: string, base?: string, mounts?: { base: string, root: string }[],
 *   log?: (line: string) => void }} options
 */
export function createServer({ root, base = '/', mounts = [], log = () => {} }) {
  const basePath = normaliseBase(base);
  // The app and any other mounted directories, longest path first.
  const sites = [{ basePath, rootDir: resolve(root) }, ...mounts.map((m) => ({ basePath: normaliseBase(m.base), rootDir: resolve(m.root) }))]
    .sort((a, b) => b.basePath.length - a.basePath.length);
  if (new Set(sites.map((s) => s.basePath)).size !== sites.length) throw new Error('serve: two directories mounted at the same path');

  return createHttpServer(async (req, res) => {
    const send = (status, headers = {}, body) => {
      res.writeHead(status, { ...commonHeaders(), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`${status} ${req.method} ${req.url}`);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
      }
      const url = new URL(req.url, 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(400, { 'Content-Type': 'text/plain' }, 'bad request\n');
      }
      // A directory without its trailing slash, or the domain root when the app is
      // elsewhere: redirect to it, keeping the query string.
      const dirOf = sites.find((s) => `${pathname}/` === s.basePath);
      if (dirOf || (pathname === '/' && !sites.some((s) => s.basePath === '/'))) {
        return send(302, { Location: (dirOf?.basePath ?? basePath) + url.search, 'Content-Type': 'text/plain' }, 'moved\n');
      }
      const site = sites.find((s) => pathname.startsWith(s.basePath));
      if (!site || pathname.includes('\0')) {
        return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
      }
      const rootDir = site.rootDir;
      let relativePath = pathname.slice(site.basePath.length);
      if (relativePath === '' || relativePath.endsWith('/')) relativePath += 'index.html';
      const file = resolve(rootDir, ...relativePath.split('/'));
      if (!file.startsWith(rootDir + sep) || HOST_FILES.includes(relativePath)) {
        return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
      }
      let info;
      try {
        info = await stat(file);
      } catch {
        return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
      }
      if (!info.isFile()) return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');

      const ext = extname(file).toLowerCase();
      const type = MIME_TYPES[ext] ?? 'application/octet-stream';
      const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : 'identity';
      const tag = createHash('sha1').update(`${info.size}-${info.mtimeMs}`).digest('base64url').slice(0, 16);
      const etag = `"${tag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
      const headers = {
        'Content-Type': type,
        ...headersFor(relativePath),
        ETag: etag,
        'Last-Modified': info.mtime.toUTCString(),
      };
      if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return send(304, headers);
      }
      let body = await readFile(file);
      if (encoding !== 'identity') {
        body = await compressed(file, info, body, encoding);
        headers['Content-Encoding'] = encoding;
      }
      headers['Content-Length'] = body.length;
      return send(200, headers, body);
    } catch (error) {
      if (!res.headersSent) send(500, { 'Content-Type': 'text/plain' }, 'internal error\n');
      else res.destroy();
      log(`error: ${error.stack ?? error}`);
    }
  });
}

/**
 * Starts a server and resolves when it listens.
 * @returns {Promise<{ server: import('node:http').Server, origin: string, base: string,
 *   url: (path?: string) => string, close: () => Promise<void> }>}
 */
export async function startServer({ root, base = '/', mounts = [], host = '127.0.0.1', port = 0, log } = {}) {
  const basePath = normaliseBase(base);
  const server = createServer({ root, base: basePath, mounts, log });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  const origin = `http://${host}:${address.port}`;
  return {
    server,
    origin,
    base: basePath,
    /** Absolute URL of `path` relative to the app's base (`''`, `'?ctx=32k'`, `'sw.js'`). */
    url: (path = '') => new URL(path, origin + basePath).href,
    /** Absolute URL of `path` relative to another mounted directory's path. */
    urlOf: (mountBase, path = '') => new URL(path, origin + normaliseBase(mountBase)).href,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

function parseArgs(argv) {
  const defaults = fileURLToPath(new URL('../dist', import.meta.url));
  const options = { root: defaults, host: '127.0.0.1', port: 8080, base: '/', mounts: [], quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--dir') options.root = resolve(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--base') options.base = value();
    else if (arg === '--mount') {
      const m = /^([^=]+)=(.+)$/.exec(value());
      if (!m) throw new Error('--mount needs /path/=DIR');
      options.mounts.push({ base: m[1], root: resolve(m[2]) });
    } else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080] [--base /sub/path/] [--mount /path/=DIR ...] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be an integer 0..65535');
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  const server = await startServer({
    root: options.root,
    base: options.base,
    mounts: options.mounts,
    host: options.host,
    port: options.port,
    log: options.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`serving ${options.root} at ${server.url()}  (Ctrl-C to stop)`);
  for (const m of options.mounts) console.log(`serving ${m.root} at ${server.urlOf(m.base)}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
