import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ConfigName } from './configs.js';
import { buildConfig, NAMESPACE } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The plugin object: its rules, and the flat configs `recommended`, `recommended-type-checked`, `strict`. */
export interface KlogPlugin extends TSESLint.FlatConfig.Plugin {
  readonly rules: typeof rules;
  readonly configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const configs = {} as Record<ConfigName, TSESLint.FlatConfig.Config>;

/**
 * `@klog-ts/eslint-plugin`: Kubernetes' logcheck rules for klog-ts, and `no-secret-logging`.
 *
 * ```js
 * import klog from '@klog-ts/eslint-plugin';
 * export default defineConfig(tseslint.configs.recommendedTypeChecked, klog.configs['recommended-type-checked']);
 * ```
 */
const plugin: KlogPlugin = { meta: { name, version, namespace: NAMESPACE }, rules, configs };
for (const config of ['recommended', 'recommended-type-checked', 'strict'] as const) {
  configs[config] = buildConfig(plugin, rules, config);
}

export default plugin;
export { rules };
