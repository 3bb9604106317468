// The page as a user gets it: it loads, the app replaces the loading state and draws a
// chart, nothing errors or leaves the origin or trips the CSP; the same under a sub-path;
// and after one visit the service worker serves it offline.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HOST_FILES } from '../scripts/headers.mjs';
import { startServer } from '../scripts/serve.mjs';
import {
  assertClean,
  cachedUrls,
  DIST,
  distFiles,
  launchBrowser,
  openApp,
  setOffline,
  startDistServer,
  waitForApp,
  waitForChart,
  waitForServiceWorker,
} from './harness.mjs';

const TITLE = 'codefit — which coding model fits your machine';
const SUB_PATH = '/some/sub/path/';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Loads the app at `url` in a fresh context and checks what every visit must show. */
async function loadsCleanly(server, path = '') {
  const context = await browser.newContext();
  try {
    const page = await openApp(context, server.url(path));
    assert.equal(await page.title(), TITLE);
    await waitForApp(page);
    const charts = await waitForChart(page);
    assert.ok(charts >= 1, 'no drawn .chart canvas');
    await assertClean(page);
  } finally {
    await context.close();
  }
}

describe('at the domain root', () => {
  let server;
  before(async () => {
    server = await startDistServer();
  });
  after(async () => {
    await server?.close();
  });

  test('serves the page shell with the loading state and no-cache', async () => {
    const response = await fetch(server.url(), { headers: { 'accept-encoding': 'br' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    const html = await response.text();
    assert.match(html, /<main id="app"><p id="loading" role="status">Loading codefit…<\/p><\/main>/);
    assert.match(html, /<html lang="en">/);
  });

  test('loads, replaces the loading state, draws a chart, and is clean', async () => {
    await loadsCleanly(server);
  });

  test('hovering across a chart (tooltips) stays clean under the CSP', async () => {
    const context = await browser.newContext();
    try {
      const page = await openApp(context, server.url());
      await waitForApp(page);
      await waitForChart(page);
      const box = await page.locator('.chart canvas').first().boundingBox();
      assert.ok(box, 'chart canvas has no box');
      for (let i = 1; i < 20; i++) {
        await page.mouse.move(box.x + (box.width * i) / 20, box.y + box.height / 2);
        await page.waitForTimeout(25);
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe(`under the sub-path ${SUB_PATH}`, () => {
  let server;
  before(async () => {
    server = await startDistServer({ base: SUB_PATH });
  });
  after(async () => {
    await server?.close();
  });

  test('loads, draws a chart, and never requests outside the sub-path', async () => {
    const context = await browser.newContext();
    try {
      const paths = [];
      context.on('request', (request) => paths.push(new URL(request.url()).pathname));
      const page = await openApp(context, server.url('?ctx=32k'));
      assert.equal(await page.title(), TITLE);
      await waitForApp(page);
      assert.ok((await waitForChart(page)) >= 1);
      await assertClean(page);
      const outside = paths.filter((p) => !p.startsWith(SUB_PATH));
      assert.deepEqual(outside, [], 'requests outside the sub-path');
    } finally {
      await context.close();
    }
  });
});

describe('service worker', () => {
  let server;
  before(async () => {
    server = await startDistServer({ base: SUB_PATH });
  });
  after(async () => {
    await server?.close();
  });

  test('registers, controls the page and precaches every file of the build', async () => {
    const context = await browser.newContext();
    try {
      const page = await openApp(context, server.url());
      await waitForServiceWorker(page);
      const caches = await cachedUrls(page);
      const names = Object.keys(caches);
      assert.ok(names.length > 0, 'no caches');
      assert.equal(names.length, 1, `one cache per version: ${names.join(', ')}`);
      const cached = new Set(caches[names[0]].map((u) => new URL(u).pathname));
      assert.ok(cached.has(`${SUB_PATH}index.html`), 'index.html is not precached');
      for (const file of distFiles().filter((f) => f !== 'sw.js' && !HOST_FILES.includes(f))) {
        assert.ok(cached.has(SUB_PATH + file), `${file} is not precached`);
      }
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('after one visit the page works offline, with another query string', async () => {
    const context = await browser.newContext();
    try {
      const first = await openApp(context, server.url());
      await waitForServiceWorker(first);
      await waitForApp(first);
      await assertClean(first);
      await first.close();

      await setOffline(context, true);
      const page = await openApp(context, server.url('?ctx=32k'));
      assert.ok(page.url().endsWith('?ctx=32k'));
      assert.equal(await page.title(), TITLE);
      await waitForApp(page);
      assert.ok((await waitForChart(page)) >= 1, 'no chart drawn offline');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('service worker updates', () => {
  let dir;
  let server;
  before(async () => {
    // A private copy of dist/ that the test can "redeploy".
    dir = mkdtempSync(join(tmpdir(), 'codefit-deploy-'));
    cpSync(DIST, dir, { recursive: true });
    server = await startServer({ root: dir, base: SUB_PATH, port: 0 });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Asks the browser to check for a new sw.js and waits until that attempt has settled. */
  async function checkForUpdate(page) {
    return page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      try {
        await registration.update();
      } catch {
        // An install that fails is reported on the worker, not always here.
      }
      const worker = registration.installing ?? registration.waiting;
      if (worker) {
        await new Promise((resolve) => {
          const done = () => ['activated', 'redundant'].includes(worker.state) && resolve();
          worker.addEventListener('statechange', done);
          done();
        });
      }
      return navigator.serviceWorker.controller?.scriptURL;
    });
  }

  test('a mixed deploy never activates; a complete one replaces the old cache', async () => {
    const context = await browser.newContext();
    try {
      const page = await openApp(context, server.url());
      await waitForServiceWorker(page);
      const [oldCache] = Object.keys(await cachedUrls(page));
      assert.ok(oldCache);

      // Deploy a new sw.js whose list does not match a file on the server (a half-finished
      // upload): its install must fail and the old version must stay, untouched.
      const swPath = join(dir, 'sw.js');
      const sw = readFileSync(swPath, 'utf8');
      const oldVersion = /"version": "([0-9a-f]{16})"/.exec(sw)[1];
      const nextSw = sw.replace(`"version": "${oldVersion}"`, '"version": "0123456789abcdef"');
      const manifestPath = join(dir, 'manifest.webmanifest');
      const manifest = readFileSync(manifestPath, 'utf8');
      writeFileSync(manifestPath, manifest.replace('"codefit"', '"codefit (changed)"'));
      writeFileSync(swPath, nextSw);
      await checkForUpdate(page);
      assert.deepEqual(Object.keys(await cachedUrls(page)), [oldCache], 'a mixed version was cached');

      // Finish the deploy consistently: now the new version installs, activates, and the
      // old cache is gone.
      writeFileSync(manifestPath, manifest);
      writeFileSync(swPath, nextSw.replace('"0123456789abcdef"', '"fedcba9876543210"'));
      await checkForUpdate(page);
      await page.waitForFunction(async () => {
        const names = await caches.keys();
        return names.length === 1 && names[0].endsWith(':fedcba9876543210');
      }, undefined, { timeout: 10_000 });
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});
