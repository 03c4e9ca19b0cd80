import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { klogResolver } from '../util/klog-resolver.js';
import { isLowerCamelCase, toLowerCamelCase } from '../util/lower-camel-case.js';
import { staticKeys } from '../util/static-keys.js';

type Options = [{ allow?: string[] }];

/** logcheck's `key` check: keys are lowerCamelCase ASCII, an acronym may lead (`URL`, `IP`). */
export default createRule<Options, 'notLowerCamelCase' | 'rename'>({
  name: 'key-naming',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require lowerCamelCase keys in structured logging calls and `withValues`',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [{ allow: [] }],
    messages: {
      notLowerCamelCase: 'Key "{{key}}" is not lowerCamelCase (like `podName`, or `URL` for an acronym).',
      rename: 'Rename the key to "{{suggested}}".',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Keys accepted as they are, such as keys an ingester already queries by.',
          },
        },
      },
    ],
  },
  create(context, [{ allow = [] }]) {
    const resolver = klogResolver(context);
    const allowed = new Set(allow);
    return {
      CallExpression(node) {
        const call = resolver.call(node);
        if (!call) return;
        for (const { key, node: keyNode } of staticKeys(call, context)) {
          if (allowed.has(key) || isLowerCamelCase(key)) continue;
          const suggested = toLowerCamelCase(key);
          const literal = keyNode.type === AST_NODE_TYPES.Literal ? keyNode : undefined;
          context.report({
            node: keyNode,
            messageId: 'notLowerCamelCase',
            data: { key },
            suggest:
              suggested !== undefined && literal !== undefined
                ? [
                    {
                      messageId: 'rename',
                      data: { suggested },
                      // The suggestion is alphanumeric, so it needs no escaping; keep the literal's quote.
                      fix: (fixer) => fixer.replaceText(literal, `${literal.raw[0]}${suggested}${literal.raw[0]}`),
                    },
                  ]
                : [],
          });
        }
      },
    };
  },
});
