// Sharing a result: a link reproduces the configuration on every control; a garbage or hostile
// link falls back to the defaults with visible, dismissible notices and never runs script;
// the last configuration comes back from local storage (a link beats it; corrupt storage is
// reported); "Copy link" copies the current URL; text typed by a user never becomes HTML;
// and a shared link opens offline after one visit.
// Expected answers are pinned natively in tests/seed_claims.rs (seed snapshot).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertClean,
  eventually,
  launchBrowser,
  openApp,
  setOffline,
  startDistServer,
  waitForApp,
  waitForServiceWorker,
} from './harness.mjs';

const STORAGE_KEY = 'codefit.config.v1';
const CRAFTED = '?v=1&hw=pro6000x2&ctx=32k&n=4&rank=lcb&asof=seed';
const GARBAGE = '?v=9&hw=warp&ctx=lots&n=-3&zzz=<script>alert(1)</script>';

let browser;
let server;
before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startDistServer()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** A fresh context that records every dialog (alert/confirm/prompt) any of its pages opens. */
async function newContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const dialogs = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return { context, dialogs };
}

async function open(context, path) {
  const page = await openApp(context, server.url(path));
  await waitForApp(page);
  return page;
}

const headline = (page) => page.locator('#headline').innerText();
const params = (page) => new URL(page.url()).searchParams;

/** What each control shows. */
async function controls(page) {
  const value = async (selector) => ((await page.locator(selector).count()) ? page.locator(selector).inputValue() : null);
  return {
    preset: await value('#preset'),
    ctx: await value('#ctx'),
    sessions: await value('#sessions'),
    quant: await value('#quant'),
    kv: await value('#kv'),
    rank: await value('#rank'),
    dataMode: await value('#data-mode'),
    showProp: await page.locator('#show-prop').isChecked(),
    onlyFits: await page.locator('#only-fits').isChecked(),
    penalty: await page.locator('#penalty').isChecked(),
  };
}

const DEFAULTS = {
  preset: 'pro6000',
  ctx: '64k',
  sessions: '1',
  quant: 'auto',
  kv: 'f16',
  rank: 'bench:swe_verified',
  dataMode: 'newest',
  showProp: true,
  onlyFits: false,
  penalty: false,
};

describe('a shared link', () => {
  test('shows its configuration on every control, and the same answer as setting it by hand', async () => {
    let byHand;
    {
      const { context } = await newContext();
      try {
        const page = await open(context, '');
        await page.selectOption('#preset', 'pro6000x2');
        await page.fill('#ctx', '32k');
        await page.fill('#sessions', '4');
        await page.selectOption('#rank', 'bench:lcb_v6');
        await page.selectOption('#data-mode', 'seed');
        await eventually(() => assert.equal(params(page).get('asof'), 'seed'));
        byHand = { headline: await headline(page), query: new URL(page.url()).search };
        await assertClean(page);
      } finally {
        await context.close();
      }
    }

    const { context, dialogs } = await newContext();
    try {
      const page = await open(context, CRAFTED);
      assert.deepEqual(await controls(page), {
        ...DEFAULTS,
        preset: 'pro6000x2',
        ctx: '32k',
        sessions: '4',
        rank: 'bench:lcb_v6',
        dataMode: 'seed',
      });
      assert.equal(await page.locator('.device-row').count(), 1);
      assert.equal(await page.locator('input.count').inputValue(), '2');
      assert.match(await page.locator('#usable').innerText(), /^192 GB usable on 2 devices\b/);
      assert.equal(await page.locator('#notices').count(), 0, 'a valid link produced notices');
      const text = await headline(page);
      assert.equal(text, byHand.headline, 'the link and the controls give different answers');
      assert.match(text, /^On 2× NVIDIA RTX PRO 6000 Blackwell \(192 GB usable\), the best open-weight model for LiveCodeBench v6 is /);
      assert.match(text, /Data as of the seed snapshot \(2026-02-18\)\.$/);
      // The link is already canonical: the page keeps it as it is.
      assert.equal(new URL(page.url()).search, CRAFTED);
      assert.equal(byHand.query, CRAFTED);
      assert.deepEqual(dialogs, []);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('links give the engine’s pinned answers and restore the selected model', async () => {
    const { context } = await newContext();
    try {
      const cases = [
        ['?v=1&asof=seed', /SWE-Bench Verified is Qwen3-Coder-Next at GGUF Q8_0: 70\.6\. Expect about \d+ tok\/s \(estimate\)\. It is 9\.6 points behind the best open-weight model \(MiniMax-M2\.5, 80\.2\) and 10\.3 points behind the best proprietary model \(Claude Opus 4\.5, 80\.9\)/],
        ['?v=1&hw=pro6000x2&asof=seed', /SWE-Bench Verified is MiniMax-M2\.5 at GGUF Q5_K_M: 80\.2\./],
        ['?v=1&rank=aider&asof=seed', /Aider Polyglot is GPT-OSS-120B at MXFP4: 68\.4\..*21\.0 points behind the best proprietary model/],
      ];
      for (const [link, expected] of cases) {
        const page = await open(context, link);
        assert.match(await headline(page), expected, link);
        await assertClean(page);
        await page.close();
      }
      const page = await open(context, '?v=1&q=q4_k_m&ram=128&kv=q8_0&prop=0&pen=1&sel=gpt-oss-120b&asof=seed');
      const shown = await controls(page);
      assert.equal(shown.quant, 'q4_k_m');
      assert.equal(shown.kv, 'q8_0');
      assert.equal(shown.showProp, false);
      assert.equal(shown.penalty, true);
      assert.equal(await page.locator('#ram').inputValue(), '128');
      assert.match(await page.locator('#usable').innerText(), /plus 120 GB of system RAM/);
      assert.equal(await page.locator('table#results tr.selected').getAttribute('data-model'), 'gpt-oss-120b');
      assert.equal(await page.locator('table#results tr.row-proprietary').count(), 0);
      assert.match(await page.locator('#method').innerText(), /Worked example: GPT-OSS-120B/);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('a garbage link shows the defaults and a dismissible notice naming each bad key; no script runs', async () => {
    const { context, dialogs } = await newContext();
    try {
      const clean = await open(context, '');
      const scriptCount = await clean.evaluate(() => document.querySelectorAll('script').length);
      const defaultHeadline = await headline(clean);
      await assertClean(clean);
      await clean.close();

      // The brief's garbage link, plus values the page echoes back in its notices.
      const hostile = `${GARBAGE}&kv=<script>alert(2)</script>&<b>bold</b>=<img src=x onerror=alert(3)>`;
      const page = await open(context, hostile);
      assert.deepEqual(await controls(page), DEFAULTS);
      assert.equal(await headline(page), defaultHeadline);

      const notices = page.locator('#notices');
      assert.ok(await notices.isVisible(), '#notices is not visible');
      const keys = await notices.locator('li strong').allInnerTexts();
      for (const key of ['v', 'hw', 'ctx', 'n', 'zzz', 'kv', '<b>bold</b>']) {
        assert.ok(keys.includes(key), `no notice names “${key}”: ${JSON.stringify(keys)}`);
      }
      const text = await notices.innerText();
      assert.match(text, /“9”/);
      assert.match(text, /“warp”/);
      assert.match(text, /“lots”/);
      assert.match(text, /“-3”/);
      // Hostile text is shown as text, never parsed as HTML or run.
      assert.match(text, /<script>alert\(2\)<\/script>/);
      assert.equal(await notices.locator('script, b, img').count(), 0, 'notice text became elements');
      assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), scriptCount);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
      await page.waitForTimeout(200);
      assert.deepEqual(dialogs, [], 'a dialog opened: script ran');

      // The page rewrites the link to the configuration it shows.
      assert.equal(new URL(page.url()).search, '?v=1');

      await notices.locator('button.dismiss').click();
      await eventually(async () => assert.equal(await page.locator('#notices').count(), 0));
      // Still working.
      await page.selectOption('#preset', 'pro6000x2');
      await eventually(async () => assert.match(await headline(page), /2× NVIDIA RTX PRO 6000/));
      // The URL is written once the change is painted.
      await eventually(() => assert.equal(params(page).get('hw'), 'pro6000x2'));
      assert.deepEqual(dialogs, []);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('local storage', () => {
  test('a load without a query restores the last settings; a link beats them', async () => {
    const { context } = await newContext();
    try {
      const first = await open(context, '');
      assert.deepEqual(await controls(first), DEFAULTS);
      await first.selectOption('#preset', 'pro6000x2');
      await first.fill('#ctx', '32k');
      await first.selectOption('#rank', 'bench:lcb_v6');
      await first.check('#penalty');
      await eventually(() => assert.equal(params(first).get('pen'), '1'));
      const saved = new URL(first.url()).search;
      assert.equal(await first.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), saved.slice(1));
      await assertClean(first);
      await first.close();

      const again = await open(context, '');
      assert.deepEqual(await controls(again), { ...DEFAULTS, preset: 'pro6000x2', ctx: '32k', rank: 'bench:lcb_v6', penalty: true });
      assert.equal(new URL(again.url()).search, saved, 'the restored settings are not in the URL');
      assert.equal(await again.locator('#notices').count(), 0);
      await assertClean(again);
      await again.close();

      const linked = await open(context, '?v=1&hw=rtx4090');
      assert.deepEqual(await controls(linked), { ...DEFAULTS, preset: 'rtx4090' }, 'storage leaked into a link');
      assert.match(await headline(linked), /RTX 4090 \(24 GB usable\)/);
      await assertClean(linked);
    } finally {
      await context.close();
    }
  });

  test('corrupt storage shows the storage notice and the defaults, and is then replaced', async () => {
    const { context } = await newContext();
    try {
      const first = await open(context, '');
      const defaultHeadline = await headline(first);
      await first.evaluate((key) => localStorage.setItem(key, '%%%garbage&&&hw=nope'), STORAGE_KEY);
      await assertClean(first);
      await first.close();

      const page = await open(context, '');
      assert.deepEqual(await controls(page), DEFAULTS);
      assert.equal(await headline(page), defaultHeadline);
      const notices = page.locator('#notices');
      assert.ok(await notices.isVisible(), 'no notice for corrupt storage');
      assert.deepEqual(await notices.locator('li strong').allInnerTexts(), ['storage']);
      assert.match(await notices.innerText(), /saved settings could not be read/);
      await notices.locator('button.dismiss').click();
      await eventually(async () => assert.equal(await page.locator('#notices').count(), 0));
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), 'v=1');
      await assertClean(page);
      await page.close();

      const healed = await open(context, '');
      assert.equal(await healed.locator('#notices').count(), 0, 'the corrupt value was kept');
      await assertClean(healed);
    } finally {
      await context.close();
    }
  });
});

describe('copy link', () => {
  test('copies the current URL and says so', async () => {
    const { context } = await newContext();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url()).origin });
      const page = await open(context, '?v=1&asof=seed');
      const button = page.locator('#copy-link');
      assert.equal((await button.innerText()).trim(), 'Copy link');
      await page.selectOption('#preset', 'pro6000x2');
      await eventually(() => assert.equal(params(page).get('hw'), 'pro6000x2'));
      await button.click();
      await eventually(async () => assert.equal((await button.innerText()).trim(), 'Link copied'));
      const copied = await eventually(async () => {
        const text = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(text, page.url());
        return text;
      });
      assert.equal(new URL(copied).searchParams.get('hw'), 'pro6000x2');

      // The copied link opens the same configuration.
      const other = await open(context, new URL(copied).search);
      assert.equal(await headline(other), await headline(page));
      await assertClean(other);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('user text is never HTML', () => {
  test('markup typed into the fields stays text', async () => {
    const { context, dialogs } = await newContext();
    try {
      const page = await open(context, '?v=1&asof=seed');
      const start = await headline(page);
      const elements = () => page.evaluate(() => document.querySelectorAll('img, svg, iframe, object').length);
      const elementsBefore = await elements();
      const markup = '<img src=x onerror=alert(1)>';
      for (const field of ['#ctx', '#sessions', '#ram']) {
        await page.fill(field, markup);
        const error = page.locator(`.field:has(${field}) .error`);
        await eventually(async () => assert.notEqual((await error.innerText()).trim(), ''));
        assert.equal(await error.evaluate((el) => el.children.length), 0, `${field}: the message has elements`);
        assert.equal(await page.locator(field).getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator(field).inputValue(), markup);
      }
      assert.match(await page.locator('.field:has(#ctx) .error').innerText(), /<img src=x onerror=alert\(1\)>/);
      await page.click('details.custom-device summary');
      await page.fill('#custom-mem', markup);
      await page.fill('#custom-bw', '<svg onload=alert(4)>');
      await page.waitForTimeout(200);
      assert.equal(await elements(), elementsBefore, 'typed markup became an element');
      assert.deepEqual(dialogs, []);
      assert.equal(await headline(page), start);
      assert.equal(new URL(page.url()).search, '?v=1&asof=seed');
      await assertClean(page);
    } finally {
      await context.close();
    }
  });

  test('markup in a link is reported as text', async () => {
    const { context, dialogs } = await newContext();
    try {
      const page = await open(context, `?v=1&ctx=${encodeURIComponent('<img src=x onerror=alert(1)>')}&sel=%3Cimg%20src%3Dx%3E`);
      assert.equal(await page.locator('#ctx').inputValue(), '64k');
      const text = await page.locator('#notices').innerText();
      assert.match(text, /“<img src=x onerror=alert\(1\)>” is not a valid context length/);
      assert.match(text, /“<img src=x>” is not a valid model/);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
      await page.waitForTimeout(200);
      assert.deepEqual(dialogs, []);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});

describe('offline', () => {
  test('after one visit, a shared link opens offline with its configuration', async () => {
    const { context } = await newContext();
    try {
      const first = await open(context, '');
      await waitForServiceWorker(first);
      await assertClean(first);
      await first.close();

      await setOffline(context, true);
      const page = await open(context, '?v=1&hw=pro6000x2&asof=seed');
      assert.equal(await page.locator('#preset').inputValue(), 'pro6000x2');
      assert.match(await headline(page), /MiniMax-M2\.5 at GGUF Q5_K_M: 80\.2\./);
      await assertClean(page);
    } finally {
      await context.close();
    }
  });
});
