import { createRule } from '../util/create-rule.js';
import { addKlogImport } from '../util/add-klog-import.js';
import { OBJECT_REF_HELPERS } from '../util/klog-api.js';
import { klogResolver } from '../util/klog-resolver.js';
import { kubernetesShape } from '../util/kubernetes-object.js';
import { unwrapExpression } from '../util/member-name.js';
import { optionalTypeInfo } from '../util/optional-type-info.js';
import { structuredArgs } from '../util/structured-args.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * A whole Kubernetes object logged as a value dumps its spec and status (and whatever secrets they hold)
 * into the line; `KObj(obj)` logs `namespace/name`, as the Kubernetes guidelines ask.
 */
export default createRule({
  name: 'prefer-kobj',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require `KObj(...)` (or `KObjSlice(...)`) around Kubernetes objects logged as values',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [],
    messages: {
      preferKObj: 'Log a Kubernetes object as `{{helper}}(...)`, which renders its namespace and name, not the whole object.',
      wrap: 'Wrap the value in `{{helper}}(...)`.',
    },
    schema: [],
  },
  create(context) {
    const resolver = klogResolver(context);
    const services = optionalTypeInfo(context);
    return {
      CallExpression(node) {
        const call = resolver.call(node);
        const args = call && structuredArgs(call);
        if (!args) return;
        for (const { value } of args.pairs) {
          if (!value) continue;
          const inner = unwrapExpression(value);
          if (inner.type === AST_NODE_TYPES.CallExpression && OBJECT_REF_HELPERS.has(resolver.packageExport(inner.callee) ?? '')) continue;
          const shape = kubernetesShape(value, context, services);
          if (!shape) continue;
          const helper = shape === 'list' ? 'KObjSlice' : 'KObj';
          context.report({
            node: value,
            messageId: 'preferKObj',
            data: { helper },
            suggest: [
              {
                messageId: 'wrap',
                data: { helper },
                fix: (fixer) => {
                  const { callee, fixes } = addKlogImport(fixer, context.sourceCode, helper, resolver.referenceTo(helper));
                  return [...fixes, fixer.replaceText(value, `${callee}(${context.sourceCode.getText(value)})`)];
                },
              },
            ],
          });
        }
      },
    };
  },
});
