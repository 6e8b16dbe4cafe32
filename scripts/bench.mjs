// SPDX-License-Identifier: MIT
// `npm run bench`: validation throughput against JSON.parse / fast-xml-parser on the official examples, the
// size of a browser bundle that validates one standard (rollup and esbuild, minified + gzipped), and messages/s and
// latency through the reference hub and the SDK against a bare HTTP server (scripts/bench/transport.mjs).
// Runs on the built packages, as a consumer would (`npm run bench` installs first, then runs this under tsx
// for the TypeScript fixtures package). Writes the figures to docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, ensureBuilt } from './bootstrap.mjs';
import { measureTransport, transportLines } from './bench/transport.mjs';

if (ensureBuilt() !== 0) process.exit(1);

const { build } = await import('esbuild');
const { rollup } = await import('rollup');
const { nodeResolve } = await import('@rollup/plugin-node-resolve');
const terser = (await import('@rollup/plugin-terser')).default;
const { XMLParser } = await import('fast-xml-parser');
const { validateMessage } = await import('@samspil/sdk');
// The fixtures package is TypeScript: `npm run bench` runs this file under tsx.
const { officialExamples } = await import('@samspil/fixtures');

/** Runs `fn` over all inputs repeatedly for about `ms` milliseconds; returns seconds per pass. */
function time(inputs, fn, ms = 1500) {
  for (const input of inputs) fn(input); // warm-up
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const input of inputs) fn(input);
    passes++;
  }
  return (performance.now() - start) / 1000 / passes;
}

const list = officialExamples();
const json = list.map((e) => readFileSync(e.json, 'utf8'));
const xml = list.filter((e) => e.xml).map((e) => readFileSync(e.xml, 'utf8'));
const bytes = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

for (const text of [...json, ...xml]) {
  if (!validateMessage(text).ok) throw new Error('An official example does not validate; fix that before benchmarking');
}

const rows = [];
function measure(label, texts, baselineLabel, baseline) {
  const validation = time(texts, (t) => validateMessage(t));
  const base = time(texts, baseline);
  rows.push({
    label,
    messages: texts.length,
    perSecond: texts.length / validation,
    mbPerSecond: bytes(texts) / 1e6 / validation,
    ratio: validation / base,
    baselineLabel,
  });
}
measure('FHIR JSON', json, 'JSON.parse', (t) => JSON.parse(t));
const xmlParser = new XMLParser({ ignoreAttributes: false });
measure('FHIR XML', xml, 'fast-xml-parser parse', (t) => xmlParser.parse(t));

const gz = (code) => gzipSync(code, { level: 9 }).byteLength;

/** Minified + gzipped size of `entry` (module source) bundled for the browser by esbuild and by rollup. */
async function sizes(entry) {
  const esbuildResult = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const rollupBundle = await rollup({
    input: 'entry',
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null) },
      nodeResolve({ browser: true }),
    ],
    onwarn: () => {},
  });
  const { output } = await rollupBundle.generate({ format: 'es', plugins: [terser()] });
  return { rollup: gz(output[0].code), esbuild: gz(esbuildResult.outputFiles[0].contents) };
}

const bundles = [
  [
    '`createValidator([hospitalNotification])` from `@samspil/sdk`',
    `import { createValidator, hospitalNotification } from '@samspil/sdk';\nexport const validate = createValidator([hospitalNotification]);\n`,
  ],
  ...[
    'patient-banner',
    'discharge-summary',
    'rehab-plan',
    'referral-form',
    'stay-timeline',
    'message-thread',
    'message-composer',
    'observation-report',
    'acknowledgement',
  ].map((name) => [`\`@samspil/components/${name}.js\` (Lit included)`, `import '@samspil/components/${name}.js';\n`]),
  [
    'the three letter components together (Lit included)',
    ['discharge-summary', 'rehab-plan', 'referral-form'].map((n) => `import '@samspil/components/${n}.js';`).join('\n'),
  ],
];
const sizeRows = [];
for (const [label, entry] of bundles) sizeRows.push([label, await sizes(entry)]);

const transport = await measureTransport({ root: ROOT, messages: 2000, warmup: 200, concurrency: 8 });

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = [
  '# Performance',
  '',
  'Measured by `npm run bench` (scripts/bench.mjs, and scripts/bench/transport.mjs for the transport) on the built',
  'packages; validation over every official MedCom example message in `../shared/medcom/examples`. Figures from the',
  'last run; the machine is the project machine (2 cores). Ratios compare against the baseline measured in the same',
  'run on the same bytes.',
  '',
  `Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`,
  '',
  '## Validation throughput',
  '',
  '| input | messages | messages/s | MB/s | cost vs baseline |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.messages} | ${r.perSecond.toFixed(0)} | ${r.mbPerSecond.toFixed(2)} | ${r.ratio.toFixed(1)}× ${r.baselineLabel} |`,
  ),
  '',
  '## Browser bundle sizes',
  '',
  'Bundled for the browser from the built packages, minified (terser / esbuild), gzip -9:',
  '',
  '| entry | rollup + node-resolve + terser | esbuild --bundle --minify |',
  '| --- | --- | --- |',
  ...sizeRows.map(([label, size]) => `| ${label} | ${kb(size.rollup)} | ${kb(size.esbuild)} |`),
  '',
  ...transportLines(transport),
];
// Written as Prettier would, so the committed report passes the format check.
const prettier = await import('prettier');
const target = join(ROOT, 'docs/performance.md');
const report = await prettier.format(lines.join('\n'), {
  ...(await prettier.resolveConfig(target)),
  parser: 'markdown',
});
writeFileSync(target, report);
console.log(report);
