#!/usr/bin/env node
// codefit's benchmark: measures the release page (dist/) and the benchmark-only build
// (dist-bench/, cargo feature `synthetic`) in headless Chromium and prints ONE table:
//   metric | median | spread | budget | status (PASS / MISS / info / FAIL)
//
// Run it through scripts/bench.sh, which builds dist/, dist-bench/ and the native engine bench
// and installs Lighthouse for the benchmark only. Direct use (builds already there):
//
//   node bench/bench.mjs [--cold 10] [--repeat 10] [--changes 60] [--synthetic 1000]
//                        [--no-native] [--no-lighthouse] [--no-wait-quiet] [--no-peer]
//                        [--no-synthetic] [--route-block] [--json FILE] [--trace DIR] [--strict]
//   node bench/bench.mjs --merge a.json b.json c.json    # medians of several runs
//
// What each figure means (time origin of every page timing = navigation start, i.e. the
// page's performance.timeOrigin):
// - bytes: every file the page requests on a cold first load (recorded in the browser),
//   fetched again from the same server with `accept-encoding: gzip` and then `br`; the
//   figure is the body size on the wire (content-length). The service worker's precache
//   (which fetches every file of the build once more, bypassing the HTTP cache) is shown
//   separately, together with the bytes the browser's sockets actually received.
// - headline: `#headline` has text; charts: every `figure[data-chart]` (at least four) has a
//   `.chart canvas` and `.chart[data-drawn] >= 1`. Polled in requestAnimationFrame, so each
//   time is the start of the first frame that shows the state.
// - cold: a fresh browser context per load (empty HTTP cache, no service worker yet: it
//   registers during the load, as on a real first visit).
//   repeat: one context whose service worker controls the page; every load is served by it.
// - interaction: the main-thread work one change causes, without the idle wait for the next
//   frame: performance.now() before dispatching the input/change event until the first task
//   after it (a MessageChannel message posted with the event: the app's update, Leptos
//   effects and the table's patch, runs in that event's task and its microtasks), plus the
//   draw of the charts whose option changed, which the app batches into the next animation
//   frame and times with performance.measure('codefit:charts'). Counted only if `#results`
//   changed and at least one `.chart` got a higher `data-drawn` (a chart whose data did not
//   change is not redrawn: its memo stops the change). Within 16 ms, the change is on screen
//   in the next frame.
// - engine: `cargo bench --bench engine` (native; scripts/bench.sh compiles it first) and
//   `codefit_bench_rank(10000)` from the wasm exports (window.wasmBindings) in dist-bench.
// - Lighthouse 12 (installed in .bench-tools/ by scripts/bench.sh), mobile and desktop.
// - peer: gpu_poor (github.com/RahulSChand/gpu_poor, a React page; its deployed docs/ folder,
//   put into the git-ignored .bench-tools/peers/gpu_poor/ by scripts/bench-peer.sh, never
//   committed nor shipped), served by the same server process at /gpu_poor/ (the path its
//   HTML expects). The cold loads alternate: load i of codefit and load i of gpu_poor, each in
//   a fresh context (which of the two goes first alternates too). gpu_poor's figure is its
//   "first input": the first animation frame in which an <input> (not type=hidden) or a
//   <select> is in the DOM with a non-empty box and passes checkVisibility (opacity and
//   visibility CSS). Pair i gives headline_i / firstInput_i (budget: every pair ≤ 1.0) and
//   charts_i / firstInput_i (every pair ≤ 2.0). Every request that is not to the local server
//   fails at once, for both pages (Chromium and Lighthouse's Chrome resolve no other host;
//   --route-block aborts them with a playwright context.route instead): gpu_poor asks for
//   Google Tag Manager and Google Fonts, which cannot connect here. Its first-visit bytes are
//   measured as ours (requests of a first visit, fetched again with gzip and br).
//   --no-peer skips all of it.
// - --no-synthetic: skips the rows that need dist-bench/ (+1,000 models, engine in wasm).
// On a shared machine other processes skew every timing: before measuring, the script waits
// (up to 10 min) until the CPUs are at least 85% idle, and prints the idle share it found.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import { join, relative, sep } from 'node:path';
import { launchBrowser, ROOT } from '../e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';

const DIST = join(ROOT, 'dist');
const DIST_BENCH = join(ROOT, 'dist-bench');
const LIGHTHOUSE = join(ROOT, '.bench-tools', 'node_modules', 'lighthouse', 'cli', 'index.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOAD_TIMEOUT_MS = 30_000;
// Chromium (ours and Lighthouse's) resolves no host but the local server's, so a request to
// any other host fails at once, in the browser, for both pages alike. (A playwright route
// would do it too, but it pauses every request, local ones included, for a round trip to this
// process, which delays the files of both pages: --route-block measures that way.)
const ONLY_LOCAL_HOSTS = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
let routeBlock = false;
// The peer page (scripts/bench-peer.sh puts it there; git-ignored, never shipped).
const PEER = {
  name: 'gpu_poor',
  dir: join(ROOT, '.bench-tools', 'peers', 'gpu_poor', 'docs'),
  source: join(ROOT, '.bench-tools', 'peers', 'gpu_poor', 'source'),
  fetchScript: join(ROOT, 'scripts', 'bench-peer.sh'),
  // Its index.html loads /gpu_poor/static/..., /gpu_poor/manifest.json: it expects that path.
  base: '/gpu_poor/',
};

// ------------------------------------------------------------------------------------------
// Options
function parseArgs(argv) {
  const o = {
    cold: 10,
    repeat: 10,
    changes: 60,
    synthetic: 1000,
    native: true,
    waitQuiet: true,
    lighthouse: true,
    peer: true,
    routeBlock: false,
    syntheticBuild: true,
    json: null,
    trace: null,
    strict: false,
    merge: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--cold') o.cold = Number(v());
    else if (a === '--repeat') o.repeat = Number(v());
    else if (a === '--changes') o.changes = Number(v());
    else if (a === '--synthetic') o.synthetic = Number(v());
    else if (a === '--no-native') o.native = false;
    else if (a === '--no-wait-quiet') o.waitQuiet = false;
    else if (a === '--no-lighthouse') o.lighthouse = false;
    else if (a === '--no-peer') o.peer = false;
    else if (a === '--route-block') o.routeBlock = true;
    else if (a === '--no-synthetic') o.syntheticBuild = false;
    else if (a === '--json') o.json = v();
    else if (a === '--trace') o.trace = v();
    else if (a === '--strict') o.strict = true;
    else if (a === '--merge') {
      o.merge = argv.slice(i + 1);
      break;
    } else if (a === '-h' || a === '--help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 13).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

// ------------------------------------------------------------------------------------------
// Statistics and the table
const sorted = (xs) => [...xs].filter(Number.isFinite).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs) => quantile(xs, 0.5);
const min = (xs) => sorted(xs)[0] ?? NaN;
const max = (xs) => sorted(xs).at(-1) ?? NaN;

const fmtMs = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms` : 'n/a');
const fmtKB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : 'n/a');
const fmtScore = (x) => (Number.isFinite(x) ? String(Math.round(x)) : 'n/a');
const fmtRatio = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/**
 * One row of the table. `value` is the median; `lo`/`hi` the spread (min–max) or `p95`;
 * `budget` { max | min | p95max } is checked against value (and p95); { max, every: true }
 * against every sample (hi, the worst one), with `met` = how many samples are within it.
 */
const rows = [];
const notes = [];
function row(metric, { unit, value, lo, hi, p95, n, met, budget, status, text } = {}) {
  rows.push({ metric, unit, value, lo, hi, p95, n, met, budget, status, text });
}
function timingRow(metric, samples, budget, { withP95 = false, unit = 'ms' } = {}) {
  row(metric, {
    unit,
    value: median(samples),
    lo: min(samples),
    hi: max(samples),
    p95: withP95 ? quantile(samples, 0.95) : undefined,
    n: samples.filter(Number.isFinite).length,
    met: budget?.every ? samples.filter((x) => x <= budget.max).length : undefined,
    budget,
  });
  rows.at(-1).samples = samples;
}

function evaluate(r) {
  if (r.status) return r.status;
  if (!r.budget) return 'info';
  if (!Number.isFinite(r.value)) return 'FAIL';
  return shortfalls(r).length ? 'MISS' : 'PASS';
}

/** How far a row is from each budget it misses, as "+14 ms, ×1.9", "−4", "3/5 pairs". */
function shortfalls(r) {
  const b = r.budget;
  const out = [];
  const over = (x, limit) => {
    if (r.unit === 'score' || r.unit === 'ratio') return `+${fmtValue(r.unit, x - limit)}`;
    const times = x / limit;
    const delta = `+${fmtValue(r.unit, x - limit)}`;
    return times >= 1.5 ? `×${times.toFixed(1)}, ${delta}` : `${delta}, +${((times - 1) * 100).toFixed(0)}%`;
  };
  if (b.max !== undefined && b.every) {
    if (!(r.hi <= b.max)) out.push(`worst ${fmtValue(r.unit, r.hi)}, ${r.met ?? '?'}/${r.n ?? '?'} within`);
  } else if (b.max !== undefined && !(r.value <= b.max)) out.push(over(r.value, b.max));
  if (b.min !== undefined && !(r.value >= b.min)) out.push(`−${fmtValue(r.unit, b.min - r.value)}`);
  if (b.p95max !== undefined && !(r.p95 <= b.p95max)) out.push(`p95 ${over(r.p95, b.p95max)}`);
  return out;
}

/** The status column: PASS, MISS (by how much), info, FAIL or a row's own word. */
function statusText(r) {
  const s = evaluate(r);
  if (s !== 'MISS') return s;
  const miss = shortfalls(r);
  const medianOk = r.budget.p95max !== undefined && miss.length === 1 && miss[0].startsWith('p95');
  return `MISS (${miss.join('; ')}${medianOk ? '; median PASS' : ''})`;
}

function fmtValue(unit, x) {
  if (unit === 'ms') return fmtMs(x);
  if (unit === 'bytes') return fmtKB(x);
  if (unit === 'score') return fmtScore(x);
  if (unit === 'ratio') return fmtRatio(x);
  return Number.isFinite(x) ? String(x) : 'n/a';
}
function fmtSpread(r) {
  if (r.text) return '';
  const parts = [];
  if (Number.isFinite(r.p95)) parts.push(`p95 ${fmtValue(r.unit, r.p95)}`);
  if (Number.isFinite(r.lo) && Number.isFinite(r.hi) && r.hi !== r.lo) {
    const a = fmtValue(r.unit, r.lo).replace(/ (ms|KB)$/, '');
    parts.push(`${a}–${fmtValue(r.unit, r.hi)}`);
  }
  if (r.n && r.met !== undefined) parts.push(`${r.met}/${r.n} pairs ≤ ${fmtValue(r.unit, r.budget?.max)}`);
  else if (r.n) parts.push(`n=${r.n}`);
  return parts.join(', ');
}
function fmtBudget(r) {
  const b = r.budget;
  if (!b) return '—';
  const parts = [];
  if (b.max !== undefined) parts.push(`≤ ${fmtValue(r.unit, b.max)}${b.every ? ' every pair' : ''}`);
  if (b.min !== undefined) parts.push(`≥ ${fmtValue(r.unit, b.min)}`);
  if (b.p95max !== undefined) parts.push(`p95 ≤ ${fmtValue(r.unit, b.p95max)}`);
  return parts.join(', ');
}

function printTable(header, tableRows) {
  const lines = tableRows.map((r) => [
    r.metric,
    r.text ?? fmtValue(r.unit, r.value),
    fmtSpread(r),
    fmtBudget(r),
    statusText(r),
  ]);
  const head = ['metric', 'median', 'spread', 'budget', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(header);
  console.log('');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

// ------------------------------------------------------------------------------------------
// Environment
function machine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // Only what goes into the builds counts (not this script, the README, ...).
    const built = ['src', 'style', 'public', 'index.html', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml', 'benches', 'scripts/post-build.mjs', 'scripts/headers.mjs', 'scripts/build-echarts.mjs'];
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', ...built], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {}
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memGB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    node: process.version,
    commit,
  };
}

/** Share of idle CPU time over `ms` (from /proc/stat; NaN where there is none). */
async function cpuIdle(ms = 2000) {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return NaN;
  return (b.idle - a.idle) / (b.total - a.total);
}

/** Waits until the machine is quiet (idle ≥ threshold) or the time is up; returns the idle share. */
async function waitForQuiet(threshold = 0.85, timeoutMs = 600_000) {
  const start = Date.now();
  let idle = await cpuIdle();
  while (!(idle >= threshold) && Number.isFinite(idle) && Date.now() - start < timeoutMs) {
    process.stderr.write(`bench: CPUs only ${(idle * 100).toFixed(0)}% idle (other processes); waiting\n`);
    await new Promise((r) => setTimeout(r, 5000));
    idle = await cpuIdle();
  }
  return idle;
}

/**
 * Measures how much CPU other processes (anything that is not this script or one of its
 * descendants: Chromium, Lighthouse, cargo bench) used while the benchmark ran, from
 * /proc/<pid>/stat every second: the share of the machine's CPU time they took. On a shared
 * 2-core machine this says how far the timings can be trusted.
 */
function watchOtherProcesses() {
  const hz = 100; // USER_HZ: clock ticks per second on Linux
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const last = new Map(); // pid -> cpu ticks at the previous sample
  let otherTicks = 0;
  let elapsedTicks = 0;
  let lastTime = Date.now();
  const read = () => {
    const procs = new Map();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        procs.set(Number(pid), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
      } catch {}
    }
    return procs;
  };
  const ours = (procs, pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === process.pid) return true;
      p = procs.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const tick = (first = false) => {
    let procs;
    try {
      procs = read();
    } catch {
      return;
    }
    const now = Date.now();
    if (!first) elapsedTicks += ((now - lastTime) / 1000) * hz * cores;
    lastTime = now;
    for (const [pid, p] of procs) {
      if (!first && !ours(procs, pid)) otherTicks += p.ticks - (last.get(pid) ?? 0);
      last.set(pid, p.ticks);
    }
  };
  tick(true);
  const timer = setInterval(tick, 1000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return elapsedTicks ? otherTicks / elapsedTicks : NaN;
    },
  };
}

// ------------------------------------------------------------------------------------------
// Servers: serve.mjs plus a count of the bytes its sockets sent (to compare with the
// per-file figures) and of what the browser asked for.
async function serve(root, mounts = []) {
  const s = await startServer({ root, mounts, host: '127.0.0.1', port: 0 });
  let closedBytes = 0;
  const open = new Set();
  s.server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      open.delete(socket);
    });
  });
  s.acceptEncodings = new Set();
  s.server.on('request', (req) => s.acceptEncodings.add(req.headers['accept-encoding'] ?? ''));
  s.bytesSent = () => closedBytes + [...open].reduce((sum, sock) => sum + sock.bytesWritten, 0);
  return s;
}

/** GET url with the given accept-encoding: { status, encoding, bytes } of the body as sent. */
function fetchRaw(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          encoding: res.headers['content-encoding'] ?? 'identity',
          contentLength: Number(res.headers['content-length']),
          bytes,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function distFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push(relative(dir, f).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

// ------------------------------------------------------------------------------------------
// In-page probes
/** Init script: records when the headline and all the charts first show, and a few milestones. */
function installProbe() {
  const marks = {};
  window.__bench = { marks };
  const mark = (k) => {
    if (!(k in marks)) marks[k] = performance.now();
  };
  addEventListener('TrunkApplicationStarted', () => mark('wasmStarted'));
  document.addEventListener(
    'load',
    (e) => {
      const t = e.target;
      if (t && t.tagName === 'SCRIPT' && t.src) mark(`script:${t.src.split('/').pop().replace(/-[0-9a-f]{12,16}/, '')}`);
    },
    true,
  );
  const headlineShown = () => (document.getElementById('headline')?.textContent ?? '').trim() !== '';
  const chartsDrawn = () => {
    const figs = document.querySelectorAll('figure[data-chart]');
    if (figs.length < 4) return false;
    for (const f of figs) {
      const c = f.querySelector('.chart');
      if (!c || !c.querySelector('canvas') || !(Number(c.getAttribute('data-drawn')) >= 1)) return false;
    }
    return true;
  };
  // Exact DOM times (MutationObserver) beside the frame times (requestAnimationFrame).
  const mo = new MutationObserver(() => {
    if (headlineShown()) mark('headlineDom');
    if (chartsDrawn()) {
      mark('chartsDom');
      mo.disconnect();
    }
  });
  const observe = () => mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });
  const poll = () => {
    if (headlineShown()) mark('headline');
    if (chartsDrawn()) mark('charts');
    if (!('headline' in marks && 'charts' in marks)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * Init script for the peer: the first animation frame in which an <input> (not hidden) or a
 * <select> is in the DOM, has a non-empty box and is visible (checkVisibility with opacity and
 * CSS visibility). performance.now() in the page, so from navigation start as ours.
 */
function installPeerProbe() {
  const marks = {};
  window.__bench = { marks };
  const visible = (el) => {
    if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
    const box = el.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) return false;
    if (typeof el.checkVisibility === 'function') return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    return getComputedStyle(el).visibility !== 'hidden';
  };
  const poll = () => {
    const el = [...document.querySelectorAll('input, select')].find(visible);
    if (!el) return requestAnimationFrame(poll);
    marks.firstInput = performance.now();
    window.__bench.firstInputElement = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.tagName === 'INPUT' ? `[type=${el.type}]` : ''}`;
  };
  requestAnimationFrame(poll);
}

async function waitForPeerInput(page) {
  await page.waitForFunction(() => window.__bench && 'firstInput' in window.__bench.marks, undefined, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
  return page.evaluate(() => ({
    ...window.__bench.marks,
    element: window.__bench.firstInputElement,
    responseEnd: performance.getEntriesByType('navigation')[0]?.responseEnd,
  }));
}

/**
 * Records in `aborted` (host + path) every request of the context that is not to our server
 * (`origin`): the browser cannot resolve those hosts (ONLY_LOCAL_HOSTS), so they fail at once.
 * With --route-block they are aborted by a playwright route instead. Both pages alike.
 */
async function blockForeign(context, origin, aborted) {
  const foreign = (url) => isNetwork(url) && url.origin !== origin;
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (foreign(u)) aborted?.add(`${u.host}${u.pathname}`);
  });
  if (routeBlock) await context.route(foreign, (route) => route.abort('blockedbyclient'));
}
const isNetwork = (url) => ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);

async function waitForMarks(page) {
  await page.waitForFunction(() => window.__bench && 'charts' in window.__bench.marks && 'headline' in window.__bench.marks, undefined, {
    timeout: LOAD_TIMEOUT_MS,
    polling: 50,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = Object.fromEntries(
      performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop().split('?')[0].replace(/-[0-9a-f]{12,16}/, ''), r.responseEnd]),
    );
    return {
      ...window.__bench.marks,
      responseEnd: nav?.responseEnd,
      domContentLoaded: nav?.domContentLoadedEventEnd,
      load: nav?.loadEventEnd,
      wasmResponseEnd: res['codefit_bg.wasm'],
      echartsResponseEnd: res['echarts.min.js'],
      controlled: navigator.serviceWorker.controller !== null,
      chartCount: document.querySelectorAll('figure[data-chart]').length,
    };
  });
}

/**
 * In the page: `count` changes of one control, each timed from just before dispatch until the
 * first task after it (all of the update's synchronous work and microtasks are done), counted
 * only if #results changed and at least one chart was redrawn. Two animation frames pass
 * between changes (the update is painted, as between keystrokes).
 */
async function interactions(page, control, count) {
  return page.evaluate(
    async ({ control, count }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      const charts = [...document.querySelectorAll('.chart')];
      const table = document.getElementById('results');
      const el = document.getElementById(control);
      if (!el || !table || charts.length < 4) throw new Error(`missing #${control}, #results or charts`);
      let values;
      let event;
      if (control === 'ctx') {
        const cycle = ['32k', '64k', '48k', '96k', '24k', '128k'];
        values = Array.from({ length: count }, (_, i) => cycle[i % cycle.length]);
        if (el.value === values[0]) values.push(values.shift());
        event = 'input';
      } else {
        const options = [...el.options].map((o) => o.value).filter((v) => v !== el.value);
        const cycle = [options[0], el.value];
        values = Array.from({ length: count }, (_, i) => cycle[i % 2]);
        event = 'change';
      }
      const timings = [];
      let timeouts = 0;
      for (const value of values) {
        const before = charts.map((c) => Number(c.getAttribute('data-drawn')));
        const result = await new Promise((resolve) => {
          let tableChanged = false;
          const mo = new MutationObserver((records) => {
            if (records.some((r) => table.contains(r.target) || r.target === table)) tableChanged = true;
          });
          mo.observe(table, { subtree: true, childList: true, attributes: true, characterData: true });
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const task = performance.now() - t0;
            mo.takeRecords().forEach((r) => { if (table.contains(r.target) || r.target === table) tableChanged = true; });
            mo.disconnect();
            // The charts whose option changed are drawn together in the next animation frame;
            // the app leaves a performance.measure of that draw.
            requestAnimationFrame(() => {
              const after = new MessageChannel();
              after.port1.onmessage = () => {
                const draw = performance.getEntriesByName('codefit:charts', 'measure').filter((e) => e.startTime >= t0).pop();
                const redrawn = charts.some((c, i) => Number(c.getAttribute('data-drawn')) > before[i]);
                resolve(tableChanged && redrawn && draw ? task + draw.duration : NaN);
              };
              after.port2.postMessage(0);
            });
          };
          const t0 = performance.now();
          el.value = value;
          el.dispatchEvent(new Event(event, { bubbles: true }));
          channel.port2.postMessage(0);
        });
        if (Number.isNaN(result)) timeouts++;
        timings.push(result);
        // Let the frame that shows the update and one more pass, as between keystrokes.
        await frame();
        await frame();
      }
      return { timings, timeouts, values: values.length };
    },
    { control, count },
  );
}

// ------------------------------------------------------------------------------------------
// Measurements
/** Each file fetched with gzip, br and identity: the body bytes on the wire. */
async function fileSizes(files, urlOf) {
  const perFile = [];
  for (const f of files) {
    const url = urlOf(f);
    const gz = await fetchRaw(url, 'gzip');
    const br = await fetchRaw(url, 'br');
    const id = await fetchRaw(url, 'identity');
    perFile.push({ file: f, status: id.status, raw: id.bytes, gzip: gz.bytes, br: br.bytes, gzEnc: gz.encoding, brEnc: br.encoding });
  }
  return perFile;
}

async function measureBytes(server, criticalPaths) {
  const perFile = await fileSizes(distFiles(server.root), (f) => server.url(f));
  // serve.mjs must answer like a static host: br when asked for br, gzip for gzip.
  const wasm = perFile.find((p) => p.file.endsWith('.wasm'));
  if (!wasm || wasm.brEnc !== 'br' || wasm.gzEnc !== 'gzip') {
    notes.push(`server did not compress the wasm as asked (br → ${wasm?.brEnc}, gzip → ${wasm?.gzEnc})`);
  }
  const critical = perFile.filter((p) => criticalPaths.has(p.file));
  return { perFile, critical };
}

function shortName(file) {
  // Trunk writes its 64-bit hash without leading zeros: 16 hex digits, sometimes fewer.
  return file.replace(/-[0-9a-f]{12,16}(?=(_bg)?\.)/, '');
}

/** One load in a fresh context (empty cache, no service worker), foreign requests aborted. */
async function coldLoad(browser, origin, url, probe, wait, aborted) {
  const context = await browser.newContext();
  await blockForeign(context, origin, aborted);
  await context.addInitScript(probe);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  const sample = await wait(page);
  await context.close();
  return sample;
}

/**
 * n cold loads of codefit; with `peer` ({ url }), each is paired with a cold load of the
 * peer from the same server, alternating which of the two goes first.
 */
async function coldLoads(browser, server, n, peer = null) {
  const samples = [];
  const peerSamples = [];
  const aborted = { codefit: new Set(), peer: new Set() };
  const ours = async () => samples.push(await coldLoad(browser, server.origin, server.url(), installProbe, waitForMarks, aborted.codefit));
  const theirs = async () => peerSamples.push(await coldLoad(browser, server.origin, peer.url, installPeerProbe, waitForPeerInput, aborted.peer));
  for (let i = 0; i < n; i++) {
    if (!peer) await ours();
    else if (i % 2 === 0) {
      await ours();
      await theirs();
    } else {
      await theirs();
      await ours();
    }
  }
  return { samples, peerSamples, aborted };
}

/**
 * The peer's first visit, recorded as ours (service workers blocked, foreign requests
 * aborted): the files of our server it requests until its first input shows and the network
 * is idle, then their sizes with gzip and br.
 */
async function peerFirstVisit(browser, server, peer) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const aborted = new Set();
  await blockForeign(context, server.origin, aborted);
  await context.addInitScript(installPeerProbe);
  const paths = new Set();
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.origin && u.pathname.startsWith(peer.base)) paths.add(u.pathname.slice(peer.base.length) || 'index.html');
  });
  const page = await context.newPage();
  await page.goto(peer.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await waitForPeerInput(page);
  await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
  await page.waitForTimeout(500);
  await context.close();
  const perFile = await fileSizes([...paths].sort(), (f) => server.urlOf(peer.base, f));
  return { perFile: perFile.filter((p) => p.status === 200), missing: perFile.filter((p) => p.status !== 200).map((p) => p.file), aborted };
}

/** The peer copy and its commit, fetched/extracted by scripts/bench-peer.sh when missing. */
function findPeer() {
  const ready = () => existsSync(join(PEER.dir, 'index.html')) && existsSync(PEER.source);
  if (!ready()) {
    try {
      execFileSync('bash', [PEER.fetchScript], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
    } catch {}
  }
  if (!ready()) return { error: 'peer not available', why: `no ${relative(ROOT, PEER.dir)}/index.html and scripts/bench-peer.sh could not fetch it` };
  const [commit, date, ...from] = readFileSync(PEER.source, 'utf8').trim().split(' ');
  return { ...PEER, commit, date, from: from.join(' ') };
}

/**
 * A first visit as the browser makes it: which files the page requests (service workers
 * blocked, so only the page's own requests), and the bytes the server's sockets sent for the
 * page alone and for a visit whose service worker precaches the build.
 */
async function firstVisit(browser, server) {
  const bytesFor = async (contextOptions, waitForSw) => {
    const context = await browser.newContext(contextOptions);
    await context.addInitScript(installProbe);
    const paths = new Set();
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === server.origin && !r.serviceWorker()) paths.add(u.pathname.slice(server.base.length) || 'index.html');
    });
    const page = await context.newPage();
    const bytes0 = server.bytesSent();
    await page.goto(server.url(), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await waitForMarks(page);
    if (waitForSw) {
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: LOAD_TIMEOUT_MS });
    }
    await page.waitForTimeout(500);
    const bytes = server.bytesSent() - bytes0;
    await context.close();
    return { paths, bytes };
  };
  const pageOnly = await bytesFor({ serviceWorkers: 'block' }, false);
  const withSw = await bytesFor({}, true);
  return {
    requested: pageOnly.paths,
    pageBytes: pageOnly.bytes,
    totalBytes: withSw.bytes,
    acceptEncodings: [...server.acceptEncodings].filter(Boolean),
  };
}

async function repeatLoads(browser, server, n) {
  const context = await browser.newContext();
  await context.addInitScript(installProbe);
  const first = await context.newPage();
  await first.goto(server.url(), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await waitForMarks(first);
  await first.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: LOAD_TIMEOUT_MS });
  await first.close();
  const samples = [];
  let notFromSw = 0;
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(server.url(), { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    const s = await waitForMarks(page);
    if (!s.controlled) throw new Error('repeat load: navigator.serviceWorker.controller is null');
    notFromSw += responses.filter((r) => new URL(r.url()).origin === server.origin && !r.fromServiceWorker()).length;
    samples.push(s);
    await page.close();
  }
  await context.close();
  return { samples, notFromSw };
}

async function interactionRun(browser, server, query, controls, changes, traceFile) {
  const context = await browser.newContext();
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  await page.goto(server.url(query), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const load = await waitForMarks(page);
  // Let the service worker finish precaching (it hashes every file) before timing input.
  try {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: LOAD_TIMEOUT_MS });
  } catch {}
  await page.waitForTimeout(1500); // ECharts' entry animations
  const out = { load };
  for (const control of controls) {
    // Warm-up: a few changes not counted.
    await interactions(page, control, 4);
    if (traceFile) await browser.startTracing(page, { path: `${traceFile}-${control}.json`, screenshots: false, categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    out[control] = await interactions(page, control, changes);
    if (traceFile) await browser.stopTracing();
  }
  out.rowCount = await page.evaluate(() => document.querySelectorAll('#results tbody tr').length);
  await context.close();
  return out;
}

async function wasmEngine(browser, server, n) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url(), { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await page.waitForFunction(() => typeof window.wasmBindings?.codefit_bench_rank === 'function', undefined, { timeout: LOAD_TIMEOUT_MS });
  await page.waitForTimeout(1000);
  const samples = [];
  for (let i = 0; i < 5; i++) samples.push(await page.evaluate((n) => window.wasmBindings.codefit_bench_rank(n), n));
  await context.close();
  return samples;
}

/** `cargo bench --bench engine` (compiled by scripts/bench.sh beforehand): its median line. */
function runNative() {
  let text;
  try {
    text = execFileSync('cargo', ['bench', '--quiet', '--bench', 'engine'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  } catch (error) {
    return { error: String(error.stderr ?? error.message).trim().split('\n').at(-1) };
  }
  const m = /engine-native rank (\d+) synthetic models: median ([\d.]+) ms \(min ([\d.]+), max ([\d.]+)\) over (\d+) runs/.exec(text);
  if (!m) return { error: 'no median line in the output of cargo bench' };
  return { n: Number(m[1]), median: Number(m[2]), min: Number(m[3]), max: Number(m[4]), runs: Number(m[5]) };
}

function runLighthouse(url, preset) {
  return new Promise((resolve) => {
    if (!existsSync(LIGHTHOUSE)) return resolve({ error: 'lighthouse not installed (.bench-tools/); scripts/bench.sh installs it' });
    const args = [
      LIGHTHOUSE,
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices',
      // Hosts other than the local server do not resolve (both pages alike).
      `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run --host-resolver-rules="${ONLY_LOCAL_HOSTS}"`,
      '--max-wait-for-load=30000',
    ];
    if (preset === 'desktop') args.push('--preset=desktop');
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        const lhr = JSON.parse(out);
        if (lhr.runtimeError) return resolve({ error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` });
        const cat = (k) => (lhr.categories[k]?.score ?? NaN) * 100;
        const audit = (k) => lhr.audits[k]?.numericValue;
        const failing = [];
        for (const k of ['accessibility', 'best-practices', 'performance']) {
          for (const ref of lhr.categories[k]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a && a.score !== null && a.score < 1) failing.push(`${k}/${ref.id} (${a.displayValue ?? a.score})`);
          }
        }
        resolve({
          performance: cat('performance'),
          accessibility: cat('accessibility'),
          bestPractices: cat('best-practices'),
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          si: audit('speed-index'),
          failing,
        });
      } catch {
        resolve({ error: `exit ${code}: ${(err.trim().split('\n').filter(Boolean).at(-1) ?? 'no output').slice(0, 160)}` });
      }
    });
  });
}

// ------------------------------------------------------------------------------------------
// Merge: medians of the medians of several --json runs.
function merge(files) {
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const byMetric = new Map();
  for (const run of runs) for (const r of run.rows) (byMetric.get(r.metric) ?? byMetric.set(r.metric, []).get(r.metric)).push(r);
  for (const [metric, all] of byMetric) {
    // Runs that measured the row (a run without the peer or dist-bench/ only has its text).
    const measured = all.filter((r) => Number.isFinite(r.value));
    const rs = measured.length ? measured : all;
    const base = rs[0];
    const v = rs.map((r) => r.value);
    rows.push({
      ...base,
      metric,
      value: median(v),
      // min–max of the samples of all runs; for single figures, of the runs' figures.
      lo: min(rs.some((r) => Number.isFinite(r.lo)) ? rs.map((r) => r.lo) : v),
      hi: max(rs.some((r) => Number.isFinite(r.hi)) ? rs.map((r) => r.hi) : v),
      p95: rs.some((r) => Number.isFinite(r.p95)) ? median(rs.map((r) => r.p95)) : undefined,
      n: rs.reduce((s, r) => s + (r.n ?? 0), 0) || undefined,
      // Per-pair budgets: pairs within the budget over all runs (hi is the worst of all runs).
      met: rs.some((r) => r.met !== undefined) ? rs.reduce((s, r) => s + (r.met ?? 0), 0) : undefined,
      status: base.status && base.status !== 'PASS' && base.status !== 'MISS' ? base.status : undefined,
      verdict: undefined,
      text: rs.every((r) => r.text) ? rs.map((r) => r.text).filter((t, i, a) => a.indexOf(t) === i).join(' / ') : undefined,
    });
  }
  const m = runs.map((r) => r.machine);
  printTable(
    `codefit benchmark: median of ${runs.length} runs (${m.map((x) => x.date).join(', ')})\n` +
      `machine: ${m[0].nproc} cores, ${m[0].cpu}, ${m[0].memGB} GB; ${m[0].chromium ?? ''}; commit ${[...new Set(m.map((x) => x.commit))].join(', ')}\n` +
      `peer: ${[...new Set(m.map((x) => x.peer ?? 'not measured'))].join('; ')}\n` +
      `other processes used ${m.map((x) => x.otherCpu ?? 'n/a').join(', ')} of the CPUs during the runs\n` +
      `spread: min–max over all samples of all runs (single figures: over the runs); p95: median of the runs' p95`,
    rows,
  );
}

// ------------------------------------------------------------------------------------------
async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (opt.merge) return merge(opt.merge);
  const m = machine();
  if (opt.waitQuiet) {
    const idle = await waitForQuiet();
    m.idleBefore = Number.isFinite(idle) ? `${(idle * 100).toFixed(0)}%` : 'n/a';
    m.loadavg = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run scripts/bench.sh (it builds dist/ and dist-bench/)`);
  // Rows that need the synthetic build: measured, skipped (--no-synthetic) or not measured.
  const noSynthetic = !opt.syntheticBuild
    ? { text: 'skipped (--no-synthetic)', status: 'info' }
    : !existsSync(join(DIST_BENCH, 'index.html'))
      ? { text: 'not measured (no dist-bench/)', status: 'FAIL' }
      : null;
  const peer = opt.peer ? findPeer() : { error: 'skipped (--no-peer)' };
  if (!peer.error) m.peer = `${peer.name} ${peer.commit} (${peer.date}, ${peer.from})`;
  if (peer.why) notes.push(`gpu_poor: ${peer.why}`);
  if (noSynthetic?.status === 'FAIL') notes.push('dist-bench/ is missing: scripts/bench.sh builds it; --no-synthetic skips its rows');
  if (opt.trace) mkdirSync(opt.trace, { recursive: true });
  const others = watchOtherProcesses();

  // One server process for our page at / and the peer at the path its HTML expects.
  const server = await serve(DIST, peer.error ? [] : [{ base: peer.base, root: peer.dir }]);
  server.root = DIST;
  if (!peer.error) peer.url = server.urlOf(peer.base);
  const benchServer = noSynthetic ? null : await serve(DIST_BENCH);
  if (benchServer) benchServer.root = DIST_BENCH;
  // Peer rows when there is no peer: the budgeted ones cannot be checked (FAIL), the others
  // are informational; --no-peer makes them all informational.
  const peerMissing = (metric, budgeted = false) =>
    row(metric, { text: peer.error, status: budgeted && opt.peer ? 'FAIL' : 'info' });
  routeBlock = opt.routeBlock;
  const browser = await launchBrowser({ args: [`--host-resolver-rules=${ONLY_LOCAL_HOSTS}`] });
  m.chromium = `Chromium ${browser.version()}`;
  const progress = (s) => process.stderr.write(`bench: ${s}\n`);

  try {
    // --- bytes ---------------------------------------------------------------------------
    progress('bytes: first visit, then each file with gzip and br');
    const visit = await firstVisit(browser, server);
    const bytes = await measureBytes(server, visit.requested);
    let totGz = 0;
    let totBr = 0;
    let totRaw = 0;
    for (const p of bytes.critical.sort((a, b) => b.br - a.br)) {
      totGz += p.gzip;
      totBr += p.br;
      totRaw += p.raw;
      row(`bytes ${shortName(p.file)}: br (gzip ${fmtKB(p.gzip)}, raw ${fmtKB(p.raw)})`, { unit: 'bytes', value: p.br });
    }
    row(`bytes first load, ${bytes.critical.length} files: br (raw ${fmtKB(totRaw)})`, { unit: 'bytes', value: totBr, budget: { max: 350_000 } });
    row(`bytes first load, ${bytes.critical.length} files: gzip`, { unit: 'bytes', value: totGz, budget: { max: 420_000 } });
    const all = bytes.perFile;
    const allBr = all.filter((p) => p.file !== 'sw.js').reduce((s, p) => s + p.br, 0);
    row(`bytes SW precache, ${all.length - 1} files again: br`, { unit: 'bytes', value: allBr });
    const peerBytesMetric = (enc) => `bytes first load, gpu_poor (peer): ${enc}`;
    const bytesRatioMetric = (enc) => `bytes first load, codefit / gpu_poor: ${enc}`;
    if (!peer.error) {
      progress('bytes: gpu_poor first visit, then each file with gzip and br');
      const pv = await peerFirstVisit(browser, server, peer);
      const sum = (k) => pv.perFile.reduce((t, p) => t + p[k], 0);
      row(peerBytesMetric('br'), { unit: 'bytes', value: sum('br') });
      row(peerBytesMetric('gzip'), { unit: 'bytes', value: sum('gzip') });
      row(bytesRatioMetric('br'), { unit: 'ratio', value: totBr / sum('br') });
      row(bytesRatioMetric('gzip'), { unit: 'ratio', value: totGz / sum('gzip') });
      notes.push(
        `gpu_poor's first visit, ${pv.perFile.length} files, raw ${fmtKB(sum('raw'))}, br: ${[...pv.perFile].sort((a, b) => b.br - a.br).map((p) => `${p.file} ${fmtKB(p.br)}`).join(', ')}; aborted, not counted: ${[...pv.aborted].join(', ') || 'none'}` +
          (pv.missing.length ? `; not found on the server: ${pv.missing.join(', ')}` : ''),
      );
    } else {
      for (const enc of ['br', 'gzip']) peerMissing(peerBytesMetric(enc));
      for (const enc of ['br', 'gzip']) peerMissing(bytesRatioMetric(enc));
    }
    row('bytes on the sockets, first visit: page only', { unit: 'bytes', value: visit.pageBytes });
    row('bytes on the sockets, first visit: + SW precache', { unit: 'bytes', value: visit.totalBytes });
    notes.push(
      `socket bytes are what serve.mjs sent to Chromium (headers included; it asked with accept-encoding "${visit.acceptEncodings[0] ?? '?'}"); ` +
        'the service worker precaches every file with cache: "reload", so a first visit downloads the build twice',
    );

    // --- cold and repeat loads -----------------------------------------------------------
    progress(`${opt.cold} cold loads${peer.error ? '' : `, each paired with a cold load of ${peer.name}`}`);
    const cold = await coldLoads(browser, server, opt.cold, peer.error ? null : peer);

    // --- timings -------------------------------------------------------------------------
    const pick = (samples, k) => samples.map((s) => s[k]);
    timingRow(`cold: → headline visible (${opt.cold} fresh contexts)`, pick(cold.samples, 'headline'), { max: 300 });
    const nCharts = cold.samples[0]?.chartCount ?? '?';
    timingRow(`cold: → all ${nCharts} charts painted`, pick(cold.samples, 'charts'), { max: 600 });
    timingRow('cold: · wasm fetched (responseEnd)', pick(cold.samples, 'wasmResponseEnd'));
    timingRow('cold: · echarts.js fetched (responseEnd)', pick(cold.samples, 'echartsResponseEnd'));
    timingRow('cold: · echarts.js executed', pick(cold.samples, 'script:echarts.min.js'));
    timingRow('cold: · wasm instantiated + main() ran', pick(cold.samples, 'wasmStarted'));
    timingRow('cold: · charts in DOM (MutationObserver)', pick(cold.samples, 'chartsDom'));

    // --- the peer, paired load by load with the cold loads above ----------------------------
    const peerRows = {
      input: `peer gpu_poor cold: → first <input>/<select> visible`,
      headline: 'codefit cold: → headline visible (same run, paired)',
      ratioHeadline: 'ratio codefit headline / gpu_poor first input (per pair)',
      ratioCharts: `ratio codefit all charts / gpu_poor first input (per pair)`,
    };
    if (!peer.error) {
      const firstInput = pick(cold.peerSamples, 'firstInput');
      const headline = pick(cold.samples, 'headline');
      timingRow(peerRows.input, firstInput);
      timingRow(peerRows.headline, headline);
      timingRow(peerRows.ratioHeadline, headline.map((h, i) => h / firstInput[i]), { max: 1.0, every: true }, { unit: 'ratio' });
      timingRow(peerRows.ratioCharts, pick(cold.samples, 'charts').map((c, i) => c / firstInput[i]), { max: 2.0, every: true }, { unit: 'ratio' });
      const elements = [...new Set(pick(cold.peerSamples, 'element'))].join(', ');
      notes.push(`gpu_poor's first visible input in the cold loads: ${elements}`);
    } else {
      peerMissing(peerRows.input);
      peerMissing(peerRows.headline);
      peerMissing(peerRows.ratioHeadline, true);
      peerMissing(peerRows.ratioCharts, true);
    }
    const abortedList = (set) => (set.size ? [...set].join(', ') : 'none');
    notes.push(`cold loads, requests not to the local server (failed at once): codefit ${abortedList(cold.aborted.codefit)}${peer.error ? '' : `; gpu_poor ${abortedList(cold.aborted.peer)}`}`);

    progress(`${opt.repeat} repeat loads (service worker)`);
    const repeat = await repeatLoads(browser, server, opt.repeat);
    timingRow(`repeat (SW): → headline visible (${opt.repeat} loads)`, pick(repeat.samples, 'headline'));
    timingRow(`repeat (SW): → all ${nCharts} charts painted`, pick(repeat.samples, 'charts'), { max: 300 });
    if (repeat.notFromSw > 0) notes.push(`repeat loads: ${repeat.notFromSw} responses did not come from the service worker`);

    progress(`interaction: ${opt.changes} changes each of #ctx and select#kv`);
    const inter = await interactionRun(browser, server, '', ['ctx', 'kv'], opt.changes, opt.trace && join(opt.trace, 'dist'));
    for (const c of ['ctx', 'kv']) {
      const r = inter[c];
      timingRow(`input → table + charts: ${c === 'ctx' ? '#ctx input' : 'select#kv change'} (${inter.rowCount} rows)`, r.timings, { max: 16, p95max: 33 }, { withP95: true });
      if (r.timeouts) notes.push(`${c}: ${r.timeouts} of ${r.values} changes did not update table + charts within 5 s`);
    }

    if (benchServer) {
      progress(`synthetic: ?synthetic=${opt.synthetic} in dist-bench`);
      const syn = await interactionRun(browser, benchServer, `?synthetic=${opt.synthetic}`, ['ctx'], opt.changes, opt.trace && join(opt.trace, 'synthetic'));
      timingRow(`input → table + charts, +${opt.synthetic} synthetic models (#ctx, ${syn.rowCount} rows)`, syn.ctx.timings, { max: 50 }, { withP95: true });
      if (syn.ctx.timeouts) notes.push(`synthetic: ${syn.ctx.timeouts} of ${syn.ctx.values} changes did not update within 5 s`);
      row(`load → all charts, +${opt.synthetic} synthetic models (one load)`, { unit: 'ms', value: syn.load.charts });
    } else {
      row(`input → table + charts, +${opt.synthetic} synthetic models (#ctx)`, noSynthetic);
    }

    // --- engine --------------------------------------------------------------------------
    if (opt.native) {
      progress('engine native: cargo bench --bench engine');
      const native = runNative();
      if (!native.error) {
        row(`engine native: rank ${native.n} synthetic models (cargo bench, ${native.runs} runs)`, { unit: 'ms', value: native.median, lo: native.min, hi: native.max });
      } else {
        row('engine native: cargo bench --bench engine', { text: `did not run: ${native.error}`.slice(0, 120), status: 'FAIL' });
      }
    }
    if (benchServer) {
      progress('engine in wasm: codefit_bench_rank(10000)');
      const wasmSamples = await wasmEngine(browser, benchServer, 10_000);
      timingRow('engine wasm: codefit_bench_rank(10000) (5 calls × median of 7)', wasmSamples, { max: 5 });
    } else {
      row('engine wasm: codefit_bench_rank(10000) (5 calls × median of 7)', noSynthetic);
    }
  } finally {
    await browser.close();
  }

  // --- Lighthouse (own Chrome; after ours is closed) ---------------------------------------
  if (opt.lighthouse) {
    for (const preset of ['mobile', 'desktop']) {
      progress(`lighthouse ${preset}`);
      const lh = await runLighthouse(server.url(), preset);
      if (lh.error) {
        row(`lighthouse ${preset}`, { text: `did not run: ${lh.error}`, status: 'FAIL' });
        continue;
      }
      row(`lighthouse ${preset}: performance`, { unit: 'score', value: lh.performance, budget: { min: preset === 'mobile' ? 90 : 95 } });
      row(`lighthouse ${preset}: accessibility`, { unit: 'score', value: lh.accessibility, budget: { min: 100 } });
      row(`lighthouse ${preset}: best-practices`, { unit: 'score', value: lh.bestPractices, budget: { min: 100 } });
      row(`lighthouse ${preset}: · FCP (simulated)`, { unit: 'ms', value: lh.fcp });
      row(`lighthouse ${preset}: · LCP (simulated)`, { unit: 'ms', value: lh.lcp });
      row(`lighthouse ${preset}: · total blocking time`, { unit: 'ms', value: lh.tbt });
      if (lh.failing.length) notes.push(`lighthouse ${preset}, audits below 1: ${lh.failing.join('; ')}`);
    }
    // The peer, for information: same server, same flags, foreign hosts unresolvable.
    const lhPeer = 'lighthouse mobile, gpu_poor (peer)';
    if (!peer.error) {
      progress('lighthouse mobile: gpu_poor');
      const lh = await runLighthouse(peer.url, 'mobile');
      if (lh.error) row(lhPeer, { text: `did not run: ${lh.error}`, status: 'info' });
      else {
        row(`${lhPeer}: performance`, { unit: 'score', value: lh.performance });
        row(`${lhPeer}: accessibility`, { unit: 'score', value: lh.accessibility });
        row(`${lhPeer}: best-practices`, { unit: 'score', value: lh.bestPractices });
        row(`${lhPeer}: · LCP (simulated)`, { unit: 'ms', value: lh.lcp });
        if (lh.failing.length) notes.push(`${lhPeer}, audits below 1 (errors-in-console counts its blocked Google requests): ${lh.failing.join('; ')}`);
      }
    } else row(lhPeer, { text: peer.error, status: 'info' });
  } else {
    row('lighthouse', { text: 'skipped (--no-lighthouse)', status: 'info' });
  }
  await server.close();
  await benchServer?.close();
  const otherShare = others.stop();
  m.otherCpu = Number.isFinite(otherShare) ? `${(otherShare * 100).toFixed(0)}%` : 'n/a';
  if (otherShare > 0.05) notes.push(`other processes used ${m.otherCpu} of the CPU time while this ran: the timings are disturbed`);

  printTable(
    `codefit benchmark, ${m.date}\n` +
      `machine: ${m.nproc} cores, ${m.cpu}, ${m.memGB} GB; CPU idle before measuring ${m.idleBefore ?? 'not checked'}, ` +
      `load average ${m.loadavg}; other processes used ${m.otherCpu} of the CPUs during the run\n` +
      `${m.chromium}; node ${m.node}; commit ${m.commit}\n` +
      `peer: ${m.peer ? `${m.peer}, served by the same server at ${PEER.base}` : `gpu_poor, ${peer.error}`}\n` +
      `requests not to the local server were aborted for ${m.peer ? 'both pages' : 'the page'}, in every load and in Lighthouse ` +
      (routeBlock ? '(playwright context.route abort; Lighthouse: Chrome --host-resolver-rules)' : '(Chromium --host-resolver-rules: no other host resolves, the request fails at once)'),
    rows,
  );
  if (notes.length) {
    console.log('\nnotes:');
    for (const n of notes) console.log(`- ${n}`);
  }
  const misses = rows.filter((r) => ['MISS', 'FAIL'].includes(evaluate(r)));
  console.log(`\n${rows.filter((r) => evaluate(r) === 'PASS').length} PASS, ${misses.filter((r) => evaluate(r) === 'MISS').length} MISS, ${misses.filter((r) => evaluate(r) === 'FAIL').length} FAIL`);
  if (opt.json) {
    writeFileSync(opt.json, JSON.stringify({ machine: m, rows: rows.map((r) => ({ ...r, status: evaluate(r), verdict: statusText(r) })), notes }, null, 2));
    console.log(`raw figures: ${relative(process.cwd(), opt.json)}`);
  }
  if (opt.strict && misses.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
