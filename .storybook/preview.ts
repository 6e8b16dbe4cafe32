// SPDX-License-Identifier: MIT
import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import manifest from '../packages/components/custom-elements.json' with { type: 'json' };

// Controls, argument tables and docs come from the components' JSDoc, through the analyzer's manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: { title: 'Language', icon: 'globe', items: ['da', 'en'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'da' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'da');
      return story();
    },
  ],
};

export default preview;
