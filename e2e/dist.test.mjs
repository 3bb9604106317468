// Static checks of the built dist/ (no browser): the page shell has no inline script, only
// relative URLs that name files of the build, a strict CSP, and a service worker whose
// precache list is exactly the build.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import { HOST_FILES } from '../scripts/headers.mjs';
import { DIST, distFiles } from './harness.mjs';

const read = (name) => readFileSync(join(DIST, name), 'utf8');

describe('dist/', () => {
  test('index.html exists (trunk build --release ran)', () => {
    assert.ok(existsSync(join(DIST, 'index.html')), 'run ./scripts/build.sh first');
  });

  test('index.html has no inline script and no inline event handlers', () => {
    const html = read('index.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length >= 3, 'expected the boot, echarts and loader scripts');
    for (const [whole, attrs, body] of scripts) {
      assert.match(attrs, /\ssrc=/, `inline script: ${whole.slice(0, 200)}`);
      assert.equal(body.trim(), '', `script with src has a body: ${whole.slice(0, 200)}`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handler attribute');
    assert.doesNotMatch(html, /<style\b/i, 'inline <style> element');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'inline style attribute');
  });

  test('every src/href in index.html is relative and names a file of the build', () => {
    const html = read('index.html');
    const files = new Set(distFiles());
    const urls = [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    assert.ok(urls.length > 0);
    for (const url of urls) {
      assert.match(url, /^\.\/[^/]/, `not a ./relative URL: ${url}`);
      assert.ok(files.has(url.slice(2)), `${url} is not in dist/`);
    }
  });

  test('the module loader is a hashed file that loads the wasm relative to itself', () => {
    const html = read('index.html');
    const m = /<script type="module" src="\.\/(loader-[0-9a-f]{16}\.js)" integrity="sha384-([^"]+)"><\/script>/.exec(html);
    assert.ok(m, 'no <script type="module" src="./loader-<hash>.js" integrity=...>');
    const code = readFileSync(join(DIST, m[1]));
    assert.equal(createHash('sha384').update(code).digest('base64'), m[2], 'loader integrity');
    const text = code.toString();
    assert.match(text, /from '\.\/codefit-[0-9a-f]{12,16}\.js'/);
    assert.match(text, /new URL\('\.\/codefit-[0-9a-f]{12,16}_bg\.wasm', import\.meta\.url\)/);
    assert.doesNotMatch(text, /['"]\/[^/]/, 'root-absolute URL in the loader');
  });

  test('ECharts runs before the wasm loader (document order of deferred scripts)', () => {
    const html = read('index.html');
    const echarts = html.search(/<script src="\.\/echarts\.min-[0-9a-f]{16}\.js"[^>]*\sdefer/);
    const loader = html.search(/<script type="module" src="\.\/loader-/);
    assert.ok(echarts > 0, 'deferred echarts script not found');
    assert.ok(loader > echarts, 'the loader must come after the echarts script');
  });

  test('the CSP meta is strict and comes right after <meta charset>', () => {
    const html = read('index.html');
    const m = /<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(m, 'CSP meta must directly follow <meta charset>');
    const policy = Object.fromEntries(
      m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'self'"]);
    assert.deepEqual(policy['form-action'], ["'none'"]);
    // Stylesheets and <style> elements only from files; style ATTRIBUTES are allowed for
    // ECharts' HTML tooltips (see the CSP note in scripts/headers.mjs).
    assert.deepEqual(policy['style-src'], ["'self'"]);
    assert.equal(policy['style-src-elem'], undefined, 'style-src-elem would override style-src');
    for (const [name, values] of Object.entries(policy)) {
      if (name !== 'style-src-attr') {
        assert.ok(!values.includes("'unsafe-inline'"), `${name} allows 'unsafe-inline'`);
      }
      assert.ok(!values.includes("'unsafe-eval'"), `${name} allows 'unsafe-eval'`);
      assert.ok(!values.includes('*'), `${name} allows *`);
    }
  });

  test('sw.js precaches exactly the files of the build, with their SHA-256', () => {
    const source = read('sw.js');
    const block = /const BUILD = (\{[\s\S]*?\});\n\/\* BUILD:END \*\//.exec(source);
    assert.ok(block, 'sw.js has no generated BUILD block');
    const build = JSON.parse(block[1]);
    assert.match(build.version, /^[0-9a-f]{16}$/);
    // Not itself, and not the host's files (`_headers`: read by the host, never served).
    const expected = distFiles().filter((f) => f !== 'sw.js' && !HOST_FILES.includes(f));
    assert.deepEqual(build.files.map((f) => f.url), expected);
    for (const { url, sha256 } of build.files) {
      const actual = createHash('sha256').update(readFileSync(join(DIST, url))).digest('hex');
      assert.equal(sha256, actual, `${url} hash`);
    }
    assert.ok(expected.includes('index.html'));
    // It parses as a script.
    new vm.Script(source, { filename: 'sw.js' });
  });

  test('the manifest is relative and its icons exist', () => {
    const manifest = JSON.parse(read('manifest.webmanifest'));
    assert.equal(manifest.name, 'codefit');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    const files = new Set(distFiles());
    for (const icon of manifest.icons) {
      assert.match(icon.src, /^\.\//);
      assert.ok(files.has(icon.src.slice(2)), `${icon.src} missing`);
    }
    const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  });
});
