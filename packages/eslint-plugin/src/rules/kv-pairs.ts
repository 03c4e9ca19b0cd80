import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { constantString } from '../util/constant-string.js';
import { klogResolver } from '../util/klog-resolver.js';
import { unwrapExpression } from '../util/member-name.js';
import { boundKeys } from '../util/static-keys.js';
import { structuredArgs } from '../util/structured-args.js';

/** Printable ASCII: klog's text format quotes nothing in a key, so anything else corrupts a line. */
const ASCII_KEY = /^[\x21-\x7e]+$/;

type Options = [{ strictConstantKeys?: boolean }];
type MessageId = 'missingValue' | 'nonConstantKey' | 'nonStringKey' | 'nonLiteralKey' | 'nonAsciiKey' | 'duplicateKey' | 'duplicateBoundKey';

/** A string written in place: a literal, or a template without substitutions (`'pod'`, `'pod' as const`). */
function isStringLiteral(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return (
    (expr.type === AST_NODE_TYPES.Literal && typeof expr.value === 'string') ||
    (expr.type === AST_NODE_TYPES.TemplateLiteral && expr.expressions.length === 0)
  );
}

/**
 * logcheck's `parameters` check: key/value lists of structured calls and `withValues` come in pairs,
 * with constant ASCII string keys, and no key twice for one line.
 */
export default createRule<Options, MessageId>({
  name: 'kv-pairs',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require well-formed key/value pairs in structured logging calls and `withValues`',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [{ strictConstantKeys: false }],
    messages: {
      missingValue: 'Key {{key}} has no value: key/value arguments must come in pairs.',
      nonConstantKey: 'Key {{key}} is computed at run time; keys must be constant strings.',
      nonStringKey: 'Key {{key}} is not a string; keys must be constant strings.',
      nonLiteralKey: 'Key {{key}} must be written in place as a string literal (strictConstantKeys).',
      nonAsciiKey: 'Key "{{key}}" must be non-empty printable ASCII without spaces.',
      duplicateKey: 'Key "{{key}}" is already used in this call.',
      duplicateBoundKey: 'Key "{{key}}" is already bound to this logger by `withValues`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          strictConstantKeys: {
            type: 'boolean',
            description:
              'Accept only keys written in place as string literals (or templates without substitutions), as logcheck does: not `const` variables, not string literal types. Default false.',
          },
        },
      },
    ],
  },
  create(context, [{ strictConstantKeys = false }]) {
    const resolver = klogResolver(context);
    const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
    return {
      CallExpression(node) {
        const call = resolver.call(node);
        const args = call && structuredArgs(call);
        if (!call || !args) return;
        const bound = boundKeys(call, context);
        const seen = new Set<string>();
        for (const { key, value } of args.pairs) {
          if (value === undefined && args.complete) {
            context.report({ node: key, messageId: 'missingValue', data: { key: text(key) } });
          }
          const constant = constantString(key, context);
          if (constant.kind === 'dynamic') {
            context.report({ node: key, messageId: 'nonConstantKey', data: { key: text(key) } });
          } else if (constant.kind === 'non-string') {
            context.report({ node: key, messageId: 'nonStringKey', data: { key: text(key) } });
          } else if (strictConstantKeys && !isStringLiteral(key)) {
            context.report({ node: key, messageId: 'nonLiteralKey', data: { key: text(key) } });
          }
          if (constant.kind !== 'string') continue;
          const name = constant.value;
          if (!ASCII_KEY.test(name)) context.report({ node: key, messageId: 'nonAsciiKey', data: { key: name } });
          if (seen.has(name)) {
            context.report({ node: key, messageId: 'duplicateKey', data: { key: name } });
          } else if (bound.has(name)) {
            context.report({ node: key, messageId: 'duplicateBoundKey', data: { key: name } });
          }
          seen.add(name);
        }
      },
    };
  },
});
