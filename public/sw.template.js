// codefit's service worker: makes the page work offline after one visit.
//
// This file is a TEMPLATE. scripts/post-build.mjs (Trunk's post_build hook) fills in BUILD
// below with the list of every file in the build (their hashed names read from Trunk's
// staging directory) and each file's SHA-256, and writes the result to dist/sw.js.
// The cache version is a hash of those names and contents and of this template, so any
// change to the app or to this worker gives a new version, and a byte-different sw.js.
//
// Lifecycle, and why versions never mix:
// - install: fetch every file of this build (bypassing the HTTP cache), check each body
//   against its SHA-256 from the build, and only when ALL of them match put them into this
//   version's cache. If any fetch fails or any body belongs to another deploy (the site was
//   updated in between), install fails and the browser retries on a later visit; a
//   half-filled or mixed cache is never activated.
// - skipWaiting: a new version activates as soon as it is installed instead of waiting for
//   every tab to close. This is safe here because the page loads everything it will ever
//   need at start-up (one wasm module, its JS glue, one ECharts bundle, one stylesheet:
//   no lazy chunks), and every one of those file names carries a content hash. A tab that
//   was started by the old version therefore never asks for an old asset after the switch,
//   and the next navigation gets the new index.html together with the new assets from the
//   same, complete cache. Without skipWaiting users would keep seeing the old data until
//   they closed every codefit tab, which for a reference page is the worse trade.
// - activate: delete every cache of this app (same origin AND same scope) that is not this
//   version, then claim the open pages so the first visit is already offline-capable.
//   Caches of other apps, or of codefit deployed under another sub-path of the same
//   origin, are left alone.
// - fetch: navigations to the page itself, with any query string (the whole app state is in
//   the query), get this version's cached index.html (cache first, network as fallback).
//   Requests for precached files are answered from this version's cache (cache first,
//   network as fallback). Everything else goes to the network untouched.

/* BUILD:BEGIN */
const BUILD = { version: 'template', files: [] };
/* BUILD:END */

const SCOPE = new URL('./', self.location.href);
const CACHE_PREFIX = `codefit:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + BUILD.version;
const INDEX_URL = new URL('index.html', SCOPE).href;
/** Absolute URL (no query, no fragment) -> expected SHA-256 (hex) of the body. */
const PRECACHE = new Map(BUILD.files.map((f) => [new URL(f.url, SCOPE).href, f.sha256]));

/** Response headers worth keeping in the cache (the body is stored decoded). */
const KEPT_HEADERS = ['content-type', 'last-modified', 'etag'];

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Trunk's content-hashed names (Trunk drops leading zeros, so 12–16 hex digits). */
const HASHED = /-[0-9a-f]{12,16}(?:_bg)?\.[a-z0-9]+$/;

async function fetchVerified(url, sha256) {
  // Unhashed files (index.html, the manifest, icons) skip the HTTP cache: a stale copy from
  // an earlier deploy must not end up next to this deploy's assets. Hashed files may come
  // from the HTTP cache the page just filled (their name is their content, and the SHA-256
  // check below catches anything else), so a first visit does not download them twice.
  const mode = HASHED.test(new URL(url).pathname) ? 'default' : 'reload';
  const response = await fetch(url, { cache: mode, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`codefit sw: precaching ${url} failed: HTTP ${response.status}`);
  }
  const body = await response.arrayBuffer();
  const actual = hex(await crypto.subtle.digest('SHA-256', body));
  if (actual !== sha256) {
    throw new Error(`codefit sw: ${url} is not the file of build ${BUILD.version}`);
  }
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(body, { status: 200, statusText: 'OK', headers });
}

async function precache() {
  // Fetch and verify everything first; write only when the whole set is good.
  const entries = await Promise.all(
    [...PRECACHE].map(async ([url, sha256]) => [url, await fetchVerified(url, sha256)]),
  );
  const cache = await caches.open(CACHE);
  await Promise.all(entries.map(([url, response]) => cache.put(url, response)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

async function cacheFirst(key, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = url.origin + url.pathname;

  if (request.mode === 'navigate') {
    // The app is one page; its state lives in the query string.
    if (url.pathname === SCOPE.pathname || key === INDEX_URL) {
      event.respondWith(cacheFirst(INDEX_URL, request));
    }
    return;
  }
  if (PRECACHE.has(key)) {
    event.respondWith(cacheFirst(key, request));
  }
});
