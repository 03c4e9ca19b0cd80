import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { constantString } from '../util/constant-string.js';
import { legacyReplacement } from '../util/klog-api.js';
import type { KlogCall } from '../util/klog-resolver.js';
import { klogResolver } from '../util/klog-resolver.js';
import { structuredArgs } from '../util/structured-args.js';

/**
 * A printf verb as Go's fmt and Node's util.format spell them (`%s`, `%+v`, `%5.2f`, `%j`). A verb letter
 * followed by another letter is a word (`50%off`), and `%%` is a literal percent sign.
 */
const FORMAT_SPECIFIER = /(?<!%)%[-+#0]*(?:\d+)?(?:\.\d+)?[vTtbcdoOqxXUeEfFgGspwji](?![A-Za-z])/;

type MessageId =
  | 'nonConstant'
  | 'lowercaseStart'
  | 'trailingPeriod'
  | 'formatSpecifier'
  | 'printFormatSpecifier'
  | 'capitalize'
  | 'removePeriod';

/**
 * The Kubernetes guidelines for messages: a constant string, capitalized, no final period, no format verbs.
 * A legacy print-style call (`info`, `infoln`, `error`, `V(n).info`, ...) formats nothing, so a format
 * specifier in one of its string arguments is printed as written: logcheck's `parameters` check reports it.
 */
export default createRule<[], MessageId>({
  name: 'message-style',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Require constant, capitalized log messages without a final period or format specifiers',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [],
    messages: {
      nonConstant: 'Log messages must be constant strings; move the variable parts into key/value pairs.',
      lowercaseStart: 'Log message "{{message}}" must start with a capital letter.',
      trailingPeriod: 'Log message "{{message}}" must not end with a period.',
      formatSpecifier: 'Log message "{{message}}" contains the format specifier `{{specifier}}`; use key/value pairs.',
      printFormatSpecifier:
        '`{{call}}` does not format its arguments: `{{specifier}}` in "{{message}}" is printed as written. Use key/value pairs in a structured call, or the printf form of the call.',
      capitalize: 'Capitalize the first letter.',
      removePeriod: 'Remove the final period.',
    },
    schema: [],
  },
  create(context) {
    const resolver = klogResolver(context);

    /**
     * A fix that edits the source of a plain string literal (or a template literal without substitutions),
     * or nothing when the message comes from a constant elsewhere or its source is spelled with escapes the
     * edit would not see.
     */
    const literalFix = (msg: TSESTree.Expression, edit: (raw: string) => string | undefined) => {
      const plain =
        (msg.type === AST_NODE_TYPES.Literal && typeof msg.value === 'string') ||
        (msg.type === AST_NODE_TYPES.TemplateLiteral && msg.expressions.length === 0);
      if (!plain) return undefined;
      const edited = edit(context.sourceCode.getText(msg));
      return edited === undefined ? undefined : (fixer: TSESLint.RuleFixer) => fixer.replaceText(msg, edited);
    };

    /** The constant string arguments of a print-style call (Go's Print: operands, not a format). */
    const checkPrintArgs = (call: KlogCall): void => {
      for (const arg of call.node.arguments) {
        if (arg.type === AST_NODE_TYPES.SpreadElement) continue;
        const constant = constantString(arg, context);
        const specifier = constant.kind === 'string' ? FORMAT_SPECIFIER.exec(constant.value)?.[0] : undefined;
        if (constant.kind !== 'string' || specifier === undefined) continue;
        const name = `${call.receiver === 'verbose' ? 'V(n).' : ''}${call.method}`;
        context.report({ node: arg, messageId: 'printFormatSpecifier', data: { call: name, specifier, message: constant.value } });
      }
    };

    return {
      CallExpression(node) {
        const call = resolver.call(node);
        // Printf-style calls (`infof`) format their first argument: specifiers belong there.
        if (call && legacyReplacement(call.receiver, call.method) !== undefined && !call.method.endsWith('f')) {
          checkPrintArgs(call);
          return;
        }
        const msg = call && structuredArgs(call)?.msg;
        if (!msg) return;
        const constant = constantString(msg, context);
        if (constant.kind === 'dynamic' || constant.kind === 'non-string') {
          context.report({ node: msg, messageId: 'nonConstant' });
          return;
        }
        if (constant.kind !== 'string') return;
        const message = constant.value;
        if (/^\p{Ll}/u.test(message)) {
          // By code point, so a letter outside the BMP is capitalized whole rather than half a surrogate pair.
          const fix = literalFix(msg, (raw) => {
            const [quote = '', first = '', ...rest] = raw;
            return /^\p{Ll}$/u.test(first) ? quote + first.toUpperCase() + rest.join('') : undefined;
          });
          context.report({
            node: msg,
            messageId: 'lowercaseStart',
            data: { message },
            suggest: fix ? [{ messageId: 'capitalize', fix }] : [],
          });
        }
        // One final period; an ellipsis is not a full stop.
        if (/(?<!\.)\.$/.test(message)) {
          const fix = literalFix(msg, (raw) => (raw.at(-2) === '.' ? raw.slice(0, -2) + raw.slice(-1) : undefined));
          context.report({
            node: msg,
            messageId: 'trailingPeriod',
            data: { message },
            suggest: fix ? [{ messageId: 'removePeriod', fix }] : [],
          });
        }
        const specifier = FORMAT_SPECIFIER.exec(message)?.[0];
        if (specifier !== undefined) {
          context.report({ node: msg, messageId: 'formatSpecifier', data: { message, specifier } });
        }
      },
    };
  },
});
