import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { childNodes } from '../util/child-nodes.js';
import { createRule } from '../util/create-rule.js';
import { constStaticValue } from '../util/const-static-value.js';
import { klogResolver } from '../util/klog-resolver.js';
import { memberName, unwrapExpression } from '../util/member-name.js';

type Options = [{ verbosityZero?: boolean; verbosityError?: boolean; ifEnabled?: boolean }];
type MessageId = 'vZero' | 'negativeVerbosity' | 'errorIgnoresVerbosity' | 'storeVerbose' | 'removeV';

const ERROR_METHODS = new Set(['error', 'errorS']);

const FUNCTION_NODES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
]);

/**
 * logcheck's `verbosity-zero` and `verbosity-error` checks and its check of `if V(n).Enabled()`, each behind
 * an option: `V(0)` is the default level; `logger.V(n).error(...)` logs whatever `n` is, because errors ignore
 * verbosity; and `if (V(n).enabled()) { V(n).infoS(...) }` evaluates `V(n)` once per use.
 */
export default createRule<Options, MessageId>({
  name: 'verbosity',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow `V(0)` and negative levels, `V(n)` on a `Logger` before `error`/`errorS`, and `V(n).enabled()` conditions that do not keep `V(n)`',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [{ verbosityZero: true, verbosityError: true, ifEnabled: true }],
    messages: {
      vZero: '`V(0)` is the default verbosity: log without it.',
      negativeVerbosity: 'Verbosity levels are not negative; `V({{level}})` is not a level.',
      errorIgnoresVerbosity: '`{{method}}` ignores the verbosity set by `V(n)`: this error is logged at every level.',
      storeVerbose:
        'Store `{{call}}(…)` in a variable, test its `enabled()` and log through it: each `{{call}}(…)` checks the verbosity again.',
      removeV: 'Remove `V(...)`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          verbosityZero: {
            type: 'boolean',
            description: "Report `V(0)` and negative levels (logcheck's `verbosity-zero` check). Default true.",
          },
          verbosityError: {
            type: 'boolean',
            description: "Report `V(n)` on a `Logger` before `error` or `errorS` (logcheck's `verbosity-error` check). Default true.",
          },
          ifEnabled: {
            type: 'boolean',
            description: 'Report `V(n).enabled()` in an `if` condition, where `V(n)` should be kept in a variable and logged through. Default true.',
          },
        },
      },
    ],
  },
  create(context, [{ verbosityZero = true, verbosityError = true, ifEnabled = true }]) {
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

    /** A level is read when it is constant by declaration: a literal or a `const`, not a `let` or `var`. */
    const checkLevel = (vCall: TSESTree.CallExpression, isPackage: boolean): void => {
      const arg = vCall.arguments[0];
      const level = arg && constStaticValue(arg, context.sourceCode.getScope(arg))?.value;
      if (typeof level !== 'number') return;
      if (level < 0) {
        context.report({ node: vCall, messageId: 'negativeVerbosity', data: { level } });
      } else if (level === 0) {
        const fix = isPackage ? dropPackageV(vCall) : dropLoggerV(vCall);
        context.report({ node: vCall, messageId: 'vZero', suggest: fix ? [{ messageId: 'removeV', fix }] : [] });
      }
    };

    /** Whether `node` is a call of the package's `V` or of a `Logger`'s `V`. */
    const isVCall = (node: TSESTree.Node): node is TSESTree.CallExpression => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      if (resolver.packageExport(node.callee) === 'V') return true;
      const call = resolver.call(node);
      return call?.receiver === 'logger' && call.method === 'V';
    };

    /** `V(n).enabled()` with `V(n)` written in place, anywhere in an `if` condition but in a nested function. */
    const checkCondition = (node: TSESTree.Node): void => {
      if (FUNCTION_NODES.has(node.type)) return;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'enabled') {
          const receiver = unwrapExpression(callee.object);
          if (isVCall(receiver)) {
            context.report({ node, messageId: 'storeVerbose', data: { call: context.sourceCode.getText(receiver.callee) } });
          }
        }
      }
      for (const child of childNodes(node)) checkCondition(child);
    };

    return {
      IfStatement(node) {
        if (ifEnabled) checkCondition(node.test);
      },
      CallExpression(node) {
        if (resolver.packageExport(node.callee) === 'V') {
          if (verbosityZero) checkLevel(node, true);
          return;
        }
        const call = resolver.call(node);
        if (!call) return;
        if (verbosityZero && call.receiver === 'logger' && call.method === 'V') checkLevel(node, false);
        if (!verbosityError || call.receiver !== 'logger' || !ERROR_METHODS.has(call.method)) return;
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
