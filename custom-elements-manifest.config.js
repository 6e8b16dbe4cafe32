// SPDX-License-Identifier: MIT
// The components' JSDoc is their public contract: the analyzer turns it into custom-elements.json, which
// Storybook reads for controls and docs and editors read for hints.
export default {
  globs: ['packages/components/src/**/*.ts'],
  exclude: ['packages/components/src/**/*.test.ts', 'packages/components/src/**/*.styles.ts'],
  outdir: 'packages/components',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
