import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { klogResolver } from '../util/klog-resolver.js';
import { memberName, unwrapExpression } from '../util/member-name.js';

type MessageId = 'vZero' | 'negativeVerbosity' | 'errorIgnoresVerbosity' | 'removeV';

const ERROR_METHODS = new Set(['error', 'errorS']);

/**
 * logcheck's `verbosity-zero` check, and logr's trap: `logger.V(n).error(...)` logs whatever `n` is,
 * because errors ignore verbosity.
 */
export default createRule<[], MessageId>({
  name: 'verbosity',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow `V(0)` and negative levels, and `V(n)` on a `Logger` before `error`/`errorS`',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [],
    messages: {
      vZero: '`V(0)` is the default verbosity: log without it.',
      negativeVerbosity: 'Verbosity levels are not negative; `V({{level}})` is not a level.',
      errorIgnoresVerbosity: '`{{method}}` ignores the verbosity set by `V(n)`: this error is logged at every level.',
      removeV: 'Remove `V(...)`.',
    },
    schema: [],
  },
  create(context) {
    const resolver = klogResolver(context);

    /** `X.V(n)` → `X`: a fix for a Logger's V call written in place. */
    const dropLoggerV = (vCall: TSESTree.CallExpression) => {
      const callee = unwrapExpression(vCall.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      return (fixer: TSESLint.RuleFixer) => fixer.removeRange([callee.object.range[1], vCall.range[1]]);
    };

    /** `V(0).infoS(...)` → `infoS(...)`, when the file imports the package function it needs. */
    const dropPackageV = (vCall: TSESTree.CallExpression) => {
      const member = vCall.parent;
      if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== vCall) return undefined;
      const method = memberName(member);
      const reference = method === undefined || method === 'enabled' ? undefined : resolver.referenceTo(method);
      if (reference === undefined || member.parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
      return (fixer: TSESLint.RuleFixer) => fixer.replaceText(member, reference);
    };

    const checkLevel = (vCall: TSESTree.CallExpression, isPackage: boolean): void => {
      const arg = vCall.arguments[0];
      const level = arg && ASTUtils.getStaticValue(arg, context.sourceCode.getScope(arg))?.value;
      if (typeof level !== 'number') return;
      if (level < 0) {
        context.report({ node: vCall, messageId: 'negativeVerbosity', data: { level } });
      } else if (level === 0) {
        const fix = isPackage ? dropPackageV(vCall) : dropLoggerV(vCall);
        context.report({ node: vCall, messageId: 'vZero', suggest: fix ? [{ messageId: 'removeV', fix }] : [] });
      }
    };

    return {
      CallExpression(node) {
        if (resolver.packageExport(node.callee) === 'V') {
          checkLevel(node, true);
          return;
        }
        const call = resolver.call(node);
        if (!call) return;
        if (call.receiver === 'logger' && call.method === 'V') checkLevel(node, false);
        if (call.receiver !== 'logger' || !ERROR_METHODS.has(call.method)) return;
        const vCall = call.chain.find((link) => {
          const callee = unwrapExpression(link.callee);
          return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'V';
        });
        if (!vCall) return;
        // Offer the fix only when `V(n)` is written in this very call, not in a variable's initializer.
        const inPlace = vCall.range[0] >= node.range[0] && vCall.range[1] <= node.callee.range[1];
        const fix = inPlace ? dropLoggerV(vCall) : undefined;
        context.report({
          node: node.callee,
          messageId: 'errorIgnoresVerbosity',
          data: { method: call.method },
          suggest: fix ? [{ messageId: 'removeV', fix }] : [],
        });
      },
    };
  },
});
