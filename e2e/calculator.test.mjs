// The calculator as a user drives it: every control, and what each one changes on screen.
// Expected answers are the engine's own results pinned natively in tests/seed_claims.rs
// (seed snapshot, `?asof=seed`):
//   * 1x RTX PRO 6000, SWE-Bench Verified: Qwen3-Coder-Next at Q8_0 (llama.cpp, the default
//     runtime), 70.6; 9.6 points behind
//     MiniMax-M2.5 (80.2) and 10.3 behind Claude Opus 4.5 (80.9);
//   * 2x RTX PRO 6000: MiniMax-M2.5 runs, at GGUF Q5_K_M, 80.2;
//   * Aider Polyglot at 96 GB: GPT-OSS-120B, 21.0 points behind the best proprietary model;
//   * LiveCodeBench v6 at 96 GB: GPT-OSS-120B, 0.4 behind the best open, 4.8 behind the frontier;
//   * the seed's TL;DR: the two 96 GB rows agree, the 128, 192 and 256 GB rows disagree;
//   * MiniMax-M2.5 at a fixed Q4_K_M does not fit 96 GB; with 128 GB of RAM it offloads.
// Every test ends clean: no console errors, page errors, foreign requests or CSP violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { appRunner, assertClean, eventually, launchBrowser, startDistServer, waitForApp, waitForChart } from './harness.mjs';
import { isPng, pngStats } from './pixels.mjs';

const SEED = '?asof=seed';
const CHARTS = ['frontier', 'budget', 'scores', 'breakdown'];

/** The headline at the seed's defaults (1x RTX PRO 6000, SWE-Bench Verified). */
const DEFAULT_HEADLINE = [
  /best open-weight model for SWE-Bench Verified is Qwen3-Coder-Next at GGUF Q8_0: 70\.6\./,
  /9\.6 points behind the best open-weight model \(MiniMax-M2\.5, 80\.2\)/,
  /10\.3 points behind the best proprietary model \(Claude Opus 4\.5, 80\.9\)/,
  /Data as of the seed snapshot/,
];

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const withApp = appRunner(() => browser, () => server);

const headline = (page) => page.locator('#headline').innerText();
const usable = (page) => page.locator('#usable').innerText();
const params = (page) => new URL(page.url()).searchParams;
const historyLength = (page) => page.evaluate(() => history.length);

/** Waits until the URL's query has `key` = `value` (or lacks `key` when value is null). */
async function urlHas(page, key, value) {
  await eventually(() => assert.equal(params(page).get(key), value, `URL ${page.url()}: ${key}`));
}

/** Unfolds the table's folded groups (models that do not fit, more proprietary models). */
async function unfold(page) {
  for (const id of ['#toggle-nofit', '#toggle-reference']) {
    const toggle = page.locator(id);
    if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }
}

/** The ranked table as the user sees it, row by row, in display order (groups unfolded). */
async function tableRows(page) {
  await unfold(page);
  return page.$$eval('table#results tbody tr[data-model]', (trs) =>
    trs.map((tr) => {
      // Cells by their column header, so that new columns do not shift what is read.
      const headers = [...tr.closest('table').tHead.rows[0].cells].map((th) => th.textContent.trim());
      const column = (prefix) => headers.findIndex((h) => h.startsWith(prefix));
      const text = (prefix) => tr.cells[column(prefix)]?.innerText.replace(/\s+/g, ' ').trim() ?? '';
      return {
        id: tr.dataset.model,
        group: tr.closest('tbody').className,
        className: tr.className,
        name: tr.querySelector('button.model-link')?.textContent.trim(),
        open: /· open$/.test(tr.querySelector('small.kind')?.textContent.trim() ?? ''),
        rank: text('#'),
        score: text('Score'),
        fit: text('Fit'),
        quant: text('Quant'),
        memory: text('Memory'),
        maxContext: text('Max context'),
        selected: tr.getAttribute('aria-selected'),
      };
    }),
  );
}

async function row(page, id) {
  const found = (await tableRows(page)).find((r) => r.id === id);
  assert.ok(found, `no row for ${id}`);
  return found;
}

/** The first open-weight row in rank order that runs on the hardware. */
async function bestRunningRow(page) {
  return (await tableRows(page)).find((r) => r.open && r.rank !== '—' && /fits|offload/.test(r.fit));
}

/** The `.error` message element of the field that holds `selector`. */
const errorOf = (page, selector) => page.locator(`.field:has(${selector}) .error`);

/** Typing `text` into a field shows a message and aria-invalid, and changes nothing. */
async function rejects(page, selector, text) {
  const before = { headline: await headline(page), url: page.url(), usable: await usable(page) };
  await page.fill(selector, text);
  const error = errorOf(page, selector);
  await eventually(async () => assert.notEqual((await error.innerText()).trim(), '', `${selector}: no message for “${text}”`));
  assert.equal(await page.locator(selector).getAttribute('aria-invalid'), 'true', `${selector} aria-invalid for “${text}”`);
  await page.waitForTimeout(100);
  assert.equal(await headline(page), before.headline, `“${text}” in ${selector} changed the headline`);
  assert.equal(page.url(), before.url, `“${text}” in ${selector} changed the URL`);
  assert.equal(await usable(page), before.usable, `“${text}” in ${selector} changed the usable memory`);
  return (await error.innerText()).trim();
}

/** Accepting a value clears the field's message and aria-invalid. */
async function accepted(page, selector) {
  await eventually(async () => {
    assert.equal(await page.locator(selector).getAttribute('aria-invalid'), 'false');
    assert.equal((await errorOf(page, selector).innerText()).trim(), '');
  });
}

/** Per chart: whether its canvas has non-uniform pixels, its data-drawn count, its table rows. */
async function chartState(page) {
  return page.evaluate((kinds) => {
    const out = {};
    for (const kind of kinds) {
      const figure = document.querySelector(`figure[data-chart=${kind}]`);
      const chart = figure?.querySelector('.chart');
      const canvases = chart ? [...chart.querySelectorAll('canvas')] : [];
      let drawn = false;
      for (const canvas of canvases) {
        if (!canvas.width || !canvas.height) continue;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 4; i < data.length && !drawn; i += 4) {
          if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) drawn = true;
        }
      }
      out[kind] = {
        exists: Boolean(figure),
        canvases: canvases.length,
        drawn,
        drawnCount: Number(chart?.dataset.drawn ?? 0),
        marker: canvases[0]?.__codefitMarker ?? null,
        tableRows: figure?.querySelectorAll('details.chart-table table tbody tr').length ?? 0,
        caption: figure?.querySelector('figcaption')?.textContent ?? '',
      };
    }
    return out;
  }, CHARTS);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(selector)]);
  assert.equal(await file.failure(), null, `${selector}: download failed`);
  return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

describe('hardware', () => {
  test('the 2x RTX PRO 6000 preset: MiniMax-M2.5 at Q5_K_M, in the headline, table and URL', async () => {
    await withApp(SEED, async (page) => {
      const start = await headline(page);
      for (const re of DEFAULT_HEADLINE) assert.match(start, re);
      assert.equal(await page.locator('#preset').inputValue(), 'pro6000');
      assert.equal((await bestRunningRow(page)).id, 'qwen3-coder-next');
      assert.match(await usable(page), /^95\.5 GB usable on 1 device\b/);
      const length = await historyLength(page);

      await page.selectOption('select#preset', 'pro6000x2');
      await eventually(async () => assert.match(await headline(page), /is MiniMax-M2\.5 at GGUF Q5_K_M: 80\.2\./));
      assert.match(await headline(page), /On 2× NVIDIA RTX PRO 6000 Blackwell \(192 GB usable\)/);
      const best = await bestRunningRow(page);
      assert.equal(best.id, 'minimax-m2.5');
      assert.match(best.fit, /✔ fits/);
      assert.equal(best.quant, 'GGUF Q5_K_M');
      assert.match(best.score, /^80\.2/);
      await urlHas(page, 'hw', 'pro6000x2');
      assert.equal(params(page).get('asof'), 'seed');
      assert.match(await usable(page), /^192 GB usable on 2 devices\b/);
      assert.equal(await page.locator('.device-row').count(), 1);
      assert.equal(await page.locator('input.count').inputValue(), '2');

      // Back to one card: the first answer again; the URL follows without history entries.
      await page.selectOption('select#preset', 'pro6000');
      await eventually(async () => assert.match(await headline(page), DEFAULT_HEADLINE[0]));
      await urlHas(page, 'hw', null);
      assert.equal(await historyLength(page), length, 'changing settings added history entries');
    });
  });

  test('device rows: add, count, remove; the usable memory and preset follow', async () => {
    await withApp(SEED, async (page) => {
      const length = await historyLength(page);
      // A count of 2 on the one card: 96 GB -> 192 GB usable, which is the 2x preset.
      await page.locator('input.count').first().fill('2');
      await page.locator('input.count').first().press('Tab');
      await eventually(async () => assert.match(await usable(page), /^192 GB usable on 2 devices\b/));
      assert.equal(await page.locator('#preset').inputValue(), 'pro6000x2');
      await urlHas(page, 'hw', 'pro6000x2');
      await page.locator('input.count').first().fill('1');
      await page.locator('input.count').first().press('Tab');
      await eventually(async () => assert.match(await usable(page), /^95\.5 GB usable on 1 device\b/));
      assert.ok(await page.locator('button.remove').first().isDisabled(), 'the only row can be removed');

      // Add an RTX 5090: 96 + 32 = 128 GB, the PRO 6000 + 5090 preset.
      await page.selectOption('#add-device-select', 'rtx-5090');
      await page.click('#add-device');
      await eventually(async () => assert.match(await usable(page), /^128 GB usable on 2 devices\b/));
      assert.equal(await page.locator('.device-row').count(), 2);
      assert.equal(await page.locator('#preset').inputValue(), 'pro6000-5090');
      await urlHas(page, 'hw', 'pro6000-5090');

      // Adding a device already listed raises its count instead of adding a row.
      await page.selectOption('#add-device-select', 'rtx-pro-6000');
      await page.click('#add-device');
      await eventually(async () => assert.match(await usable(page), /^224 GB usable on 3 devices\b/));
      assert.deepEqual(await page.locator('input.count').evaluateAll((inputs) => inputs.map((i) => i.value)), ['2', '1']);
      assert.equal(await page.locator('#preset').inputValue(), 'custom');
      await urlHas(page, 'hw', 'rtx-pro-6000*2,rtx-5090');

      // Three 5090s: 192 + 96 = 288 GB.
      await page.locator('input.count').nth(1).fill('3');
      await page.locator('input.count').nth(1).press('Tab');
      await eventually(async () => assert.match(await usable(page), /^288 GB usable on 5 devices\b/));
      await urlHas(page, 'hw', 'rtx-pro-6000*2,rtx-5090*3');

      // Remove the 5090 row: two PRO 6000s are left, the 2x preset again.
      await page.locator('button.remove').nth(1).click();
      await eventually(async () => assert.match(await usable(page), /^192 GB usable on 2 devices\b/));
      assert.equal(await page.locator('.device-row').count(), 1);
      assert.equal(await page.locator('#preset').inputValue(), 'pro6000x2');
      await urlHas(page, 'hw', 'pro6000x2');
      assert.match(await headline(page), /is MiniMax-M2\.5 at GGUF Q5_K_M: 80\.2\./);
      assert.equal(await historyLength(page), length);
    });
  });

  test('custom device: validated fields, unified memory, added to the pool', async () => {
    await withApp(SEED, async (page) => {
      await page.click('details.custom-device summary');
      assert.ok(await page.locator('#add-custom').isDisabled(), 'add is enabled before memory and bandwidth are given');
      assert.match(await rejects(page, '#custom-mem', '9000 GB'), /between 1 and 4096 GB/);
      assert.match(await rejects(page, '#custom-mem', 'lots'), /not a size/);
      assert.match(await rejects(page, '#custom-bw', 'fast'), /GB\/s/);
      assert.ok(await page.locator('#add-custom').isDisabled());
      await page.fill('#custom-mem', '48 GB');
      await accepted(page, '#custom-mem');
      await page.fill('#custom-bw', '936');
      await accepted(page, '#custom-bw');
      await page.check('#custom-unified');
      await eventually(async () => assert.ok(await page.locator('#add-custom').isEnabled()));
      assert.equal(await page.locator('#gpu-share').count(), 0, 'GPU share shown without a unified device');

      await page.click('#add-custom');
      // 96 GB card + 75% of 48 GB unified = 132 GB.
      await eventually(async () => assert.match(await usable(page), /^132 GB usable on 2 devices\b/));
      assert.match((await page.locator('.device-name').allInnerTexts()).join('\n'), /Custom 48 GB · 936 GB\/s · unified/);
      assert.equal(await page.locator('#preset').inputValue(), 'custom');
      await urlHas(page, 'hw', 'rtx-pro-6000,custom:48:936:u');
      // A unified device brings the GPU-share field.
      await eventually(async () => assert.equal(await page.locator('#gpu-share').count(), 1));
      await page.fill('#gpu-share', '100');
      await eventually(async () => assert.match(await usable(page), /^144 GB usable on 2 devices\b/));
      await urlHas(page, 'share', '1');
      assert.match(await headline(page), /\(144 GB usable\)/);
    });
  });

  test('system RAM: 128 GB lets a model that does not fit run with offload; bad input changes nothing', async () => {
    await withApp(`${SEED}&q=q4_k_m`, async (page) => {
      assert.match((await row(page, 'minimax-m2.5')).fit, /✖ does not fit/);
      await page.fill('#ram', '128 GB');
      await eventually(async () => assert.match((await row(page, 'minimax-m2.5')).fit, /◐ offload/));
      assert.match((await row(page, 'minimax-m2.5')).fit, /in RAM/);
      assert.equal((await row(page, 'minimax-m2.5')).quant, 'GGUF Q4_K_M');
      assert.match(await usable(page), /plus 120 GB of system RAM for offload/);
      await urlHas(page, 'ram', '128');
      await accepted(page, '#ram');

      assert.match(await rejects(page, '#ram', 'lots'), /not a size/);
      assert.match(await rejects(page, '#ram', '-5'), /more than zero/);
      assert.match((await row(page, 'minimax-m2.5')).fit, /◐ offload/, 'bad input undid the RAM');

      // The page keeps working: a valid value is taken again.
      await page.fill('#ram', '0');
      await accepted(page, '#ram');
      await eventually(async () => assert.match((await row(page, 'minimax-m2.5')).fit, /✖ does not fit/));
      await urlHas(page, 'ram', null);
      assert.doesNotMatch(await usable(page), /system RAM/);
    });
  });

  test('GPU share: only with a unified device; changes the usable memory; bad input changes nothing', async () => {
    await withApp(SEED, async (page) => {
      assert.equal(await page.locator('#gpu-share').count(), 0, 'GPU share shown for a discrete GPU');
      await page.selectOption('#preset', 'mac256');
      await eventually(async () => assert.equal(await page.locator('#gpu-share').count(), 1));
      assert.match(await usable(page), /^192 GB usable on 1 device\b/);
      await page.fill('#gpu-share', '90');
      await eventually(async () => assert.match(await usable(page), /^230 GB usable on 1 device\b/));
      await urlHas(page, 'share', '0.9');
      assert.match(await headline(page), /\(230 GB usable\)/);

      assert.match(await rejects(page, '#gpu-share', 'lots'), /percentage/);
      assert.match(await rejects(page, '#gpu-share', '-5'), /between 10 and 100/);
      assert.match(await rejects(page, '#gpu-share', '150'), /between 10 and 100/);

      await page.fill('#gpu-share', '');
      await accepted(page, '#gpu-share');
      await eventually(async () => assert.match(await usable(page), /^192 GB usable on 1 device\b/));
      await urlHas(page, 'share', null);
    });
  });

  test(
    'a GPU share set for a Mac does not linger, hidden, after switching to a discrete GPU',
    async () => {
      await withApp(SEED, async (page) => {
        const tiersText = () => page.locator('table#tiers tbody').innerText();
        const fresh = await tiersText();
        await page.selectOption('#preset', 'mac256');
        await eventually(async () => assert.equal(await page.locator('#gpu-share').count(), 1));
        await page.fill('#gpu-share', '90');
        await urlHas(page, 'share', '0.9');
        await page.selectOption('#preset', 'pro6000');
        await eventually(async () => assert.equal(await page.locator('#gpu-share').count(), 0));
        // The field is gone, so the user cannot see or clear the share any more: it must not
        // still be part of the configuration.
        assert.equal(await tiersText(), fresh, 'a hidden GPU share changed the tier table');
        assert.equal(params(page).get('share'), null, `hidden share still in the URL: ${page.url()}`);
      });
    },
  );
});

describe('workload', () => {
  test('quantization, context, sessions and KV precision each change the table and the URL', async () => {
    await withApp(SEED, async (page) => {
      const watched = 'qwen3-coder-next';
      let memory = (await row(page, watched)).memory;
      assert.equal((await row(page, watched)).quant, 'GGUF Q8_0');
      const changes = async (what) => {
        await eventually(async () => assert.notEqual((await row(page, watched)).memory, memory, `${what} did not change the memory`));
        memory = (await row(page, watched)).memory;
      };

      await page.selectOption('select#quant', 'q4_k_m');
      await changes('quantization');
      assert.equal((await row(page, watched)).quant, 'GGUF Q4_K_M');
      await urlHas(page, 'q', 'q4_k_m');

      await page.fill('#ctx', '32k');
      await changes('32k context');
      await urlHas(page, 'ctx', '32k');
      await page.fill('#ctx', '128k');
      await changes('128k context');
      await urlHas(page, 'ctx', '128k');

      await page.fill('#sessions', '4');
      await changes('4 sessions');
      await urlHas(page, 'n', '4');

      await page.selectOption('select#kv', 'q8_0');
      await changes('Q8_0 KV cache');
      await urlHas(page, 'kv', 'q8_0');

      // Back to automatic quantization: the format is chosen again.
      await page.selectOption('select#quant', 'auto');
      await changes('automatic quantization');
      await urlHas(page, 'q', null);
    });
  });

  test('a long context and many sessions change the headline and the largest context', async () => {
    await withApp(SEED, async (page) => {
      const start = await headline(page);
      const before = await tableRows(page);
      await page.fill('#ctx', '256k');
      await page.fill('#sessions', '8');
      await urlHas(page, 'n', '8');
      await eventually(async () => assert.notEqual(await headline(page), start));
      const after = await tableRows(page);
      const changed = after.filter((r) => {
        const b = before.find((x) => x.id === r.id);
        return r.open && b && (b.maxContext !== r.maxContext || b.fit !== r.fit || b.quant !== r.quant);
      });
      assert.ok(changed.length > 0, 'no open model changed its fit, format or largest context');
    });
  });

  test('bad context and session input shows a message, sets aria-invalid and changes nothing', async () => {
    await withApp(SEED, async (page) => {
      assert.match(await rejects(page, '#ctx', 'lots'), /token count/);
      assert.match(await rejects(page, '#ctx', '-5'), /./);
      assert.match(await rejects(page, '#ctx', '99999999k'), /between|larger/);
      assert.match(await rejects(page, '#sessions', '-5'), /whole number/);
      assert.match(await rejects(page, '#sessions', 'lots'), /whole number/);
      assert.match(await rejects(page, '#sessions', '0'), /between 1 and 64/);
      for (const re of DEFAULT_HEADLINE) assert.match(await headline(page), re);

      // The page keeps working.
      await page.fill('#sessions', '2');
      await accepted(page, '#sessions');
      await urlHas(page, 'n', '2');
      await page.fill('#ctx', '32k');
      await accepted(page, '#ctx');
      await urlHas(page, 'ctx', '32k');
    });
  });
});

describe('ranking', () => {
  test('rank by a benchmark, a task profile, or custom weights', async () => {
    await withApp(SEED, async (page) => {
      await page.selectOption('select#rank', 'bench:lcb_v6');
      await eventually(async () => assert.match(await headline(page), /LiveCodeBench v6 is GPT-OSS-120B at MXFP4: 83\.2\./));
      assert.match(await headline(page), /0\.4 points behind the best open-weight model \(Qwen3\.5-397B-A17B, 83\.6\)/);
      assert.match(await headline(page), /4\.8 points behind the best proprietary model/);
      await urlHas(page, 'rank', 'lcb');

      await page.selectOption('select#rank', 'bench:aider_polyglot');
      await eventually(async () => assert.match(await headline(page), /Aider Polyglot is GPT-OSS-120B at MXFP4: 68\.4\./));
      assert.match(await headline(page), /21\.0 points behind the best proprietary model/);
      await urlHas(page, 'rank', 'aider');

      await page.selectOption('select#rank', 'profile:agentic');
      await eventually(async () => assert.match(await headline(page), /for Agentic software engineering profile is /));
      await urlHas(page, 'rank', 'agentic');
      assert.equal(await page.locator('.weights').count(), 0, 'weights shown for a named profile');

      await page.selectOption('select#rank', 'custom');
      await eventually(async () => assert.match(await headline(page), /for custom profile is /));
      await urlHas(page, 'rank', 'w:5-2-2-1');
      const weights = await page.locator('.weights input').evaluateAll((inputs) => inputs.map((i) => `${i.id}=${i.value}`));
      assert.deepEqual(weights, ['w-swe_verified=5', 'w-lcb_v6=2', 'w-aider_polyglot=2', 'w-practical_16x=1']);
      const custom = await headline(page);
      await page.fill('#w-lcb_v6', '10');
      await page.locator('#w-lcb_v6').press('Tab');
      await urlHas(page, 'rank', 'w:5-10-2-1');
      await eventually(async () => assert.notEqual(await headline(page), custom));
      await page.fill('#w-swe_verified', '0');
      await page.locator('#w-swe_verified').press('Tab');
      await urlHas(page, 'rank', 'w:0-10-2-1');
    });
  });

  test('switches: proprietary rows, only models that run, the quantization penalty', async () => {
    await withApp(SEED, async (page) => {
      const all = await tableRows(page);
      assert.ok(all.some((r) => !r.open), 'no proprietary rows at the defaults');
      assert.ok(all.some((r) => r.open && /does not fit/.test(r.fit)), 'no open row that does not fit');

      await page.uncheck('#show-prop');
      await eventually(async () => assert.deepEqual((await tableRows(page)).filter((r) => !r.open), []));
      assert.equal(await page.locator('table#results tr.row-proprietary').count(), 0);
      assert.equal((await tableRows(page)).length, all.filter((r) => r.open).length);
      await urlHas(page, 'prop', '0');
      await page.check('#show-prop');
      await eventually(async () => assert.equal((await tableRows(page)).length, all.length));
      await urlHas(page, 'prop', null);

      await page.check('#only-fits');
      await eventually(async () => assert.deepEqual((await tableRows(page)).filter((r) => r.open && /does not fit/.test(r.fit)).map((r) => r.id), []));
      const fitting = (await tableRows(page)).filter((r) => r.open);
      assert.ok(fitting.length > 0);
      assert.ok(fitting.every((r) => /fits|offload/.test(r.fit)));
      assert.ok(fitting.some((r) => r.id === 'qwen3-coder-next'));
      await urlHas(page, 'fits', '1');
      await page.uncheck('#only-fits');
      await urlHas(page, 'fits', null);

      assert.ok((await tableRows(page)).every((r) => !/quant\./.test(r.score)), 'a penalty note before the penalty is on');
      await page.check('#penalty');
      // A model run below its native precision carries the note (at its native format, none).
      // The penalty lowers the score of a model run below its native precision and says so
      // (Qwen3-Coder-Next runs at Q8_0; GPT-OSS-120B at its native MXFP4 keeps its 62.4).
      await eventually(async () => assert.match((await row(page, 'qwen3-coder-next')).score, /^\d+\.\d \(−\d+\.\d% quant\.\)$/));
      assert.ok(parseFloat((await row(page, 'qwen3-coder-next')).score) < 70.6);
      assert.equal((await row(page, 'gpt-oss-120b')).score, '62.4');
      assert.ok((await tableRows(page)).filter((r) => !r.open).every((r) => !/quant\./.test(r.score)), 'a proprietary row has a penalty');
      await urlHas(page, 'pen', '1');
    });
  });
});

describe('data date', () => {
  test('newest, a date, or the seed snapshot', async () => {
    await withApp('', async (page) => {
      const count = async () => (await tableRows(page)).length;
      assert.equal(await page.locator('#data-mode').inputValue(), 'newest');
      assert.equal(await page.locator('#asof').count(), 0, 'date field shown for “newest”');
      const newest = await count();
      assert.doesNotMatch(await headline(page), /seed snapshot/);

      await page.selectOption('#data-mode', 'seed');
      await urlHas(page, 'asof', 'seed');
      await eventually(async () => assert.match(await headline(page), /Data as of the seed snapshot \(2026-02-18\)\./));
      const seed = await count();
      assert.ok(seed < newest, `the seed snapshot (${seed} rows) is not a subset of the newest data (${newest} rows)`);
      for (const re of DEFAULT_HEADLINE) assert.match(await headline(page), re);

      await page.selectOption('#data-mode', 'date');
      await eventually(async () => assert.equal(await page.locator('#asof').count(), 1));
      assert.equal(await page.locator('#asof').inputValue(), '2026-02-18');
      await urlHas(page, 'asof', '2026-02-18');
      await page.fill('#asof', '2025-06-01');
      await urlHas(page, 'asof', '2025-06-01');
      await eventually(async () => assert.match(await headline(page), /Data as of 2025-06-01\./));
      const early = await count();
      assert.ok(early < seed, `figures published by 2025-06-01 (${early} rows) should be fewer than the seed's (${seed})`);

      await page.selectOption('#data-mode', 'newest');
      await urlHas(page, 'asof', null);
      await eventually(async () => assert.equal(await count(), newest));
      assert.equal(await page.locator('#asof').count(), 0);
    });
  });
});

describe('results table', () => {
  test('sort headers reorder the rows and set aria-sort', async () => {
    await withApp(SEED, async (page) => {
      const sortHeader = (label) => page.locator('table#results thead th', { has: page.locator(`button.sort:text-is("${label}")`) });
      assert.equal(await sortHeader('#').getAttribute('aria-sort'), 'ascending');
      assert.equal(await sortHeader('Model').getAttribute('aria-sort'), 'none');
      // Sorting orders the rows within each group (what runs, reference, what does not fit).
      const byGroup = (rows) => {
        const groups = new Map();
        for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r.name]);
        return [...groups.values()];
      };
      const byRank = byGroup(await tableRows(page));

      await sortHeader('Model').locator('button.sort').click();
      await eventually(async () => assert.equal(await sortHeader('Model').getAttribute('aria-sort'), 'ascending'));
      assert.equal(await sortHeader('#').getAttribute('aria-sort'), 'none');
      const ascending = byGroup(await tableRows(page));
      assert.deepEqual(ascending, byRank.map((g) => [...g].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))));
      assert.notDeepEqual(ascending, byRank);

      await sortHeader('Model').locator('button.sort').click();
      await eventually(async () => assert.equal(await sortHeader('Model').getAttribute('aria-sort'), 'descending'));
      assert.deepEqual(byGroup(await tableRows(page)), ascending.map((g) => [...g].reverse()));

      // Memory: open models from least to most memory (proprietary rows have none).
      await sortHeader('Memory W + KV + O').locator('button.sort').click();
      await eventually(async () => assert.equal(await sortHeader('Memory W + KV + O').getAttribute('aria-sort'), 'ascending'));
      const rows = await tableRows(page);
      const totalsOf = (group) => rows
        .filter((r) => r.group === group)
        .map((r) => /= ([\d.]+) GB/.exec(r.memory))
        .filter(Boolean)
        .map((m) => Number(m[1]));
      assert.ok(totalsOf('group-runs').length + totalsOf('group-nofit').length > 3);
      for (const group of ['group-runs', 'group-nofit']) {
        const totals = totalsOf(group);
        assert.deepEqual(totals, [...totals].sort((a, b) => a - b), group);
      }
    });
  });

  test('clicking a model name selects it: row, URL, breakdown chart and method panel', async () => {
    await withApp(SEED, async (page) => {
      assert.equal(await page.locator('table#results tr.selected').count(), 0);
      assert.match(await page.locator('#method').innerText(), /Worked example: Qwen3-Coder-Next/);
      assert.match(await page.locator('figure[data-chart=breakdown] figcaption').innerText(), /Qwen3-Coder-Next/);

      await page.locator('tr[data-model="gpt-oss-120b"] button.model-link').click();
      await eventually(async () => assert.equal(await page.locator('table#results tr.selected').getAttribute('data-model'), 'gpt-oss-120b'));
      assert.equal(await page.locator('table#results tr.selected').count(), 1);
      assert.equal(await page.locator('tr[data-model="gpt-oss-120b"]').getAttribute('aria-selected'), 'true');
      assert.equal(await page.locator('tr[data-model="qwen3-coder-next"]').getAttribute('aria-selected'), 'false');
      await urlHas(page, 'sel', 'gpt-oss-120b');
      await eventually(async () => assert.match(await page.locator('figure[data-chart=breakdown] figcaption').innerText(), /GPT-OSS-120B/));
      assert.match(await page.locator('#method').innerText(), /Worked example: GPT-OSS-120B/);
      assert.match(await page.locator('#method').innerText(), /Weights = \([\d.]+ B routed experts × 4\.25 bits \+ .*\) ÷ 8 = [\d.]+ GB/);
      // Selecting is not ranking: the headline still names the best model.
      for (const re of DEFAULT_HEADLINE) assert.match(await headline(page), re);
    });
  });
});

describe('charts', () => {
  test('four charts, drawn, each with a data table; updated in place', async () => {
    await withApp(SEED, async (page) => {
      await waitForChart(page);
      let state;
      await eventually(async () => {
        state = await chartState(page);
        for (const kind of CHARTS) assert.ok(state[kind].drawn, `${kind} chart is not drawn`);
      }, { timeout: 15_000 });
      for (const kind of CHARTS) {
        assert.ok(state[kind].exists, `no figure[data-chart=${kind}]`);
        assert.ok(state[kind].tableRows > 0, `${kind} chart has an empty data table`);
        assert.ok(state[kind].drawnCount >= 1, `${kind}: data-drawn=${state[kind].drawnCount}`);
        assert.notEqual(state[kind].caption.trim(), '', `${kind} has no caption`);
      }
      // The frontier table lists the open models that have a score.
      const frontierTable = await page.locator('figure[data-chart=frontier] details.chart-table tbody').textContent();
      assert.match(frontierTable, /Qwen3-Coder-Next/);
      assert.match(frontierTable, /MiniMax-M2\.5/);

      await page.evaluate((kinds) => {
        for (const kind of kinds) document.querySelector(`figure[data-chart=${kind}] .chart canvas`).__codefitMarker = kind;
      }, CHARTS);
      // A new machine changes what fits: the memory charts are redrawn. The scores chart
      // (published scores of the top-ranked models) does not depend on the hardware: its memo
      // stops the change, so it is not redrawn.
      const HARDWARE_CHARTS = ['frontier', 'budget', 'breakdown'];
      await page.selectOption('#preset', 'pro6000x2');
      await eventually(async () => {
        const now = await chartState(page);
        for (const kind of HARDWARE_CHARTS) {
          assert.ok(now[kind].drawnCount > state[kind].drawnCount, `${kind} was not redrawn`);
        }
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const afterPreset = await chartState(page);
      assert.equal(afterPreset.scores.drawnCount, state.scores.drawnCount, 'scores was redrawn though its data did not change');
      assert.match(afterPreset.frontier.caption, /usable memory \(192 GB\)/);
      assert.match(afterPreset.breakdown.caption, /MiniMax-M2\.5/);
      await page.selectOption('#rank', 'bench:lcb_v6');
      await eventually(async () => {
        assert.ok((await chartState(page)).scores.drawnCount > state.scores.drawnCount, 'scores was not redrawn for a new ranking');
      });
      const now = await chartState(page);
      for (const kind of CHARTS) {
        assert.equal(now[kind].canvases, 1, `${kind} has ${now[kind].canvases} canvases`);
        assert.equal(now[kind].marker, kind, `${kind}: the canvas was replaced instead of updated`);
        assert.ok(now[kind].drawn);
      }
    });
  });

  test('clicking a point in the frontier chart selects that model', async () => {
    await withApp(SEED, async (page) => {
      await waitForChart(page);
      await page.locator('#chart-frontier').scrollIntoViewIfNeeded();
      const target = await page.evaluate(() => {
        const chart = echarts.getInstanceByDom(document.getElementById('chart-frontier'));
        // The first unselected point of the first series that has one (each fit class is drawn
        // as up to three series, one per label side).
        const series = chart.getOption().series;
        const seriesIndex = series.findIndex((s) => s.type === 'scatter' && (s.data ?? []).some((d) => !d.itemStyle?.borderWidth));
        const item = series[seriesIndex].data.find((d) => !d.itemStyle?.borderWidth);
        return { name: item.name, pixel: chart.convertToPixel({ seriesIndex }, item.value) };
      });
      const box = await page.locator('#chart-frontier').boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + target.pixel[0], box.y + target.pixel[1]);
      const selected = page.locator('table#results tr.selected');
      await eventually(async () => assert.equal(await selected.count(), 1, `clicking ${target.name} selected nothing`));
      assert.equal(await selected.locator('button.model-link').innerText(), target.name);
      assert.equal(params(page).get('sel'), await selected.getAttribute('data-model'));
      await eventually(async () => assert.match(await page.locator('figure[data-chart=breakdown] figcaption').innerText(), new RegExp(target.name.replace(/[.()+]/g, '\\$&'))));
    });
  });
});

describe('tiers and method', () => {
  test('the seed tier table: three disagreements; your budget has four rows', async () => {
    await withApp('', async (page) => {
      const rows = page.locator('table#tiers tbody tr');
      await page.locator('table#tiers').scrollIntoViewIfNeeded();
      await eventually(async () => assert.equal(await rows.count(), 5));
      const tiers = await rows.evaluateAll((trs) => trs.map((tr) => ({
        label: tr.querySelector('th').textContent,
        disagree: tr.classList.contains('disagree'),
        verdict: tr.cells[4].innerText,
      })));
      assert.deepEqual(tiers.map((t) => t.disagree), [false, false, true, true, true], JSON.stringify(tiers, null, 1));
      assert.match(tiers[0].label, /^96 GB/);
      assert.match(tiers[1].label, /^96 GB/);
      assert.match(tiers[2].label, /^128 GB/);
      assert.match(tiers[3].label, /^192 GB/);
      assert.match(tiers[4].label, /^256 GB/);
      assert.match(tiers[0].verdict, /agrees/);
      assert.match(tiers[2].verdict, /~130 GB\) is more than the 128 GB budget/);

      const own = page.locator('table#own-tier tbody tr');
      assert.equal(await own.count(), 4);
      assert.match(await own.first().innerText(), /Your hardware: .*RTX PRO 6000.*\(96 GB\)/);
    });
  });

  test('your budget follows the hardware (seed snapshot)', async () => {
    await withApp(SEED, async (page) => {
      const own = page.locator('table#own-tier tbody tr');
      const swe = async () => own.nth(0).innerText();
      assert.match(await swe(), /SWE-Bench Verified\s+Qwen3-Coder-Next\s+q8_0\s+70\.6/);
      assert.match(await own.nth(2).innerText(), /Aider Polyglot\s+GPT-OSS-120B\s+\S+\s+68\.4/);
      await page.selectOption('#preset', 'pro6000x2');
      await eventually(async () => assert.match(await swe(), /SWE-Bench Verified\s+MiniMax-M2\.5\s+q5_k_m\s+80\.2/));
      assert.match(await swe(), /\(192 GB\)/);
    });
  });

  test('the method panel works the example for the best model, then the selected one', async () => {
    await withApp(`${SEED}&hw=pro6000x2`, async (page) => {
      const method = page.locator('#method');
      assert.match(await method.innerText(), /Worked example: MiniMax-M2\.5/);
      assert.match(await method.innerText(), /× 5\.69 bits/);
      assert.match(await method.innerText(), /Runtime overhead = 1 GB per device \(llama\.cpp\) × 2 device\(s\) = 2\.00 GB/);
      await page.locator('tr[data-model="qwen3-coder-next"] button.model-link').click();
      await eventually(async () => assert.match(await method.innerText(), /Worked example: Qwen3-Coder-Next/));
    });
  });
});

describe('exports', () => {
  test('CSV and JSON hold the table; each chart downloads a PNG', async () => {
    await withApp(SEED, async (page) => {
      const csvMatchesTable = async () => {
        const csv = await download(page, '#export-csv');
        assert.equal(csv.name, 'codefit.csv');
        const lines = csv.body.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
        assert.match(lines[0], /^"rank","model","open_weight","fit","format"/);
        const rows = await tableRows(page);
        assert.equal(lines.length, 1 + rows.length, 'CSV lines vs table rows');
        const names = new Set(rows.map((r) => r.name));
        for (const line of lines.slice(1)) assert.ok(names.has(/^"[^"]*","([^"]*)"/.exec(line)?.[1]), `CSV row not in the table: ${line.slice(0, 80)}`);
        return rows.length;
      };
      const all = await csvMatchesTable();

      const json = await download(page, '#export-json');
      assert.equal(json.name, 'codefit.json');
      const data = JSON.parse(json.body.toString('utf8'));
      assert.ok(Array.isArray(data.rows));
      assert.equal(data.rows.length, all);
      assert.equal(data.metric, 'SWE-Bench Verified');
      assert.deepEqual(new Set(data.rows.map((r) => r.model)), new Set((await tableRows(page)).map((r) => r.id)));

      // The exports follow the settings.
      await page.uncheck('#show-prop');
      await eventually(async () => assert.ok((await tableRows(page)).length < all));
      assert.ok((await csvMatchesTable()) < all);

      for (const kind of CHARTS) {
        const png = await download(page, `figure[data-chart=${kind}] button.export-png`);
        assert.equal(png.name, `codefit-${kind}.png`);
        assert.ok(isPng(png.body), `${kind}: not a PNG`);
        assert.ok(pngStats(png.body).distinctColours > 10, `${kind}: the PNG is blank`);
      }
    });
  });
});

describe('theme and small screens', () => {
  test('the theme toggle switches light and dark, is remembered, and dark is drawn', async () => {
    await withApp(SEED, async (page) => {
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      assert.equal(await theme(), 'light');
      await waitForChart(page);
      const drawnBefore = (await chartState(page)).frontier.drawnCount;
      await page.click('#theme-toggle');
      await eventually(async () => assert.equal(await theme(), 'dark'));
      assert.match(await page.locator('#theme-toggle').innerText(), /Light/);
      // The charts are re-coloured in place.
      await eventually(async () => assert.ok((await chartState(page)).frontier.drawnCount > drawnBefore));
      await page.waitForTimeout(300);
      const dark = pngStats(await page.screenshot());
      assert.ok(dark.distinctColours > 100, `dark screenshot has ${dark.distinctColours} colours`);
      assert.ok(dark.dominantShare < 0.9, `dark screenshot is ${(dark.dominantShare * 100).toFixed(0)}% one colour`);
      assert.ok(dark.meanLuminance < 100, `dark theme is not dark: mean luminance ${dark.meanLuminance.toFixed(0)}`);

      // A reload keeps the choice.
      await page.reload();
      await waitForApp(page);
      assert.equal(await theme(), 'dark');
      await page.click('#theme-toggle');
      await eventually(async () => assert.equal(await theme(), 'light'));
      await page.waitForTimeout(300);
      const light = pngStats(await page.screenshot());
      assert.ok(light.meanLuminance > 150, `light theme is not light: mean luminance ${light.meanLuminance.toFixed(0)}`);
    }, { colorScheme: 'light' });
  });

  test('on a 360 px phone the page is drawn', async () => {
    await withApp(SEED, async (page) => {
      await waitForChart(page);
      const shot = pngStats(await page.screenshot());
      assert.equal(shot.width, 360);
      assert.ok(shot.distinctColours > 100, `phone screenshot has ${shot.distinctColours} colours`);
      assert.ok(shot.dominantShare < 0.95, `phone screenshot is ${(shot.dominantShare * 100).toFixed(0)}% one colour`);
      for (const re of DEFAULT_HEADLINE) assert.match(await headline(page), re);
    }, { viewport: { width: 360, height: 740 } });
  });

  test('on a 360 px phone nothing but the tables scrolls sideways', async () => {
    await withApp(SEED, async (page) => {
      const { scrollWidth, wide } = await page.evaluate(() => {
        // Content inside its own scroll box (.table-wrap, a code block) may be wider.
        const inScrollBox = (el) => {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (p.matches('.table-wrap') || /auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
          }
          return false;
        };
        return {
          scrollWidth: document.documentElement.scrollWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !inScrollBox(el))
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${Math.round(el.getBoundingClientRect().right)} px`),
        };
      });
      assert.deepEqual(wide, [], 'elements wider than the screen outside a scroll box');
      assert.ok(scrollWidth <= 361, `the page scrolls sideways: scrollWidth ${scrollWidth}`);
    }, { viewport: { width: 360, height: 740 } });
  });
});

describe('keyboard', () => {
  test('Tab reaches the preset and the model names, with a visible focus ring; Enter selects', async () => {
    await withApp(SEED, async (page) => {
      const seen = [];
      let reachedPreset = false;
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {
            what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}`,
            id: el.id,
            modelLink: el.matches('button.model-link'),
            focusVisible: el.matches(':focus-visible'),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            model: el.closest('tr')?.dataset.model ?? null,
          };
        });
        seen.push(focus.what);
        assert.ok(focus.focusVisible, `${focus.what} is focused but not :focus-visible`);
        assert.ok(!/^none|\b0px$/.test(focus.outline), `${focus.what} has no visible focus outline (${focus.outline})`);
        if (focus.id === 'preset') reachedPreset = true;
        if (focus.modelLink) {
          assert.ok(reachedPreset, 'the preset select comes before the table in tab order');
          await page.keyboard.press('Enter');
          await eventually(async () => assert.equal(await page.locator('table#results tr.selected').getAttribute('data-model'), focus.model));
          await urlHas(page, 'sel', focus.model);
          return;
        }
      }
      assert.fail(`Tab never reached a model name: ${seen.join(' → ')}`);
    });
  });
});

describe('headline wording', () => {
  test(
    'when the best model that runs is also the best open model, the headline reads as a sentence',
    async () => {
      await withApp(`${SEED}&hw=pro6000x2`, async (page) => {
        const text = await headline(page);
        assert.match(text, /MiniMax-M2\.5 at GGUF Q5_K_M: 80\.2\./);
        assert.match(text, /It is the best open-weight model and 0\.7 points behind the best proprietary model \(Claude Opus 4\.5, 80\.9\)\./);
      });
    },
  );
});

describe('defaults an expert would choose (issue 13)', () => {
  test('a speed floor in the URL, 8-bit over BF16 unless allowed, memory in use per device, llama.cpp --fit', async () => {
    await withApp('?v=1&hw=strixhalo128', async (page) => {
      // Strix Halo: the dense Qwen3.6-27B scores higher but decodes under 10 tok/s.
      await eventually(async () => assert.match(await headline(page), /Expect about \d+ tok\/s \(estimate\)/));
      assert.match(await headline(page), /Qwen3\.6-27B scores higher but runs here at about [\d.]+ tok\/s, below your 10 tok\/s floor/);
      await page.locator('#min-speed').fill('0');
      await eventually(async () => assert.match(await headline(page), /is Qwen3\.6-27B at GGUF Q8_0: 77\.2\./));
      await urlHas(page, 'min', '0');
      // BF16 fits too, but only when 16-bit weights are allowed.
      await page.locator('#fp16').check();
      await eventually(async () => assert.match(await headline(page), /is Qwen3\.6-27B at BF16 \/ FP16: 77\.2\./));
      await urlHas(page, 'fp16', '1');
      await assertClean(page);
    });
    await withApp('?v=1&hw=rtx-4090', async (page) => {
      // The desktop's 0.5 GB on the card with display outputs, by default; 2 GB when asked.
      await eventually(async () => assert.match(await usable(page), /^23\.5 GB usable on 1 device\b/));
      await page.locator('#reserved-0').fill('2');
      await page.locator('#reserved-0').press('Tab');
      await eventually(async () => assert.match(await usable(page), /^22\.0 GB usable on 1 device\b/));
      await urlHas(page, 'hw', 'rtx-4090~2');
      // llama.cpp's own fitting, offered beside the engine's placement.
      await page.locator('#launch details.fit-command summary').click();
      assert.match(await page.locator('#launch-fit-command').innerText(), /--fit on --fit-target 1024 --fit-ctx \d+/);
      assert.doesNotMatch(await page.locator('#launch-fit-command').innerText(), /--n-gpu-layers/);
      await assertClean(page);
    });
  });

  test('a format the runtime cannot load is marked in the list; all-zero custom weights are explained', async () => {
    await withApp('?v=1&rt=vllm', async (page) => {
      const q4 = page.locator('select#quant option[value="q4_k_m"]');
      assert.ok(await q4.isDisabled());
      assert.match(await q4.innerText(), /not loadable by vLLM/);
      assert.ok(!(await page.locator('select#quant option[value="fp8"]').isDisabled()));
    });
    await withApp('?v=1&rank=w:1-0-0-0', async (page) => {
      await page.locator('#w-swe_verified').fill('0');
      await page.locator('#w-swe_verified').press('Tab');
      await eventually(async () => assert.match(await page.locator('#rank-note').innerText(), /Every custom weight is zero/));
      assert.doesNotMatch(await headline(page), /No open-weight model/);
      await urlHas(page, 'rank', 'w:0-0-0-0');
    });
  });
});
