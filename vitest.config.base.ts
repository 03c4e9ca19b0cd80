import { defineConfig } from 'vitest/config';
// The plugin the sanitizer ships (`@klog-ts/sanitizer/vite`), from its source: Vite 8's oxc transform leaves
// standard decorators (`@datapolicy`) in the code, which Node rejects; the plugin lowers them first.
import { datapolicyDecorators } from './packages/sanitizer/src/vite/index.js';

// Shared by every project: workspace packages resolve to their TypeScript sources
// through the `@klog-ts/source` export condition, so tests never see stale dist/ output.
export default defineConfig({
  plugins: [datapolicyDecorators()],
  ssr: { resolve: { conditions: ['@klog-ts/source'] } },
  resolve: { conditions: ['@klog-ts/source'] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
