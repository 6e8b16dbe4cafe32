// SPDX-License-Identifier: MIT
// The components' JSDoc is their public contract: the analyzer turns it into custom-elements.json, which
// Storybook reads for controls and docs and editors read for hints.
export default {
  globs: ['packages/components/src/**/*.ts'],
  exclude: [
    'packages/components/src/**/*.test.ts',
    'packages/components/src/**/*.test-support.ts',
    'packages/components/src/**/*.styles.ts',
  ],
  outdir: 'packages/components',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // SamspilElement.emit() dispatches `new CustomEvent(name, …)`; the analyzer would list a literal event "name".
      name: 'samspil-drop-emit-parameter',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name !== 'name');
          }
        }
      },
    },
  ],
};
