// The page reads like an answer: the table leads with what runs here, keeps the proprietary
// leaders as reference rows and folds what does not fit (each with what it would need); on a
// phone the table is one card per model; chart labels neither overlap nor run off the canvas.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appRunner, assertNoSidewaysScroll, eventually, launchBrowser, startDistServer, waitForChart } from './harness.mjs';

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});
const withApp = appRunner(() => browser, () => server);

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 760 }, isMobile: true, hasTouch: true };

/** Each group's rows: id and the fit cell's text. */
async function groups(page) {
  return page.evaluate(() => {
    const read = (cls) =>
      [...document.querySelectorAll(`table#results tbody.${cls} tr[data-model]`)].map((tr) => ({
        id: tr.dataset.model,
        fit: tr.querySelector('td[data-label="Fit"]')?.innerText.replace(/\s+/g, ' ').trim() ?? '',
      }));
    return { runs: read('group-runs'), reference: read('group-reference'), noFit: read('group-nofit') };
  });
}


/**
 * The visible text elements ECharts drew in one chart, as rectangles in canvas pixels. Each
 * must lie inside the canvas, and no two may overlap (1 px of anti-aliasing allowed).
 */
async function assertLabelsClear(page, kind) {
  await page.waitForTimeout(1200); // the entry animation and the label layout run first
  const labels = await page.evaluate((kind) => {
    const el = document.querySelector(`figure[data-chart=${kind}] .chart`);
    const chart = window.echarts.getInstanceByDom(el);
    const zr = chart.getZr();
    // Text is drawn as tspans under a text element; the element carries the placement and
    // whether the label layout hid it.
    const texts = new Set();
    for (const e of zr.storage.getDisplayList(true)) {
      const t = e.type === 'tspan' ? e.parent : e.type === 'text' ? e : null;
      if (t && t.type === 'text' && !t.ignore && !t.invisible && (t.style?.opacity ?? 1) > 0.01) texts.add(t);
    }
    return {
      width: zr.getWidth(),
      height: zr.getHeight(),
      rects: [...texts].map((e) => {
        const r = e.getBoundingRect().clone();
        if (e.transform) r.applyTransform(e.transform);
        return { text: String(e.style.text), x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    };
  }, kind);
  assert.ok(labels.rects.length > 3, `${kind}: only ${labels.rects.length} texts drawn`);
  for (const r of labels.rects) {
    assert.ok(r.x >= -1 && r.y >= -1 && r.x + r.w <= labels.width + 1 && r.y + r.h <= labels.height + 1,
      `${kind}: “${r.text}” runs off the ${labels.width}×${labels.height} canvas at (${r.x.toFixed(0)}, ${r.y.toFixed(0)}, ${r.w.toFixed(0)}×${r.h.toFixed(0)})`);
  }
  const overlaps = [];
  labels.rects.forEach((a, i) => labels.rects.slice(i + 1).forEach((b) => {
    const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    if (dx > 1 && dy > 1) overlaps.push(`“${a.text}” × “${b.text}”`);
  }));
  assert.deepEqual(overlaps, [], `${kind}: labels overlap`);
}

describe('the table as an answer', () => {
  for (const [label, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`grouped: what runs first, reference rows, what does not fit folded with its need (${label})`, async () => {
      await withApp('?hw=pro6000', async (page) => {
        await eventually(async () => assert.ok((await groups(page)).runs.length > 3));
        const g = await groups(page);
        assert.ok(g.runs.every((r) => /fits|offload/.test(r.fit)), JSON.stringify(g.runs));
        const firstOffload = g.runs.findIndex((r) => /offload/.test(r.fit));
        if (firstOffload >= 0) assert.ok(g.runs.slice(firstOffload).every((r) => /offload/.test(r.fit)), 'a fit after an offload row');
        assert.ok(g.reference.length >= 1 && g.reference.length <= 5, `${g.reference.length} reference rows`);
        assert.ok(g.reference.every((r) => /API only/.test(r.fit)));
        assert.equal(g.noFit.length, 0, 'the group of models that do not fit is not folded');
        const toggle = page.locator('#toggle-nofit');
        assert.match(await toggle.innerText(), /Show the \d+ models that do not fit here/);
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        await eventually(async () => {
          const noFit = (await groups(page)).noFit;
          assert.ok(noFit.length > 5);
          const needs = noFit.filter((r) => /does not fit/.test(r.fit));
          assert.ok(needs.length > 0 && needs.every((r) => /\+\d+ GB · (fits with|not with)/.test(r.fit)), JSON.stringify(needs.slice(0, 3)));
          assert.ok(needs.some((r) => /fits with a second NVIDIA RTX PRO 6000 Blackwell/.test(r.fit)), JSON.stringify(needs.map((r) => r.fit)));
        });
        await page.locator('#toggle-reference').click();
        await eventually(async () => assert.ok((await groups(page)).reference.length > 5));
        await assertNoSidewaysScroll(page);
      }, options);
    });
  }

  test('on a phone each model is a card with labelled facts; nothing scrolls sideways', async () => {
    await withApp('?hw=pro6000', async (page) => {
      await eventually(async () => assert.ok((await groups(page)).runs.length > 0));
      const card = await page.evaluate(() => {
        const tr = document.querySelector('table#results tbody.group-runs tr[data-model]');
        const cells = [...tr.querySelectorAll('td')];
        const wrap = tr.closest('.table-wrap');
        return {
          display: getComputedStyle(tr).display,
          labels: cells.map((td) => td.dataset.label),
          before: getComputedStyle(cells[1], '::before').content,
          width: tr.getBoundingClientRect().width,
          wrapScroll: wrap.scrollWidth - wrap.clientWidth,
          headVisible: document.querySelector('table#results thead').getBoundingClientRect().height > 2,
        };
      });
      assert.equal(card.display, 'block');
      assert.ok(card.labels.every(Boolean) && card.labels.includes('Memory (W + KV + O)'), card.labels.join(','));
      assert.equal(card.before, '"Score"');
      assert.ok(card.width <= 360, `a card is ${card.width}px wide`);
      assert.ok(card.wrapScroll <= 0, `the table scrolls sideways by ${card.wrapScroll}px on a phone`);
      assert.equal(card.headVisible, false);
      await assertNoSidewaysScroll(page);
    }, PHONE);
  });
});

describe('chart labels', () => {
  for (const [label, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`the memory-vs-score and budget charts' labels neither overlap nor clip (${label})`, async () => {
      await withApp('?hw=pro6000', async (page) => {
        await waitForChart(page);
        await page.locator('figure[data-chart=frontier]').scrollIntoViewIfNeeded();
        await assertLabelsClear(page, 'frontier');
        await page.locator('figure[data-chart=budget]').scrollIntoViewIfNeeded();
        await assertLabelsClear(page, 'budget');
      }, options);
    });
  }
});

describe('hints from the browser', () => {
  // A browser that exposes WebGPU adapter information naming the card (Chromium does where the
  // GPU process allows it); the test stands in for it with a stub adapter.
  const GPU = `Object.defineProperty(navigator, 'gpu', { configurable: true, value: { requestAdapter: async () => ({
    info: { vendor: 'nvidia', architecture: 'blackwell', device: '', description: 'NVIDIA GeForce RTX 5090' } }) } });`;

  test('a named card suggests its presets; nothing is applied without a click', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(GPU);
      const { openApp, waitForApp, assertClean } = await import('./harness.mjs');
      const page = await openApp(context, server.url(''));
      await waitForApp(page);
      const hint = page.locator('#browser-hint');
      await eventually(async () => assert.match(await hint.innerText(), /Your browser reports a NVIDIA GeForce RTX 5090 GPU/));
      assert.match(await hint.innerText(), /nothing is sent/);
      // Not applied: the hardware is still the default preset.
      assert.equal(await page.locator('#preset').inputValue(), 'pro6000');
      assert.equal(new URL(page.url()).searchParams.get('hw'), null);
      await page.locator('#browser-hint button[data-preset="rtx5090"]').click();
      await eventually(async () => assert.equal(await page.locator('#preset').inputValue(), 'rtx5090'));
      await eventually(async () => assert.equal(await hint.count(), 0));
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('without WebGPU information nothing is suggested', async () => {
    await withApp('', async (page) => {
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#browser-hint').count(), 0);
    });
  });
});
