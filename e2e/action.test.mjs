// From answer to action, and data as of today: the runtime choice and its launch command
// (with copy), the per-device breakdown, the comparison of two setups, calibration, the
// time-to-first-token column, the data-date control, provenance marks and the frontier over
// time. Expected values are the engine's, pinned natively in src/engine/{compare,launch}.rs
// and tests/current_data.rs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appRunner, eventually, launchBrowser, startDistServer, waitForChart } from './harness.mjs';

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const withApp = appRunner(() => browser, () => server);

/** The cells of a chart's data table (read as text: the table sits in a closed <details>). */
const tableRows = (figure) =>
  figure.locator('details.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
const param = async (page, key) => page.evaluate((k) => new URLSearchParams(location.search).get(k), key);

describe('launch command', () => {
  test('follows the runtime and the placement, and copies to the clipboard', async () => {
    await withApp('?asof=seed&hw=pro6000-5090&sel=qwen3-coder-30b-a3b', async (page, context) => {
      const command = page.locator('#launch-command');
      await eventually(async () => assert.match(await command.innerText(), /^llama-server -hf unsloth\/Qwen3-Coder-30B-A3B-Instruct-GGUF:/));
      const text = await command.innerText();
      assert.match(text, /--split-mode layer --tensor-split \d+,\d+/, 'two different cards: a layer split');
      assert.match(text, /--ctx-size 65536 --parallel 1/);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.click('#copy-command');
      await eventually(async () => assert.equal(await page.locator('#copy-command').innerText(), 'Copied'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

      await page.selectOption('#runtime', 'vllm');
      await eventually(async () => assert.match(await command.innerText(), /^vllm serve Qwen\/Qwen3-Coder-30B-A3B-Instruct/));
      assert.match(await command.innerText(), /--tensor-parallel-size 2/);
      assert.equal(await param(page, 'rt'), 'vllm');
      // vLLM shards every layer equally: the 32 GB card bounds the pair, so fewer models run.
      await eventually(async () => assert.match(await page.locator('#launch').innerText(), /smallest card bounds the fit/));
    });
  });

  test('MLX is for Apple silicon only', async () => {
    await withApp('?rt=mlx', async (page) => {
      await eventually(async () => assert.match(await page.locator('#speed-basis').innerText(), /MLX cannot run this device/));
      assert.match(await page.locator('#headline').innerText(), /^MLX does not run on NVIDIA RTX PRO 6000 Blackwell: choose another runtime\./);
    });
  });

  test('a fixed format the runtime cannot load is refused with its reason', async () => {
    await withApp('?v=1&hw=rtx4090&q=nvfp4', async (page) => {
      await eventually(async () => assert.match(await page.locator('#speed-basis').innerText(), /llama\.cpp does not load NVFP4: the best format that fits is used instead/));
      const cmd = await page.locator('#launch-command').innerText();
      assert.doesNotMatch(cmd, /NVFP4/);
    });
  });
});

describe('per-device breakdown', () => {
  test('the breakdown chart shows each device of a split', async () => {
    await withApp('?asof=seed&hw=pro6000-5090&sel=minimax-m2.5', async (page) => {
      await waitForChart(page);
      const fig = page.locator('figure[data-chart=breakdown]');
      await eventually(async () => assert.match(await fig.locator('figcaption').innerText(), /MiniMax-M2\.5 at q2_k: 62 layers on the devices/));
      const rows = await tableRows(fig);
      assert.equal(rows.length, 2);
      assert.match(rows[0][0], /RTX PRO 6000/);
      assert.match(rows[1][0], /RTX 5090/);
      const layers = rows.map((r) => Number(r[1]));
      assert.equal(layers[0] + layers[1], 62);
      assert.ok(layers[0] > 2 * layers[1], 'layers in proportion to free memory (95 vs 31 GB)');
    });
  });
});

describe('compare two setups', () => {
  test('96 GB against PRO 6000 + 5090 in the seed snapshot', async () => {
    await withApp('?asof=seed', async (page) => {
      // Panels below the first viewport compute only once they are on screen.
      await page.locator('#compare').scrollIntoViewIfNeeded();
      await page.selectOption('#compare-preset', 'pro6000-5090');
      const table = page.locator('#compare-table');
      await eventually(async () => assert.ok((await table.locator('tbody tr').count()) >= 4));
      const swe = await table.locator('tbody tr', { hasText: 'SWE-Bench Verified' }).innerText();
      assert.match(swe, /Qwen3-Coder-Next 70\.6/);
      assert.match(swe, /MiniMax-M2\.5 80\.2/);
      assert.match(swe, /\+9\.6/);
      assert.match(await page.locator('#compare-unlocked').innerText(), /MiniMax-M2\.5/);
      assert.match(await page.locator('#compare-speeds').innerText(), /MiniMax-M2\.5: decode ≈ — → \d+/);
      assert.equal(await param(page, 'cmp'), 'pro6000-5090');
    });
  });

  test('a shared comparison link opens the comparison', async () => {
    await withApp('?asof=seed&cmp=pro6000x2', async (page) => {
      assert.equal(await page.locator('#compare-preset').inputValue(), 'pro6000x2');
      await page.locator('#compare').scrollIntoViewIfNeeded();
      await eventually(async () => assert.match(await page.locator('#compare-table').innerText(), /MiniMax-M2\.5 80\.2/));
    });
  });
});

describe('speed', () => {
  test('calibration with a measured speed changes every estimate and is in the URL', async () => {
    await withApp('', async (page) => {
      const basis = page.locator('#speed-basis');
      assert.match(await basis.innerText(), /\d+% of the bandwidth ceiling plus [\d.]+ ms per token, fitted on \d+ published measurements/);
      const row = page.locator('tr[data-model=gpt-oss-120b] td').nth(5);
      const before = await row.innerText();
      await page.locator('details.calibration summary').click();
      await page.selectOption('#cal-model', 'gpt-oss-120b');
      await page.fill('#cal-tok', '100');
      await eventually(async () => assert.match(await basis.innerText(), /use your measurement/));
      await eventually(async () => assert.match(await row.innerText(), /^≈ 100, \d+–\d+ est\./));
      assert.notEqual(await row.innerText(), before);
      assert.equal(await param(page, 'cal'), 'gpt-oss-120b:100');
      await page.fill('#cal-tok', 'fast');
      assert.equal(await page.locator('#cal-tok').getAttribute('aria-invalid'), 'true');
    });
  });

  test('a longer prompt takes longer to the first token', async () => {
    // The H100's compute figure is in the dataset (the RTX PRO 6000's is not: no sourced dense figure).
    await withApp('?hw=h100-sxm', async (page) => {
      const cell = page.locator('tr[data-model=gpt-oss-120b] td').nth(6);
      // "≈ 0.2 s, 0.1–1.3 est.": the estimate, then its range.
      const seconds = async () => parseFloat(/≈ ([\d.]+) s/.exec(await cell.innerText())?.[1]);
      await eventually(async () => assert.match(await cell.innerText(), /^≈ [\d.]+ s, [\d.]+–[\d.]+ est\./));
      const short = await seconds();
      await page.fill('#prompt', '64k');
      await eventually(async () => assert.ok((await seconds()) > short * 3, 'prefill grows at least linearly'));
      assert.equal(await param(page, 'prompt'), '64k');
    });
  });

  test('published measurements appear beside the estimate', async () => {
    await withApp('?hw=strixhalo128', async (page) => {
      const links = page.locator('tr[data-model=gpt-oss-120b] a.measured');
      await eventually(async () => assert.ok((await links.allInnerTexts()).includes('measured 52 tok/s')));
      for (const href of await links.evaluateAll((els) => els.map((e) => e.href))) assert.match(href, /^https:\/\//);
    });
  });
});

describe('data as of', () => {
  test('the seed snapshot, a date, and the newest data give different answers', async () => {
    await withApp('', async (page) => {
      const headline = page.locator('#headline');
      assert.match(await headline.innerText(), /Qwen3\.6-27B .*Data as of 2026-09-02\./);
      // Today is more than 60 days after the newest figure: the headline itself says so.
      const days = Math.floor((Date.now() - Date.UTC(2026, 8, 2)) / 86_400_000);
      if (days > 60) assert.match(await headline.innerText(), new RegExp(`The data may be out of date: its newest figure is ${days} days old`));
      assert.match(await page.locator('#data-age').innerText(), new RegExp(`data as of 2026-09-02, ${days} days ago`));
      await page.selectOption('#data-mode', 'seed');
      await eventually(async () => assert.match(await headline.innerText(), /Qwen3-Coder-Next .*the seed snapshot \(2026-02-18\)/));
      assert.equal(await param(page, 'asof'), 'seed');
      await page.selectOption('#data-mode', 'date');
      await page.fill('#asof', '2025-09-01');
      await page.locator('#asof').dispatchEvent('change');
      await eventually(async () => assert.match(await headline.innerText(), /Data as of 2025-09-01\./));
      assert.equal(await param(page, 'asof'), '2025-09-01');
    });
  });

  test('provenance marks and benchmark freshness are shown', async () => {
    await withApp('', async (page) => {
      const links = page.locator('#results td a[title]');
      assert.ok((await links.count()) > 20);
      const titles = await links.evaluateAll((els) => els.map((e) => e.title));
      assert.ok(titles.some((t) => t.startsWith('vendor-reported')));
      assert.ok(titles.some((t) => t.startsWith('independent leaderboard')));
      const method = await page.locator('#method').innerText();
      // Aider's leaderboard stopped: its newest source-dated figure is from 2025.
      assert.match(method, /Aider Polyglot — .*\(newest dated figure 2025-\d\d-\d\d\)/);
      assert.match(method, /Terminal-Bench/);
    });
  });

  test('the seed snapshot figure by figure, the default benchmark explained, weak sources marked', async () => {
    await withApp('', async (page) => {
      // All 38 figures of the seed's four tables, each beside the engine's rank and memory.
      const rows = page.locator('#seed-figures tbody tr');
      await page.locator('#seed-figures').scrollIntoViewIfNeeded();
      await eventually(async () => assert.equal(await rows.count(), 38));
      const text = await page.locator('#seed-figures').innerText();
      assert.match(text, /LiveCodeBench v5/);
      assert.match(text, /Aider Polyglot \(whole\)/);
      // The default ranking benchmark and why, from the coverage table.
      assert.match(await page.locator('#default-bench').innerText(), /^SWE-Bench Verified ranks by default: it has figures for the most open-weight models \(\d+ of \d+ models/);
      assert.ok((await page.locator('#bench-coverage tbody tr').count()) >= 10);
      // A figure only an aggregator page carries is marked (the folded rows included).
      await page.locator('#toggle-nofit').click();
      await page.locator('#toggle-reference').click();
      assert.ok((await page.locator('#results abbr.weak').count()) >= 1);
      // An open-weight model without a sourced config says why instead of a fit.
      const ornith = page.locator('tr[data-model="ornith-1.0-397b"]');
      assert.match(await ornith.innerText(), /memory not computed/);
    });
  });

  test('the frontier-over-time chart is drawn with its data table', async () => {
    await withApp('?asof=seed', async (page) => {
      await waitForChart(page);
      const fig = page.locator('figure[data-chart=timeline]');
      await eventually(async () => assert.ok(Number(await fig.locator('.chart').getAttribute('data-drawn')) >= 1));
      const drawn = await fig.locator('canvas').evaluate((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set();
        for (let i = 0; i < data.length; i += 400) seen.add(data.slice(i, i + 4).join(','));
        return seen.size;
      });
      assert.ok(drawn > 3, 'the canvas is not blank');
      const rows = await tableRows(fig);
      assert.ok(rows.length >= 5);
      const last = rows[rows.length - 1].join(' | ');
      assert.match(last, /Claude Opus 4\.5 80\.9/);
      assert.match(last, /MiniMax-M2\.5 80\.2/);
      assert.match(last, /Qwen3-Coder-Next 70\.6/);
    });
  });
});

describe('what the page says about runtimes, the seed and its own accuracy', () => {
  test('each runtime on PRO 6000 + 5090: llama.cpp splits layers, vLLM is bound by the smaller card', async () => {
    await withApp('?asof=seed&hw=pro6000-5090', async (page) => {
      await page.locator('#runtime-options').scrollIntoViewIfNeeded();
      await eventually(async () => assert.equal(await page.locator('#runtime-options tbody tr').count(), 4));
      const rows = await page.locator('#runtime-options tbody tr').allInnerTexts();
      assert.match(rows[0], /^llama\.cpp\s+126 GB on 2\s+MiniMax-M2\.5 at q2_k \(80\.2\)/);
      assert.match(rows[1], /^vLLM\s+111 GB on 2\s+Qwen3-Coder-Next at nvfp4 \(70\.6\)\s+every layer sharded equally: the smallest card bounds it/);
      assert.match(rows[3], /^MLX\s+—\s+nothing fits\s+MLX does not run on this hardware/);
    });
  });

  test("the seed's 69 and 134 tok/s appear beside the engine's estimates", async () => {
    await withApp('', async (page) => {
      await page.locator('#seed-speeds').scrollIntoViewIfNeeded();
      await eventually(async () => assert.equal(await page.locator('#seed-speeds li').count(), 2));
      const items = await page.locator('#seed-speeds li').allInnerTexts();
      assert.ok(items.some((t) => /^Seed: 69 tok\/s on Apple Mac Studio M3 Ultra 256 GB .*Qwen3\.5-397B-A17B/.test(t)));
      assert.ok(items.some((t) => /^Seed: 134 tok\/s on NVIDIA RTX PRO 6000 Blackwell .*Qwen3-Coder-Next/.test(t)));
    });
  });

  test('models the seed left out, and what they change on a 24 GB card', async () => {
    await withApp('?hw=rtx4090', async (page) => {
      await page.locator('#seed-omissions').scrollIntoViewIfNeeded();
      await eventually(async () => assert.match(await page.locator('#seed-omissions').innerText(), /SWE-V:/));
      const note = await page.locator('#seed-omissions').innerText();
      assert.match(note, /^\d+ models published by 2026-02-18 are not in the seed snapshot\./);
      assert.match(note, /SWE-V: Devstral Small 2 instead of Qwen3-Coder-30B-A3B/);
    });
  });

  test('the method panel states the measured error of the estimates', async () => {
    await withApp('', async (page) => {
      const items = await page.locator('#accuracy li').allInnerTexts();
      assert.match(items[0], /^Weights vs published GGUF file sizes: median error 1%, 90th percentile 9%, worst 13% over 38 files$/);
      assert.match(items[1], /^Decode, llama\.cpp — out of sample \(leave-one-device-out\): median \d+%, 90th percentile \d+%, worst \d+% over \d+ cases \(in sample: median \d+%/);
      assert.ok(items.some((t) => /^Prefill \(time to first token\), out of sample: median \d+%/.test(t)));
      assert.ok(items.some((t) => /^Memory total .* over 18 cases/.test(t)));
      assert.ok(items.some((t) => /tight/.test(t)));
      // The worst cases link their sources.
      assert.ok((await page.locator('#worst-cases a[href^="https://"]').count()) >= 3);
    });
  });
});
