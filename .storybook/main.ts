// SPDX-License-Identifier: MIT
import { join, resolve } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';

// MedCom's example letters are served from the shared folder (never copied into the repository).
const SHARED = resolve(process.env['SAMSPIL_SHARED'] ?? join(import.meta.dirname, '..', '..', 'shared'));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  staticDirs: [{ from: join(SHARED, 'medcom', 'oioxml'), to: '/shared/medcom/oioxml' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    // Stories run the packages' sources, so Storybook needs no build of them first.
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['@samspil/source', ...defaultClientConditions] },
    });
  },
};

export default config;
