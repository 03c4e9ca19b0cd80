import type { TSESLint } from '@typescript-eslint/utils';
import type { KlogRuleDocs } from './util/create-rule.js';

/** The plugin's rule namespace: rules are configured as `@klog-ts/<name>`. */
export const NAMESPACE = '@klog-ts';

/** The shared configs, by name. */
export type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict';

interface RuleWithDocs {
  readonly meta: { readonly docs?: KlogRuleDocs };
}

/**
 * Which rules each config enables, derived from every rule's `meta.docs`, so a config cannot drift from
 * the rules: `recommended` has the `recommended` rules that need no types, `recommended-type-checked`
 * adds the typed ones, `strict` adds the `strict` rules (such as `contextual`) to that.
 */
export function configRules(
  rules: Readonly<Record<string, RuleWithDocs>>,
  name: ConfigName,
): Record<string, TSESLint.FlatConfig.RuleLevel> {
  const enabled: Record<string, TSESLint.FlatConfig.RuleLevel> = {};
  for (const [rule, { meta }] of Object.entries(rules)) {
    const docs = meta.docs;
    if (docs?.recommended === undefined) continue;
    const inConfig =
      name === 'strict' ||
      (docs.recommended === 'recommended' && (name === 'recommended-type-checked' || !docs.requiresTypeChecking));
    if (inConfig) enabled[`${NAMESPACE}/${rule}`] = 'error';
  }
  return enabled;
}

/** A flat config that registers the plugin and enables the rules of config `name`. */
export function buildConfig(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
  name: ConfigName,
): TSESLint.FlatConfig.Config {
  return { name: `${NAMESPACE}/${name}`, plugins: { [NAMESPACE]: plugin }, rules: configRules(rules, name) };
}
