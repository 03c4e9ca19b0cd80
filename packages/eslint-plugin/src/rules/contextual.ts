import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/utils';
import { addKlogImport } from '../util/add-klog-import.js';
import { createRule } from '../util/create-rule.js';
import { CONTEXT_KEYWORD, contextAnnotation, logcheckTags } from '../util/context-annotation.js';
import { CONTEXT_RUNNER, isPackageLoggingCall, structuredShape } from '../util/klog-api.js';
import { klogResolver } from '../util/klog-resolver.js';
import { unwrapExpression } from '../util/member-name.js';

type Options = [{ mode?: 'available' | 'always' }];
type MessageId = 'useLogger' | 'useContextLogger' | 'globalLogger' | 'notForContextualCode' | 'unknownKeyword' | 'callLogger';

/**
 * logcheck's `contextual` check: code that has a logger at hand (a `Logger` parameter, a logger from
 * `background()`/`fromContext()`, a `withName`/`withValues` child) should log through it, so its name and
 * bound values reach the line; package-level functions write through the global logger instead. Helpers
 * marked `/** @logcheck context <why> *\/` (logcheck's `//logcheck:context` comment) are reported like them.
 */
export default createRule<Options, MessageId>({
  name: 'contextual',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require logging through an available contextual `Logger` instead of package-level functions',
      requiresTypeChecking: false,
      recommended: 'strict',
    },
    defaultOptions: [{ mode: 'available' }],
    messages: {
      useLogger: 'Package-level `{{method}}` bypasses the logger `{{logger}}` in scope (its name and values); log through it.',
      useContextLogger:
        'Package-level `{{method}}` runs inside `withLogger(...)` but bypasses its contextual logger; log through `fromContext()`.',
      globalLogger: 'Package-level `{{method}}` writes through the global logger; log through a `Logger` passed in or taken from context.',
      notForContextualCode: '`{{name}}` is marked `@logcheck context`: {{why}}',
      unknownKeyword: 'Unknown `@logcheck` keyword "{{keyword}}": the only one is `context`.',
      callLogger: 'Call `{{replacement}}` instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          mode: {
            type: 'string',
            enum: ['available', 'always'],
            description:
              '`available` (default): report package-level calls, and calls of helpers marked `@logcheck context`, only where a logger is available (in scope, or from context inside `withLogger`). `always`: report every one, and the package `V(n)` too, as logcheck does.',
          },
        },
      },
    ],
  },
  create(context, [{ mode = 'available' }]) {
    const resolver = klogResolver(context);

    /** Whether `node` sits in a function passed to `withLogger(logger, fn)`, where `fromContext()` is that logger. */
    const insideContextRunner = (node: TSESTree.Node): boolean => {
      for (let at: TSESTree.Node | undefined = node.parent; at; at = at.parent) {
        const parent = at.parent;
        if (
          (at.type === AST_NODE_TYPES.ArrowFunctionExpression || at.type === AST_NODE_TYPES.FunctionExpression) &&
          parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.includes(at) &&
          resolver.packageExport(parent.callee) === CONTEXT_RUNNER
        ) {
          return true;
        }
      }
      return false;
    };
    /** Where a logger is available to `node`: the innermost one in scope, or the one `withLogger` put in context. */
    const availableLogger = (node: TSESTree.Node): { inScope: string | undefined; inContext: boolean } => {
      const inScope = resolver.loggerInScope(node);
      return { inScope, inContext: inScope === undefined && insideContextRunner(node) };
    };

    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (comment.type !== AST_TOKEN_TYPES.Block || !comment.value.startsWith('*')) continue;
          for (const { keyword } of logcheckTags(comment.value.slice(1))) {
            if (keyword !== CONTEXT_KEYWORD) context.report({ loc: comment.loc, messageId: 'unknownKeyword', data: { keyword } });
          }
        }
      },
      CallExpression(node) {
        const call = resolver.call(node);
        if (!call) {
          const annotation = contextAnnotation(node.callee, context);
          if (!annotation) return;
          const { inScope, inContext } = availableLogger(node);
          if (mode !== 'always' && inScope === undefined && !inContext) return;
          const why = annotation.why ?? 'it should not be used in code which supports contextual logging.';
          context.report({ node: node.callee, messageId: 'notForContextualCode', data: { name: annotation.name, why } });
          return;
        }
        if (call.receiver === 'logger') return;
        // logcheck reports the package's V itself (klog.V is no function for contextual code), in `always` mode.
        if (call.receiver === 'package' && call.method === 'V') {
          if (mode === 'always') context.report({ node: node.callee, messageId: 'globalLogger', data: { method: 'V' } });
          return;
        }
        if (!isPackageLoggingCall(call.receiver, call.method)) return;
        const structured = structuredShape(call.receiver, call.method) !== undefined;
        const { inScope, inContext } = availableLogger(node);
        if (inScope === undefined && !inContext) {
          if (mode === 'always') context.report({ node: node.callee, messageId: 'globalLogger', data: { method: call.method } });
          return;
        }
        const logger = inScope ?? 'fromContext()';
        // A Logger has infoS/errorS and V(n).infoS/errorS, not the legacy printf family.
        const vCall = call.chain[0];
        const target = call.receiver === 'verbose' ? vCall && unwrapExpression(vCall.callee) : unwrapExpression(node.callee);
        const replacement = call.receiver === 'verbose' ? `${logger}.V` : `${logger}.${call.method}`;
        const fixable = structured && target !== undefined && (call.receiver === 'package' || vCall?.parent === node.callee);
        const fix = (fixer: TSESLint.RuleFixer) => {
          if (inScope !== undefined) return fixer.replaceText(target ?? node.callee, replacement);
          const { callee, fixes } = addKlogImport(fixer, context.sourceCode, 'fromContext', resolver.referenceTo('fromContext'));
          return [...fixes, fixer.replaceText(target ?? node.callee, replacement.replace(/^fromContext\(\)/, `${callee}()`))];
        };
        context.report({
          node: node.callee,
          messageId: inScope === undefined ? 'useContextLogger' : 'useLogger',
          data: { method: call.method, logger },
          suggest: fixable ? [{ messageId: 'callLogger', data: { replacement }, fix }] : [],
        });
      },
    };
  },
});
