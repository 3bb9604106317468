// The command line and the page give one answer: for three presets, `codefit recommend --url
// 'hw=<preset>' --json` (the native binary, built by `cargo test` or here) and the page opened at
// `?hw=<preset>` show the same headline, the same first rows in the same order with the same
// scores, and the same launch command. Both read the link with the engine's one decoder and
// answer with the same engine calls (analyze, headline, launch::for_focus, cells).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, appRunner, eventually, launchBrowser, startDistServer } from './harness.mjs';

const BINARY = join(ROOT, 'target', 'debug', 'codefit');
const PRESETS = ['pro6000', 'spark', 'mac512'];

/** The CLI's answer for a query string, as JSON. */
function recommend(query) {
  if (!existsSync(BINARY)) {
    execFileSync('cargo', ['build', '--bin', 'codefit'], { cwd: ROOT, stdio: 'inherit' });
  }
  const out = execFileSync(BINARY, ['recommend', '--url', query, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const withApp = appRunner(() => browser, () => server);

/** The table's first `n` rows: the model id and the Score cell, in display order. */
async function firstRows(page, n) {
  const rows = await page.$$eval('table#results tbody tr[data-model]', (trs) =>
    trs.map((tr) => {
      const headers = [...tr.closest('table').tHead.rows[0].cells].map((th) => th.textContent.trim());
      const score = tr.cells[headers.findIndex((h) => h.startsWith('Score'))];
      return { id: tr.dataset.model, score: score?.innerText.replace(/\s+/g, ' ').trim() ?? '' };
    }),
  );
  return rows.slice(0, n);
}

describe('codefit recommend answers what the page shows', () => {
  for (const preset of PRESETS) {
    test(`hw=${preset}: the headline, the first rows and the launch command`, async () => {
      const cli = recommend(`hw=${preset}`);
      assert.ok(cli.rows.length > 0, 'the CLI printed rows');
      assert.ok(cli.launch?.command, 'the CLI printed a launch command');
      await withApp(`?hw=${preset}`, async (page) => {
        // The page appends the staleness warning to the headline; the CLI gives it apart.
        const shown = [cli.headline, cli.warning].filter(Boolean).join(' ');
        await eventually(async () => assert.equal(await page.locator('#headline').innerText(), shown));
        assert.deepEqual(
          await firstRows(page, cli.rows.length),
          cli.rows.map((r) => ({ id: r.id, score: r.score_text })),
        );
        assert.equal(await page.locator('#launch-command').innerText(), cli.launch.command);
      });
    });
  }
});
