// SPDX-License-Identifier: MIT
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
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
