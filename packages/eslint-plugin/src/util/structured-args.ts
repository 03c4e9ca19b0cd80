import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { structuredShape } from './klog-api.js';
import type { KlogCall } from './klog-resolver.js';

/** One key/value pair of a structured call; `value` is missing for a trailing key. */
export interface KeyValuePair {
  readonly key: TSESTree.Expression;
  readonly value: TSESTree.Expression | undefined;
}

/** The message and key/value pairs of a structured klog-ts call. */
export interface StructuredArgs {
  /** The message argument; `undefined` for `withValues` or when the call passes too few arguments. */
  readonly msg: TSESTree.Expression | undefined;
  readonly pairs: readonly KeyValuePair[];
  /** False when a spread argument hides part of the list: pairs stop before it. */
  readonly complete: boolean;
}

/**
 * Splits a structured call's arguments, or returns `undefined` when the call is not structured or a
 * spread argument hides where the message is (`logger.infoS(...args)`).
 */
export function structuredArgs(call: KlogCall): StructuredArgs | undefined {
  const shape = structuredShape(call.receiver, call.method);
  if (!shape) return undefined;
  const args = call.node.arguments;
  const head = args.slice(0, shape.kv);
  if (head.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const msg = shape.msg >= 0 ? (args[shape.msg] as TSESTree.Expression | undefined) : undefined;
  const pairs: KeyValuePair[] = [];
  const rest = args.slice(shape.kv);
  const spreadAt = rest.findIndex((arg) => arg.type === AST_NODE_TYPES.SpreadElement);
  const visible = (spreadAt < 0 ? rest : rest.slice(0, spreadAt)) as TSESTree.Expression[];
  for (let i = 0; i < visible.length; i += 2) {
    const key = visible[i];
    if (key) pairs.push({ key, value: visible[i + 1] });
  }
  return { msg, pairs, complete: spreadAt < 0 };
}
