import type { TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, ESLintUtils } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { SecretOptions } from '../secrets/definitions-for.js';
import { definitionsFor } from '../secrets/definitions-for.js';
import { describeSource } from '../secrets/flow.js';
import { matchSink } from '../secrets/match-sink.js';
import { SecretTracer } from '../secrets/secret-tracer.js';
import { traceSink } from '../secrets/trace-sink.js';
import { createRule } from '../util/create-rule.js';
import { importBinding } from '../util/import-binding.js';
import { memberName } from '../util/member-name.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const tracers = new WeakMap<ts.Program, WeakMap<object, SecretTracer>>();

const stringList = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, description }) as const;

/** The callee's name as written (`infoS`, `logger.V(2).info`), without whitespace, for the message. */
function display(callee: TSESTree.Node, text: string): string {
  const compact = text.replace(/\s+/g, '');
  if (compact.length <= 60) return compact;
  return callee.type === AST_NODE_TYPES.MemberExpression ? `….${memberName(callee) ?? ''}` : `…${compact.slice(-59)}`;
}

/**
 * `klog-check`'s analysis inside the file under lint: a logging sink (klog-ts, console, pino, winston,
 * bunyan, structural klog-style loggers, configured sinks) called with a value that may carry a secret
 * (a `@datapolicy` field, a `Secret` value or what `reveal()` returns, a credential-like name) that no
 * sanitizer stopped. Sources, sanitizers and sinks are `@klog-ts/checker/definitions`, and the same
 * `klog-check.config.json` configures both.
 */
export default createRule<[SecretOptions], 'secretLogged'>({
  name: 'no-secret-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow logging values that may carry a secret (datapolicy-tagged fields, `Secret` values, credential-like names)',
      requiresTypeChecking: true,
      recommended: 'recommended',
    },
    defaultOptions: [{}],
    messages: {
      secretLogged: '`{{sink}}` may log a secret: {{source}}{{path}}. Log a sanitized form (a hash, `KObj`, `.length`) or wrap it in `Secret`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          configFile: {
            type: 'string',
            minLength: 1,
            description: 'A klog-check.config.json to read instead of the one beside the tsconfig (relative to the working directory).',
          },
          sinks: {
            type: 'array',
            description: 'Extra logging sinks: `module` (an import specifier, or a path relative to the working directory) and its `methods`/`bindings`.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['module'],
              properties: {
                module: { type: 'string', minLength: 1 },
                methods: { type: 'array', items: { type: 'string', minLength: 1 } },
                bindings: { type: 'array', items: { type: 'string', minLength: 1 } },
              },
            },
          },
          sources: {
            type: 'object',
            additionalProperties: false,
            description: 'Extra credential-like names (`names`) and names that are never credentials (`excludeNames`).',
            properties: {
              names: stringList('Extra credential terms, such as `pin`.'),
              excludeNames: stringList('Exact names that are never credentials.'),
            },
          },
          sanitizers: stringList('Extra function names whose result is clean.'),
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const { program } = services;
    const defs = definitionsFor(program, options, context.cwd);
    let byDefs = tracers.get(program);
    if (!byDefs) tracers.set(program, (byDefs = new WeakMap()));
    let tracer = byDefs.get(defs);
    if (!tracer) byDefs.set(defs, (tracer = new SecretTracer(program.getTypeChecker(), defs)));
    const checker = program.getTypeChecker();
    const tracing = tracer;

    /** A function's name as its module exports it: `infoS` for `import { infoS as logInfo }`. */
    const importedName = (id: TSESTree.Identifier): string => {
      if (defs.sinkMethods.has(id.name)) return id.name;
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
      const binding = variable ? importBinding(variable) : undefined;
      return binding?.imported ?? id.name;
    };

    return {
      CallExpression(node) {
        // Cheap name filter first: most calls are not sinks and never touch the type checker.
        const callee = node.callee;
        const name = callee.type === AST_NODE_TYPES.Identifier ? importedName(callee) : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (name === undefined || !defs.sinkMethods.has(name)) return;
        const sink = matchSink(services.esTreeNodeToTSNodeMap.get(node), checker, defs);
        const flow = sink && traceSink(sink, tracing, checker, defs);
        if (!flow) return;
        context.report({
          node,
          messageId: 'secretLogged',
          data: {
            sink: display(callee, context.sourceCode.getText(callee)),
            source: describeSource(flow.source),
            path: flow.steps.length > 0 ? `, ${flow.steps.join(' → ')}` : '',
          },
        });
      },
    };
  },
});
