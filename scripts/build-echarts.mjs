#!/usr/bin/env node
// Builds the custom ECharts bundle the page loads as a classic script before the wasm app
// starts: `build/echarts.min.js`, an IIFE that sets `window.echarts`.
//
// Why a custom bundle: charming's WasmRenderer only needs `echarts.init` and the instance
// methods (setOption / resize / on / dispose / getDataURL), and the app draws scatter, line
// and bar charts. Registering only those charts and components roughly halves the file
// compared with the full `echarts.min.js` (see README "Figures").
//
// Optional features, measured on echarts 6.1.0 (raw / gzip -9 / brotli -q 11):
//   LabelLayout          +12 KB / +4.5 KB / +3.5 KB  -> left out: the app sets no labelLayout.
//   UniversalTransition  +20 KB / +8 KB / +6 KB      -> left out: it only morphs one series type
//                        into another, which the app does not do.
// Also left out: title, aria, dataset, markArea and markPoint components (the page gives
// each chart a heading, an aria-label and a data table itself), and every echarts/core
// export but init and getInstanceByDom.
//
// Runs as Trunk's pre_build hook. It skips the work when the output is newer than
// package-lock.json (the only input that can change it) and newer than this script.
// `--force` rebuilds anyway.
import { build } from 'esbuild';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'echarts.min.js');
const inputs = [join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const force = process.argv.includes('--force');
if (!force && inputs.every((input) => mtime(out) > mtime(input))) {
  console.log(`build-echarts: ${out} is up to date`);
  process.exit(0);
}

// The entry module: register exactly what the app uses, then re-export echarts/core so the
// global has the same shape as the full build (`init`, `getInstanceByDom`, `registerTheme`,
// `graphic`, ...).
const entry = `
import { use, init, getInstanceByDom } from 'echarts/core';
import { ScatterChart, LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// The label layout: the memory-vs-score chart's labels hide where they would overlap.
import { LabelLayout } from 'echarts/features';

use([ScatterChart, LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer, LabelLayout]);

// Only what the app and its tests call: the rest of echarts/core is left to tree-shaking.
export { init, getInstanceByDom };
`;

mkdirSync(dirname(out), { recursive: true });
const started = performance.now();
await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'echarts-entry.js', loader: 'js' },
  bundle: true,
  minify: true,
  format: 'iife',
  // `var echarts = ...` at the top level of a classic script is `window.echarts`.
  globalName: 'echarts',
  target: ['es2020'],
  platform: 'browser',
  // ECharts guards its development-only checks and warnings with this.
  define: { 'process.env.NODE_ENV': '"production"' },
  outfile: out,
  logLevel: 'warning',
});
const bytes = statSync(out).size;
console.log(
  `build-echarts: wrote ${out} (${(bytes / 1024).toFixed(0)} KiB) in ${(performance.now() - started).toFixed(0)} ms`,
);
