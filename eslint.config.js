// SPDX-License-Identifier: MIT
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'docs/api/**',
      '.cache/**',
      'custom-elements.json',
      'packages/components/custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/components/src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts', 'stories/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts', 'stories/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // The demo's pages: plain ES modules in the browser.
    files: ['packages/demo/pages/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Browser code: the SDK's main entry and the components must run without Node.
    files: ['packages/sdk/src/**/*.ts', 'packages/components/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Browser code: no Node built-ins.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.browser-test.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // Chai assertions and non-null lookups of parts the test has just rendered read best as they are.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  prettier,
);
