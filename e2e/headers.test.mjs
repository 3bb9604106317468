// The built site as a host serves it under a sub-path (as GitHub Pages does, `/<repo>/`):
// the headers of the one table in scripts/headers.mjs, sent by scripts/serve.mjs and written
// into dist/_headers for Netlify / Cloudflare Pages, agree file by file; hashed files are
// immutable, the rest revalidated, the wasm typed, the CSP on every response; and the page
// boots there and shows its build and data date in the footer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CSP,
  HASHED_NAME,
  HEADER_NAMES,
  HOST_FILES,
  headersFile,
  headersFor,
  IMMUTABLE,
  parseHeadersFile,
  REVALIDATE,
} from '../scripts/headers.mjs';
import { assertClean, DIST, distFiles, launchBrowser, openApp, ROOT, startDistServer, waitForApp } from './harness.mjs';

const BASE = '/codefit/';
const siteFiles = () => distFiles().filter((f) => !HOST_FILES.includes(f));
const headersText = () => readFileSync(join(DIST, '_headers'), 'utf8');

/**
 * The headers of a response that the table is about, by the table's spelling of each name:
 * every name some rule sets, except a Content-Type the table leaves to the host's MIME types.
 */
function tableHeaders(response, expected) {
  const out = {};
  for (const name of HEADER_NAMES) {
    if (name === 'Content-Type' && !(name in expected)) continue;
    const value = response.headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

let server;
before(async () => {
  server = await startDistServer({ base: BASE });
});
after(async () => {
  await server?.close();
});

describe(`headers under the sub-path ${BASE}`, () => {
  test('dist/_headers is the table applied to the files of this build', () => {
    assert.equal(headersText(), headersFile(distFiles()), 'dist/_headers is stale: run ./scripts/build.sh');
    const { rules } = parseHeadersFile(headersText());
    const paths = rules.map((r) => r.path);
    assert.deepEqual(paths.slice(0, 2), ['/*', '/']);
    assert.deepEqual(paths.slice(2).sort(), siteFiles().map((f) => `/${f}`).sort(), 'one block per file of the site');
  });

  test('the server sends exactly what dist/_headers says, file by file', async () => {
    const { lookup } = parseHeadersFile(headersText());
    const checked = [['', '/'], ...siteFiles().map((f) => [f, `/${f}`])];
    for (const [path, headersPath] of checked) {
      const response = await fetch(server.url(path), { headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(response.status, 200, path);
      const expected = lookup(headersPath);
      assert.deepEqual(tableHeaders(response, expected), expected, `${path || '(directory)'}: server vs _headers`);
      assert.deepEqual(expected, headersFor(path || 'index.html'), `${path || '(directory)'}: _headers vs the table`);
      await response.arrayBuffer();
    }
  });

  test('hashed files are immutable; index.html, sw.js and the manifest are revalidated', async () => {
    const get = async (path) => {
      const response = await fetch(server.url(path));
      await response.arrayBuffer();
      return response.headers;
    };
    const hashed = siteFiles().filter((f) => HASHED_NAME.test(f));
    for (const pattern of [/^codefit-[0-9a-f]+\.js$/, /_bg\.wasm$/, /^echarts\.min-/, /^loader-/, /\.css$/]) {
      assert.ok(hashed.some((f) => pattern.test(f)), `no hashed file matches ${pattern}`);
    }
    for (const file of hashed) assert.equal((await get(file)).get('cache-control'), IMMUTABLE, file);
    for (const file of ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'icon.svg']) {
      assert.equal((await get(file)).get('cache-control'), REVALIDATE, file || '(directory)');
    }
    assert.equal(REVALIDATE, 'no-cache');
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
  });

  test('the wasm is application/wasm; the CSP and nosniff are on every response, errors too', async () => {
    const wasm = siteFiles().find((f) => f.endsWith('_bg.wasm'));
    const response = await fetch(server.url(wasm), { headers: { 'accept-encoding': 'br' } });
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.equal(response.headers.get('content-encoding'), 'br');
    await response.arrayBuffer();

    const missing = await fetch(server.url('no-such-file.js'));
    assert.equal(missing.status, 404);
    for (const r of [response, missing]) {
      const csp = r.headers.get('content-security-policy');
      assert.ok(csp, 'no Content-Security-Policy header');
      assert.ok(csp.startsWith(CSP), 'the header CSP is not the page CSP');
      assert.match(csp, /(^|; )frame-ancestors 'none'$/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    }
    await missing.arrayBuffer();
    // The <meta> CSP in index.html is the same policy (GitHub Pages sends no CSP header).
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`));
  });

  test('_headers is neither served nor precached', async () => {
    const response = await fetch(server.url('_headers'));
    assert.equal(response.status, 404);
    await response.arrayBuffer();
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    assert.doesNotMatch(sw, /"url": "_headers"/);
  });

  test('the page boots there: headline visible, build and data date in the footer, clean', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const page = await openApp(context, server.url());
      await waitForApp(page);
      await page.locator('#headline').waitFor({ state: 'visible' });
      assert.ok((await page.locator('#headline').innerText()).trim().length > 20, 'empty headline');
      assert.ok(new URL(page.url()).pathname.startsWith(BASE));

      const version = /^version = "([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
      const info = (await page.locator('footer #build-info').innerText()).trim();
      const m = /^codefit (\S+) \(commit ([0-9a-f]{7,40}|unknown)\) · data as of (\d{4}-\d{2}-\d{2})$/.exec(info);
      assert.ok(m, `footer build line: ${info}`);
      assert.equal(m[1], version);
      if (m[2] !== 'unknown') {
        // A commit of this repository (the build may be older than HEAD).
        execFileSync('git', ['-C', ROOT, 'cat-file', '-e', `${m[2]}^{commit}`]);
      }
      // The data date is the dataset's newest date, the one the data-date control offers.
      const newest = await page.locator('#data-mode option[value="newest"]').innerText();
      assert.equal(newest, `Newest (${m[3]})`);
      await assertClean(page);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
