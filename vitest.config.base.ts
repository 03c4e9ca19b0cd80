import { transform } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Vite 8's oxc transformer cannot lower standard (TC39) decorators, which the
 * sanitizer's `@datapolicy` uses; esbuild can. Only files that use a decorator take
 * this path, so everything else keeps oxc's speed.
 */
function standardDecorators(): Plugin {
  // Loose on purpose: a false positive (a JSDoc tag) only costs speed, never correctness.
  const decorator = /(?:^|[\s{;])@[A-Za-z_$][\w$.]*\s*(?:\(|[A-Za-z_#$])/m;
  return {
    name: 'klog-ts:standard-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!id.endsWith('.ts') || !decorator.test(code)) return null;
      const out = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: id });
      return { code: out.code, map: out.map };
    },
  };
}

// Shared by every project: workspace packages resolve to their TypeScript sources
// through the `@klog-ts/source` export condition, so tests never see stale dist/ output.
export default defineConfig({
  plugins: [standardDecorators()],
  ssr: { resolve: { conditions: ['@klog-ts/source'] } },
  resolve: { conditions: ['@klog-ts/source'] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
