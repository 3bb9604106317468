// What to buy and what the same work costs on an API (issue 16, parts 3 and 4), as a user
// sees them: the setups for sale with sourced, dated prices; a target listing the setups that
// reach it, cheapest first; the monthly API bill for typed inputs, equal to the hand-computed
// one from src/data/api_prices.json; a bad input refused with a message; and both panels at
// 1280 px and 360 px with no sideways page scroll outside `.table-wrap` and no overlapping text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { appRunner, eventually, launchBrowser, startDistServer } from './harness.mjs';

const API = JSON.parse(readFileSync(new URL('../src/data/api_prices.json', import.meta.url), 'utf8'));
const SETUPS = JSON.parse(readFileSync(new URL('../src/data/setups.json', import.meta.url), 'utf8'));

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});
const withApp = appRunner(() => browser, () => server);
const params = (page) => new URL(page.url()).searchParams;

/** Scrolls a panel on screen (panels compute only while visible). */
async function show(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
}

/** The setups table once every row has its answers. */
async function setupRows(page) {
  await eventually(async () => {
    const pending = await page.locator('#buy-setups tbody td', { hasText: '…' }).count();
    assert.equal(pending, 0, 'setup answers still pending');
  }, { timeout: 20_000 });
  return page.$$eval('#buy-setups tbody tr[data-setup]', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.setup,
      price: tr.cells[1].innerText.replace(/\s+/g, ' ').trim(),
      source: tr.cells[1].querySelector('a.source')?.href ?? null,
      cells: [...tr.cells].slice(2).map((td) => td.innerText.replace(/\s+/g, ' ').trim()),
    })),
  );
}

/** The reverse list's priced rows, in display order. */
async function reverseRows(page) {
  return page.$$eval('#buy-reverse tbody:not(.unpriced) tr[data-setup]', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.setup,
      price: Number(tr.dataset.price),
      reach: tr.cells[2].innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** Elements of `selector` wider than the screen outside a scroll box, and the page's width. */
async function sideways(page) {
  return page.evaluate(() => {
    const inScrollBox = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (p.matches('.table-wrap') || /auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('section.buying *, section.api-cost *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !inScrollBox(el))
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`),
    };
  });
}

/** Pairs of text-bearing elements in the panels whose boxes overlap (neither holds the other). */
async function overlaps(page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll(
      'section.buying :is(label, input, select, small, strong, a, .pick, th, p, h2, h3), section.api-cost :is(label, input, select, small, strong, a, th, dt, dd, p, h2)',
    )]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const out = [];
    for (let i = 0; i < items.length; i += 1) {
      for (let j = i + 1; j < items.length; j += 1) {
        const a = items[i];
        const b = items[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 2 && y > 2) out.push(`${a.el.tagName}“${a.el.textContent.slice(0, 20)}” × ${b.el.tagName}“${b.el.textContent.slice(0, 20)}”`);
      }
    }
    return out.slice(0, 10);
  });
}

describe('what to buy', () => {
  test('the panel lists the priced setups with source links and dates', async () => {
    await withApp('', async (page) => {
      await show(page, 'section.buying');
      const rows = await setupRows(page);
      const priced = SETUPS.setups.filter((s) => s.price_usd !== null);
      assert.equal(rows.length, SETUPS.setups.length);
      for (const s of priced) {
        const r = rows.find((x) => x.id === s.id);
        assert.ok(r, `no row for ${s.id}`);
        assert.match(r.source ?? '', /^https:\/\//, `${s.id}: no source link`);
        assert.ok(r.price.includes(s.price_date), `${s.id}: no date in “${r.price}”`);
        assert.match(r.price, /launch price|street price/);
        assert.match(r.price, /cards only|complete system/);
        if (s.weak_source) assert.match(r.price, /weak source/);
      }
      for (const s of SETUPS.setups.filter((x) => x.price_usd === null)) {
        assert.match(rows.find((x) => x.id === s.id).price, /price not public/);
      }
      // The seed's reference machine runs a model on every main benchmark, with a speed estimate.
      const pro = rows.find((r) => r.id === 'pro6000');
      assert.equal(pro.cells.length, 4);
      for (const c of pro.cells) assert.match(c, /≈ \d+ tok\/s/);
    });
  });

  test('a runtime that cannot use a setup says so', async () => {
    await withApp('?rt=mlx', async (page) => {
      await show(page, 'section.buying');
      const rows = await setupRows(page);
      assert.match(rows.find((r) => r.id === 'rtx4090').cells[0], /MLX cannot use/);
      assert.doesNotMatch(rows.find((r) => r.id === 'm3ultra96').cells[0], /cannot use/);
    });
  });

  test('a SWE-bench target lists the setups that reach it, sorted by price', async () => {
    await withApp('', async (page) => {
      await show(page, 'section.buying');
      await setupRows(page);
      await page.selectOption('#bt-bench', 'swe_verified');
      await page.fill('#bt-min', '60');
      await eventually(() => assert.equal(params(page).get('bt'), 'swe:60'));
      let rows;
      await eventually(async () => {
        rows = await reverseRows(page);
        assert.ok(rows.length > 1, 'fewer than two setups listed');
      });
      for (let i = 1; i < rows.length; i += 1) {
        assert.ok(rows[i - 1].price <= rows[i].price, `not sorted by price: ${rows[i - 1].id} ${rows[i].id}`);
      }
      for (const r of rows) {
        const best = Number(/best SWE-V: ([\d.]+)/.exec(r.reach)?.[1]);
        assert.ok(best >= 60, `${r.id} is listed below the target: ${r.reach}`);
      }
      assert.match(await page.locator('#buy-summary').innerText(), /priced setups reach ≥ 60 on SWE-Bench Verified/);
      // A dearer step says what it unlocks.
      assert.match(await page.locator('#buy-reverse').innerText(), /the cheapest that reaches it/);
      // A bad minimum is refused with a message.
      await page.fill('#bt-min', 'high');
      await eventually(async () => assert.notEqual((await page.locator('.field:has(#bt-min) .error').innerText()).trim(), ''));
      assert.equal(params(page).get('bt'), 'swe:60');
    });
  });
});

describe('what the same work costs on an API', () => {
  test('the monthly figure equals the hand-computed one, and bad input shows a message', async () => {
    await withApp('', async (page) => {
      await show(page, 'section.api-cost');
      await page.fill('#tin', '10M');
      await page.fill('#tout', '1M');
      await page.fill('#cache', '50');
      await eventually(() => assert.equal(params(page).get('cache'), '50'));
      const rows = await page.$$eval('#api-costs tbody tr[data-monthly]', (trs) =>
        trs.map((tr) => ({ id: tr.dataset.model, monthly: Number(tr.dataset.monthly), text: tr.innerText })));
      assert.ok(rows.length > 3, 'fewer than four priced proprietary models');
      for (const r of rows) {
        const p = API.prices.find((x) => x.model === r.id);
        // 30 days × tokens a day × $ per million ÷ 1e6: 5M uncached, 5M cached, 1M output.
        const want = 30 * (5 * p.input_usd_per_mtok + 5 * (p.cache_read_usd_per_mtok ?? p.input_usd_per_mtok) + 1 * p.output_usd_per_mtok);
        assert.ok(Math.abs(r.monthly - want) < 0.01, `${r.id}: ${r.monthly} ≠ ${want}`);
        assert.match(r.text, /source/);
        assert.ok(r.text.includes(p.as_of), `${r.id}: no date`);
      }
      assert.match(await page.locator('#api-costs thead').innerText(), /estimate/);
      // The default hardware (1x RTX PRO 6000) is a priced setup; a typed price wins:
      // $3,600 over 2 years = $150 a month, + 600 W × 8 h × 30 days ÷ 1000 × $0.18 = $25.92.
      await page.fill('#hwp', '3600');
      await page.fill('#life', '2');
      await eventually(async () => assert.match(await page.locator('#hw-total').innerText(), /\$176 a month \(estimate\)/));
      // Bad input: a message, the URL unchanged.
      const before = page.url();
      await page.fill('#tin', 'lots');
      await eventually(async () => assert.match(await page.locator('.field:has(#tin) .error').innerText(), /not a number/));
      assert.equal(await page.locator('#tin').getAttribute('aria-invalid'), 'true');
      await page.fill('#life', '99');
      await eventually(async () => assert.match(await page.locator('.field:has(#life) .error').innerText(), /between/));
      assert.equal(page.url(), before);
    });
  });

  test('hardware that matches no priced setup says its price is unknown', async () => {
    await withApp('?hw=custom:64:500', async (page) => {
      await show(page, 'section.api-cost');
      await eventually(async () => assert.match(await page.locator('#hw-price').innerText(), /unknown/));
    });
  });
});

for (const width of [1280, 360]) {
  test(`at ${width} px the panels do not scroll the page sideways and their text does not overlap`, async () => {
    await withApp('', async (page) => {
      for (const panel of ['section.buying', 'section.api-cost']) {
        await show(page, panel);
        if (panel === 'section.buying') await setupRows(page);
        else await page.locator('#api-costs tbody tr').first().waitFor();
      }
      const { scrollWidth, wide } = await sideways(page);
      assert.deepEqual(wide, [], 'elements wider than the screen outside a scroll box');
      assert.ok(scrollWidth <= width + 1, `the page scrolls sideways: ${scrollWidth}`);
      assert.deepEqual(await overlaps(page), [], 'overlapping text');
    }, { viewport: { width, height: 900 } });
  });
}
