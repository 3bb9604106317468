// Shared helpers for the browser tests (node --test e2e/): a static server for dist/, a
// headless Chromium from Debian, and a page wrapper that records everything that would
// make a page "not clean": console errors, uncaught page errors, requests to any origin
// other than our server, failed requests and HTTP errors, and Content-Security-Policy
// violations.
//
// Typical use:
//   const server = await startDistServer({ base: '/some/sub/path/' });
//   const browser = await launchBrowser();
//   const context = await browser.newContext();
//   const page = await openApp(context, server.url('?ctx=32k'));
//   await waitForApp(page);
//   await assertClean(page);
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long to wait for the app to mount and draw (release build on a slow CI core). */
export const APP_TIMEOUT_MS = Number(process.env.E2E_APP_TIMEOUT_MS ?? 20_000);

/** Serves dist/ on a free 127.0.0.1 port, optionally under a sub-path. */
export async function startDistServer({ base = '/' } = {}) {
  assert.ok(
    existsSync(join(DIST, 'index.html')),
    `${DIST}/index.html is missing: run ./scripts/build.sh (trunk build --release --offline) first`,
  );
  return startServer({ root: DIST, base, host: '127.0.0.1', port: 0 });
}

/** Every file of the build, as POSIX paths relative to dist/. */
export function distFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(DIST, full).split(sep).join('/'));
    }
  };
  walk(DIST);
  return out.sort();
}

/** Headless Debian Chromium through playwright-core (no browser download); `args` are added. */
export async function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
}

/** Per-page records, filled by the listeners openApp installs. */
const records = new WeakMap();
/** Contexts whose request listeners are installed (requests from service workers included). */
const watchedContexts = new WeakMap();

function isNetworkUrl(url) {
  return url.startsWith('http:') || url.startsWith('https:') || url.startsWith('ws:') || url.startsWith('wss:');
}

function watchContext(context, origin) {
  let record = watchedContexts.get(context);
  if (record) return record;
  record = { origin, foreignRequests: [], failedRequests: [], httpErrors: [], offline: false };
  watchedContexts.set(context, record);
  context.on('request', (request) => {
    const url = request.url();
    if (isNetworkUrl(url) && new URL(url).origin !== record.origin) record.foreignRequests.push(url);
  });
  context.on('requestfailed', (request) => {
    // Requests that fail because the test took the context offline are expected.
    if (record.offline) return;
    record.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) record.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  return record;
}

/** Takes the context off the network (and tells the recorder that failures are expected). */
export async function setOffline(context, offline) {
  const record = watchedContexts.get(context);
  if (record) record.offline = offline;
  await context.setOffline(offline);
}

/**
 * Opens `url` (absolute, on the test server) in a new page of `context` and records
 * console errors, page errors, foreign/failed requests and CSP violations for assertClean.
 */
export async function openApp(context, url, { waitUntil = 'load' } = {}) {
  const origin = new URL(url).origin;
  const contextRecord = watchContext(context, origin);
  const page = await context.newPage();
  const record = { consoleErrors: [], pageErrors: [], context: contextRecord };
  records.set(page, record);
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      record.consoleErrors.push(`${message.text()} (${where.url}:${where.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(String(error.stack ?? error)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push({
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        sample: event.sample,
      });
    });
  });
  const response = await page.goto(url, { waitUntil });
  record.response = response;
  return page;
}

/** Waits until the Rust app has mounted (its root sets data-ready="true") in #app. */
export async function waitForApp(page, { timeout = APP_TIMEOUT_MS } = {}) {
  await page.waitForSelector('#app [data-ready="true"]', { state: 'attached', timeout });
  assert.equal(await page.locator('#loading').count(), 0, 'the loading state is still shown');
}

/**
 * Waits until at least one `.chart canvas` has been drawn: its pixels are not all the same.
 * Returns how many chart canvases were drawn.
 */
export async function waitForChart(page, { timeout = APP_TIMEOUT_MS } = {}) {
  const handle = await page.waitForFunction(
    () => {
      const drawn = [...document.querySelectorAll('.chart canvas')].filter((canvas) => {
        if (canvas.width === 0 || canvas.height === 0) return false;
        const ctx = canvas.getContext('2d');
        if (!ctx) return false;
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const [r, g, b, a] = data;
        for (let i = 4; i < data.length; i += 4) {
          if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b || data[i + 3] !== a) return true;
        }
        return false;
      });
      return drawn.length > 0 ? drawn.length : false;
    },
    undefined,
    { timeout, polling: 100 },
  );
  return handle.jsonValue();
}

/** Everything openApp recorded for `page` so far (CSP violations read from the page). */
export async function pageReport(page) {
  const record = records.get(page);
  assert.ok(record, 'pageReport: page was not opened with openApp');
  const cspViolations = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []);
  return {
    consoleErrors: record.consoleErrors,
    pageErrors: record.pageErrors,
    foreignRequests: record.context.foreignRequests,
    failedRequests: record.context.failedRequests,
    httpErrors: record.context.httpErrors,
    cspViolations,
  };
}

/** Fails the test if the page logged errors, threw, went off-origin, failed a request or hit the CSP. */
export async function assertClean(page) {
  const report = await pageReport(page);
  const problems = Object.entries(report).filter(([, list]) => list.length > 0);
  assert.deepEqual(
    Object.fromEntries(problems),
    {},
    `the page is not clean:\n${JSON.stringify(Object.fromEntries(problems), null, 2)}`,
  );
}

/** Waits until a service worker controls the page (first visit: after clients.claim()). */
export async function waitForServiceWorker(page, { timeout = APP_TIMEOUT_MS } = {}) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
}

/** Cache name -> list of cached URLs, from the page's CacheStorage. */
export async function cachedUrls(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => request.url);
    }
    return out;
  });
}

/** Retries `check` (which throws while not yet true) until it passes or `timeout` ms pass. */
export async function eventually(check, { timeout = 5_000, interval = 40 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * A `withApp(path, fn, options)` for a test file: opens the app at `path` in a fresh context
 * of `getBrowser()`, served by `getServer()`, runs `fn(page, context)`, checks the page stayed
 * clean, and always closes the context.
 */
export function appRunner(getBrowser, getServer) {
  return async function withApp(path, fn, { viewport = { width: 1280, height: 900 }, ...options } = {}) {
    const context = await getBrowser().newContext({ viewport, ...options });
    try {
      const page = await openApp(context, getServer().url(path));
      await waitForApp(page);
      await fn(page, context);
      await assertClean(page);
    } finally {
      await context.close();
    }
  };
}

/** The page never scrolls sideways (only a table wrapper may). */
export async function assertNoSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
}
