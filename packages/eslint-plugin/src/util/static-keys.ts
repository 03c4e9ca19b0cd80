import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { constantString } from './constant-string.js';
import type { KlogCall } from './klog-resolver.js';
import { memberName, unwrapExpression } from './member-name.js';
import { structuredArgs } from './structured-args.js';

/** The constant string keys of a structured call's visible key/value pairs, with their nodes. */
export function staticKeys(
  call: KlogCall,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): { readonly key: string; readonly node: TSESTree.Expression }[] {
  const args = structuredArgs(call);
  if (!args) return [];
  return args.pairs.flatMap(({ key }) => {
    const value = constantString(key, context);
    return value.kind === 'string' ? [{ key: value.value, node: key }] : [];
  });
}

/** The keys bound by the `withValues(...)` calls on a logger's chain (`logger.withValues('pod', p)`). */
export function boundKeys(
  call: KlogCall,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): Set<string> {
  const keys = new Set<string>();
  for (const link of call.chain) {
    const callee = unwrapExpression(link.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'withValues') continue;
    const bound: KlogCall = { node: link, receiver: 'logger', method: 'withValues', object: callee.object, chain: [] };
    for (const { key } of staticKeys(bound, context)) keys.add(key);
  }
  return keys;
}
