// "Your model": a real config.json of a model the catalog lacks (Qwen2.5-7B-Instruct,
// e2e/fixtures/) is pasted and joins the table, the headline, the command and the link.
//
// Hand-computed memory on 1x RTX PRO 6000 at 32k tokens, FP16 KV, llama.cpp (the best that fits
// is GGUF Q8_0, 8.5 bits per weight; 16-bit comes after 8-bit by default):
//   weights  7.61e9 × 8.5 / 8                              = 8.085625 GB
//   KV       28 layers × 2 × 4 KV heads × 128 × 2 B × 32,768 = 1.879048192 GB
//   overhead 1 GB (one device)
//   total                                                   = 10.96 GB → "8.1 + 1.9 + 1.0 = 11.0 GB"
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { appRunner, assertNoSidewaysScroll, assertClean, eventually, launchBrowser, openApp, startDistServer, waitForApp } from './harness.mjs';

const CONFIG = readFileSync(new URL('./fixtures/qwen2.5-7b-instruct.config.json', import.meta.url), 'utf8');

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});
const withApp = appRunner(() => browser, () => server);

/** The table row of a model id, by column header. */
async function rowOf(page, id) {
  return page.$eval(`table#results tbody tr[data-model="${id}"]`, (tr) => {
    const headers = [...tr.closest('table').tHead.rows[0].cells].map((th) => th.textContent.trim());
    const text = (prefix) => tr.cells[headers.findIndex((h) => h.startsWith(prefix))]?.innerText.replace(/\s+/g, ' ').trim() ?? '';
    return {
      kind: tr.querySelector('small.kind')?.textContent.trim(),
      name: tr.querySelector('button.model-link')?.textContent.trim(),
      fit: text('Fit'),
      quant: text('Quant'),
      memory: text('Memory'),
      score: text('Score'),
    };
  });
}

async function paste(page, { total = '7.61', swe = '', repo = 'Qwen/Qwen2.5-7B-Instruct', config = CONFIG } = {}) {
  await page.click('#own-model > summary');
  await page.fill('#own-config', config);
  await page.fill('#own-total', total);
  await page.fill('#own-repo', repo);
  if (swe) await page.fill('#own-score-swe_verified', swe);
  await page.click('#own-add');
}


describe('your model', () => {
  test('a pasted config joins the table with the hand-computed memory, the command and the link', async () => {
    await withApp('?ctx=32k', async (page, context) => {
      await paste(page);
      await eventually(async () => assert.match(await page.locator('#own-summary').innerText(), /Qwen2\.5-7B-Instruct is in the table as “your model”/));
      const summary = await page.locator('#own-summary').innerText();
      assert.match(summary, /28 layers/);
      assert.match(summary, /7\.61B parameters \(7\.61B active\), typed by you/);
      assert.match(summary, /context up to 32768 tokens/);
      await eventually(async () => {
        const r = await rowOf(page, 'own');
        assert.equal(r.name, 'Qwen2.5-7B-Instruct');
        assert.match(r.kind, /^your model/);
        assert.match(r.quant, /Q8_0/);
        assert.match(r.memory, /^8\.1 \+ 1\.9 \+ 1\.0 = 11\.0 GB/, r.memory);
        assert.match(r.fit, /fits/);
      });
      // Selected on adding: the command serves it from a converted GGUF of the named repository.
      const command = await page.locator('#launch-command').innerText();
      assert.match(command, /llama-server/);
      assert.match(command, /--model Qwen2\.5-7B-Instruct-Q8_0\.gguf/);
      assert.match(command, /--ctx-size 32768/);
      // The link carries it: a new tab from the URL shows the same row.
      await eventually(() => assert.match(new URL(page.url()).searchParams.get('om') ?? '', /^1\./));
      const shared = page.url();
      const again = await openApp(context, shared);
      await waitForApp(again);
      await eventually(async () => assert.match((await rowOf(again, 'own')).memory, /^8\.1 \+ 1\.9 \+ 1\.0 = 11\.0 GB/));
      assert.equal(await again.locator('#notices').count(), 0, 'the shared link raised a notice');
      await assertClean(again);
    });
  });

  test('with your own top score it leads the headline, marked as your figure', async () => {
    await withApp('?ctx=32k', async (page) => {
      await paste(page, { swe: '99' });
      await eventually(async () => {
        const h = await page.locator('#headline').innerText();
        assert.match(h, /is Qwen2\.5-7B-Instruct \(your model; the score is your own figure\) at GGUF Q8_0: 99\.0\./, h);
      });
    });
  });

  test('unknown or missing fields are named, and nothing is added', async () => {
    await withApp('', async (page) => {
      await paste(page, { config: '{"model_type": "frobnicator", "num_hidden_layers": 2, "num_attention_heads": 2}', repo: '' });
      await eventually(async () => assert.match(await page.locator('#own-errors').innerText(), /model_type `frobnicator`/));
      const missing = JSON.stringify({ ...JSON.parse(CONFIG), num_key_value_heads: undefined });
      await page.fill('#own-config', missing);
      await page.fill('#own-total', 'lots');
      await page.click('#own-add');
      await eventually(async () => {
        const errors = await page.locator('#own-errors').innerText();
        assert.match(errors, /num_key_value_heads/);
        assert.match(errors, /`lots` is not a number/);
      });
      assert.equal(await page.locator('tr[data-model="own"]').count(), 0);
      assert.equal(new URL(page.url()).searchParams.get('om'), null);
    });
  });

  test('a corrupt model in the link is a notice, and the page still answers', async () => {
    await withApp('?om=1.notjson&sel=own', async (page) => {
      const notices = await page.locator('#notices').innerText();
      assert.match(notices, /om: your model's link part/);
      assert.match(await page.locator('#headline').innerText(), /the best open-weight model/);
      assert.equal(await page.locator('tr[data-model="own"]').count(), 0);
    });
  });

  test('on a 360 px phone the form works and nothing scrolls sideways', async () => {
    await withApp('?ctx=32k', async (page) => {
      await paste(page);
      await eventually(async () => assert.match((await rowOf(page, 'own')).memory, /11\.0 GB/));
      await assertNoSidewaysScroll(page);
    }, { viewport: { width: 360, height: 760 }, isMobile: true, hasTouch: true });
  });
});
