// scripts/post-build.mjs on small hand-made staging directories (no Trunk, no browser): a
// loader in Trunk's format becomes a file that loads the wasm relative to itself, and the
// build gets sw.js and _headers; a loader whose wasm URL or glue import the rewrite does
// not find fails the build with a message that says so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { headersFile } from '../scripts/headers.mjs';
import { ROOT } from './harness.mjs';

const GLUE = 'app-0123456789abcdef.js';
const WASM = 'app-0123456789abcdef_bg.wasm';

const trunkLoader = (wasmArgument) => `
import init, * as bindings from './${GLUE}';
const wasm = await init(${wasmArgument});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
`;

let dirs = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A staging directory like Trunk's, with `loader` as the inline module script. */
function staging(loader) {
  const dir = mkdtempSync(join(tmpdir(), 'codefit-post-build-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>\n<html><head>\n<meta charset="utf-8">\n<title>t</title>\n</head><body>\n<script type="module">${loader}</script>\n</body></html>\n`,
  );
  writeFileSync(join(dir, GLUE), 'export default async function init() {}\n');
  writeFileSync(join(dir, WASM), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  return dir;
}

function postBuild(dir) {
  const env = { ...process.env };
  delete env.TRUNK_STAGING_DIR;
  delete env.TRUNK_PUBLIC_URL;
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'post-build.mjs'), dir], { encoding: 'utf8', env });
}

describe('post-build', () => {
  for (const [form, argument] of [
    ['module_or_path, single quotes', `{ module_or_path: './${WASM}' }`],
    ['module_or_path, double quotes', `{ module_or_path: "./${WASM}" }`],
    ['init(url)', `'./${WASM}'`],
  ]) {
    test(`rewrites the loader (${form}), writes sw.js and _headers`, () => {
      const dir = staging(trunkLoader(argument));
      const run = postBuild(dir);
      assert.equal(run.status, 0, run.stderr);
      const files = readdirSync(dir).sort();
      const loader = files.find((f) => /^loader-[0-9a-f]{16}\.js$/.test(f));
      assert.ok(loader, `no loader file in ${files}`);
      assert.ok(readFileSync(join(dir, loader), 'utf8').includes(`new URL('./${WASM}', import.meta.url)`));
      assert.equal(readFileSync(join(dir, '_headers'), 'utf8'), headersFile(files));
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      assert.match(sw, new RegExp(`"url": "${loader}"`));
      assert.doesNotMatch(sw, /"url": "_headers"/);
    });
  }

  test('fails when the wasm URL rewrite matches nothing', () => {
    const dir = staging(trunkLoader(`{ module_or_path: new URL('${WASM}', document.baseURI) }`));
    const run = postBuild(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /post-build: the wasm URL rewrite matched nothing/);
    assert.ok(!readdirSync(dir).some((f) => f.startsWith('loader-') || f === '_headers'), 'wrote output anyway');
  });

  test('fails when the loader imports no glue module', () => {
    const dir = staging(trunkLoader(`'./${WASM}'`).replace(/^import .*$/m, 'const init = window.init;'));
    const run = postBuild(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /post-build: Trunk's loader imports no \.js module/);
  });
});
