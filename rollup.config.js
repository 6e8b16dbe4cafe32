// SPDX-License-Identifier: MIT
// One build for every workspace package: ESM JavaScript (one file per source module, so consumers and
// per-component entry points tree-shake) plus bundled `.d.ts` per public entry. Entry points are read from
// each package's `exports` map (the `@samspil/source` condition), so package.json stays the single source.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import minifyHtml from '@lit-labs/rollup-plugin-minify-html-literals';

const PACKAGES = ['packages/sdk', 'packages/components', 'packages/hub', 'packages/cli'];
const SOURCE_CONDITION = '@samspil/source';

/** `{ 'patient-banner/define': 'packages/components/src/patient-banner/define.ts', … }` */
function entryPoints(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entries = {};
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !target[SOURCE_CONDITION]) continue;
    const name = target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    entries[name] = join(dir, target[SOURCE_CONDITION]);
  }
  return entries;
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Dependencies (and sibling workspace packages) stay imports; the consumer's bundler resolves them. */
const external = (id) => builtins.has(id) || /^[@a-z]/i.test(id);

const onwarn = (warning) => {
  // A warning is a build defect here: fail rather than scroll past.
  throw new Error(`rollup: ${warning.message}`);
};

export default PACKAGES.flatMap((dir) => {
  const input = entryPoints(dir);
  if (Object.keys(input).length === 0) return [];
  return [
    {
      input,
      external,
      onwarn,
      // Only the components' define files register anything; every other module is pure, as package.json says.
      treeshake: { moduleSideEffects: (id, isExternal) => isExternal || /[\\/]define\.ts$/.test(id) },
      plugins: [
        // Lit templates and styles ship minified (whitespace, CSS), so every consumer's bundle is smaller.
        ...(dir === 'packages/components' ? [minifyHtml({ failOnError: true })] : []),
        esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true }),
      ],
      output: {
        dir: join(dir, 'dist'),
        format: 'es',
        sourcemap: true,
        preserveModules: true,
        preserveModulesRoot: join(dir, 'src'),
        // Plain imports of transitive dependencies would defeat sideEffects-based tree shaking downstream.
        hoistTransitiveImports: false,
      },
    },
    {
      input,
      external,
      // Declarations drop value-only imports, so unused external imports are expected there.
      onwarn: (warning, warn) => (warning.code === 'UNUSED_EXTERNAL_IMPORT' ? undefined : onwarn(warning, warn)),
      plugins: [dts({ tsconfig: 'tsconfig.json', compilerOptions: { noEmit: false } })],
      output: { dir: join(dir, 'dist'), format: 'es', entryFileNames: '[name].d.ts' },
    },
  ];
});
