import { exitStatus, legacyReplacement } from '../util/klog-api.js';
import { createRule } from '../util/create-rule.js';
import { klogResolver } from '../util/klog-resolver.js';

/**
 * logcheck's `structured` check: legacy printf- and print-style calls (`infof`, `warning`, `errorf`,
 * `V(n).info`, klog's Fatal and Exit families) where a structured `infoS`/`errorS` call with a constant
 * message and key/value pairs fits (followed by `flushAndExit` for a call that ends the process).
 */
export default createRule({
  name: 'structured',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require structured logging calls (`infoS`, `errorS`) instead of legacy unstructured ones',
      requiresTypeChecking: false,
      recommended: 'recommended',
    },
    defaultOptions: [],
    messages: {
      unstructured:
        '`{{call}}` is unstructured; use `{{replacement}}` with a constant message and key/value pairs instead.',
      unstructuredExit:
        '`{{call}}` is unstructured; log with `{{replacement}}` (a constant message and key/value pairs), then call `flushAndExit(EXIT_FLUSH_TIMEOUT_MS, {{status}})`.',
    },
    schema: [],
  },
  create(context) {
    const resolver = klogResolver(context);
    return {
      CallExpression(node) {
        const call = resolver.call(node);
        if (!call) return;
        const replacement = legacyReplacement(call.receiver, call.method);
        if (replacement === undefined) return;
        const prefix = call.receiver === 'verbose' ? 'V(n).' : '';
        const data = { call: `${prefix}${call.method}`, replacement: `${prefix}${replacement}` };
        const status = exitStatus(call.receiver, call.method);
        if (status === undefined) context.report({ node: node.callee, messageId: 'unstructured', data });
        else context.report({ node: node.callee, messageId: 'unstructuredExit', data: { ...data, status } });
      },
    };
  },
});
