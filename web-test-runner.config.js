// SPDX-License-Identifier: MIT
// Browser tests in Debian's Chromium (no browser downloads are possible here), TypeScript through esbuild,
// workspace packages resolved to their sources through the `@samspil/source` export condition.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SHARED = resolve(process.env.SAMSPIL_SHARED ?? join(import.meta.dirname, '..', 'shared'));

/**
 * Serves the shared folder (MedCom's example letters) under /__shared/, read where it lies, never copied. A
 * middleware, not a plugin: plugins' responses are decoded as UTF-8 text before they are sent, which would
 * corrupt the windows-1252 letters.
 */
async function sharedFolder(ctx, next) {
  // /__shared/ for tests; /shared/medcom/oioxml/ as Storybook serves it, for the stories' own fetches.
  const prefix = ['/__shared/', '/shared/'].find((p) => ctx.path.startsWith(p));
  if (!prefix) return next();
  const file = normalize(join(SHARED, decodeURIComponent(ctx.path.slice(prefix.length))));
  // A folder's file names as JSON, so browser tests can walk every official example without a copied list.
  if (file.endsWith(`${sep}index.json`) && file.startsWith(SHARED) && !existsSync(file)) {
    const dir = file.slice(0, -'/index.json'.length);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return next();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(readdirSync(dir).sort());
    return;
  }
  if (!file.startsWith(SHARED) || !existsSync(file)) return next();
  ctx.type = file.endsWith('.xml') ? 'application/xml' : 'application/octet-stream';
  ctx.body = readFileSync(file);
}

/** The React modules tests may import, by the URL each is served under. */
const REACT_MODULES = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client' };
const REACT_PREFIX = '/__react/';

/**
 * Serves React, which ships CommonJS only, as ES modules bundled on the fly by esbuild (development build, for
 * its warnings). One bundle holds React and ReactDOM, so hooks called through either see the same React; each
 * module is a thin re-export of it. Named exports are listed from the CommonJS modules, loaded in a child
 * process with the same NODE_ENV, since an ES module's export names must be known when it is written.
 */
function reactAsEsm() {
  let modules;
  const bundle = async () => {
    const names = Object.keys(REACT_MODULES);
    const entry = names.map((name, i) => `export { default as m${i} } from ${JSON.stringify(name)};`).join('\n');
    const built = await build({
      stdin: { contents: entry, resolveDir: import.meta.dirname, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
      write: false,
      logLevel: 'silent',
    });
    const keys = JSON.parse(
      execFileSync(
        process.execPath,
        ['-e', `console.log(JSON.stringify(${JSON.stringify(names)}.map((name) => Object.keys(require(name)))))`],
        { cwd: import.meta.dirname, env: { ...process.env, NODE_ENV: 'development' }, encoding: 'utf8' },
      ),
    );
    const served = new Map([[`${REACT_PREFIX}bundle.js`, built.outputFiles[0].text]]);
    names.forEach((name, i) => {
      const exported = keys[i].filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
      served.set(
        `${REACT_PREFIX}${REACT_MODULES[name]}.js`,
        `import { m${i} } from './bundle.js';\nexport default m${i};\nexport const { ${exported.join(', ')} } = m${i};\n`,
      );
    });
    return served;
  };
  return {
    name: 'react-as-esm',
    resolveImport({ source }) {
      if (Object.hasOwn(REACT_MODULES, source)) return `${REACT_PREFIX}${REACT_MODULES[source]}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(REACT_PREFIX)) return undefined;
      modules ??= bundle();
      const body = (await modules).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

/** Writes `{ passed, failed, skipped }` to `.cache/browser-results.json` for the `npm test` totals line. */
function countingReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test still fails the run.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += session.errors.length;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync('.cache/browser-results.json', JSON.stringify(totals));
    },
  };
}

export default {
  // Components, plus the SDK code that must also work in browsers (`*.browser-test.ts`).
  files: ['packages/components/src/**/*.test.ts', 'packages/sdk/src/**/*.browser-test.ts', 'stories/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@samspil/source', 'browser', 'development'] },
  middleware: [sharedFolder],
  plugins: [reactAsEsm(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROME_FLAGS,
      },
    }),
  ],
  concurrency: 1,
  // Lit's dev build announces itself in every file; real warnings still come through.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
