// The one table of HTTP response headers for the built site. Three things read it:
// - scripts/post-build.mjs writes it into the build as `_headers` (the file Netlify and
//   Cloudflare Pages read; neither serves it as a page) and puts the CSP into index.html's
//   <meta http-equiv>;
// - scripts/serve.mjs sends exactly these headers (local serving and the e2e suite);
// - e2e/headers.test.mjs checks that the server and dist/_headers agree with it.
// GitHub Pages reads no header file: there the page relies on its <meta> CSP and the
// service worker; see README.md, "Deploying".
//
// A rule names the files it applies to (paths relative to the site root, `index.html` for the
// directory URL) and the headers it sets. No two rules may set the same header on one file:
// hosts join such values with a comma (`no-cache, public, max-age=...`), which would be wrong.

/** Trunk's content-hashed names: `name-<hex>.ext`, `name-<hex>_bg.wasm` (16 hex digits, fewer
 * when the hash starts with zeros: Trunk drops them). The service worker template has the
 * same pattern (public/sw.template.js). */
export const HASHED_NAME = /-[0-9a-f]{12,16}(?:_bg)?\.[a-z0-9]+$/;

/** Files of the build that are for the host, not for the browser: never precached, never served. */
export const HOST_FILES = ['_headers'];

/**
 * The page's Content-Security-Policy (also the `<meta http-equiv>` in index.html). Notes on
 * each choice:
 * - script-src 'wasm-unsafe-eval': needed to compile the wasm module; it does NOT allow
 *   eval() or new Function() of JS.
 * - style-src 'self' (stylesheets and <style> elements: files only) with
 *   style-src-attr 'unsafe-inline' (style ATTRIBUTES only). Measured in headless Chromium:
 *   ECharts/zrender size and place their own DOM through the CSSOM (`el.style.x = ...`,
 *   `style.cssText = ...`), which CSP does not restrict, so charts draw under plain
 *   style-src 'self'. But ECharts' default HTML tooltip fills its box with innerHTML full of
 *   `style="..."` attributes (series colour markers, layout); under style-src 'self' each
 *   hover logs dozens of violations and the tooltip loses its styling. charming 0.6 has no
 *   `tooltip.renderMode` ('richText' would draw tooltips on the canvas instead). Allowing
 *   style attributes, and nothing else inline, is the strictest policy that keeps default
 *   tooltips (and Leptos `style="..."` attributes) working: a style attribute cannot run
 *   script, whatever it could load is still limited by img-src/font-src, and `<style>`
 *   elements (the CSS-injection vector for attribute-selector exfiltration) stay blocked.
 *   Browsers without CSP3 `-attr` support fall back to style-src 'self' (tooltips
 *   unstyled, nothing else breaks). If the UI ever stops needing style attributes, delete
 *   the style-src-attr line.
 * - img-src data: blob: for chart image export (getDataURL) and downloads.
 * - frame-ancestors cannot be set from a <meta> element (browsers ignore it there and log an
 *   error): it is only in the header below.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** @type {{ what: string, files: '*' | ((file: string) => boolean), headers: Record<string, string> }[]} */
export const RULES = [
  {
    what: 'every response: the CSP (with frame-ancestors, which a <meta> cannot carry) and the security headers',
    files: '*',
    headers: {
      'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  {
    what: 'content-hashed files (JS, CSS, wasm): a new build has new names',
    files: (file) => HASHED_NAME.test(file),
    headers: { 'Cache-Control': IMMUTABLE },
  },
  {
    what: 'every other file (index.html, sw.js, manifest.webmanifest, icons): revalidated, so a deploy is seen at once',
    files: (file) => !HASHED_NAME.test(file),
    headers: { 'Cache-Control': REVALIDATE },
  },
  {
    what: 'WebAssembly, for WebAssembly.instantiateStreaming',
    files: (file) => file.endsWith('.wasm'),
    headers: { 'Content-Type': 'application/wasm' },
  },
];

/** Every header name some rule sets. */
export const HEADER_NAMES = [...new Set(RULES.flatMap((rule) => Object.keys(rule.headers)))];

function merge(rules, where) {
  const out = {};
  for (const rule of rules) {
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name in out) throw new Error(`headers.mjs: two rules set ${name} on ${where}`);
      out[name] = value;
    }
  }
  return out;
}

/** The headers of every response, whatever it is (errors and redirects included). */
export function commonHeaders() {
  return merge(
    RULES.filter((rule) => rule.files === '*'),
    'every response',
  );
}

/** The headers of `file` (a path relative to the site root; `index.html` for the directory URL). */
export function headersFor(file) {
  return merge(
    RULES.filter((rule) => rule.files === '*' || rule.files(file)),
    file,
  );
}

/**
 * The `_headers` file (Netlify / Cloudflare Pages syntax) for a build made of `files`: one
 * `/*` block with the headers of every response, then one block per file (and `/` for the
 * directory index) with the rest. Files are listed by name, not by pattern: the hosts' path
 * patterns differ (a `*` inside a name is not portable) and the names are known at build time.
 */
export function headersFile(files) {
  const block = (path, headers) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const blocks = [block('/*', commonHeaders())];
  const specific = (file) =>
    merge(
      RULES.filter((rule) => rule.files !== '*' && rule.files(file)),
      file,
    );
  const site = files.filter((f) => !HOST_FILES.includes(f)).sort();
  if (site.includes('index.html')) blocks.push(block('/', specific('index.html')));
  for (const file of site) {
    const headers = specific(file);
    if (Object.keys(headers).length > 0) blocks.push(block(`/${file}`, headers));
  }
  return [
    '# Generated by scripts/post-build.mjs from scripts/headers.mjs: do not edit.',
    '# Netlify and Cloudflare Pages read this file; paths are from the site root.',
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}

/**
 * Parses a `_headers` file (the subset headersFile writes: `/*` and exact paths) into
 * `[{ path, headers }]`, and returns the headers a request for `path` gets from it.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m || rules.length === 0) throw new Error(`_headers line ${i + 1}: cannot parse ${JSON.stringify(line)}`);
    rules.at(-1).headers[m[1]] = m[2];
  }
  const lookup = (path) =>
    merge(
      rules.filter((rule) => rule.path === '/*' || rule.path === path),
      path,
    );
  return { rules, lookup };
}
