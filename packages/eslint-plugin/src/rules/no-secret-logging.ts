import type { Definitions } from '@klog-ts/taint/definitions';
import { CallIndex, sinkFlow, TaintEngine } from '@klog-ts/taint/engine';
import { matchSink, scanRegistrations } from '@klog-ts/taint/typescript';
import type { TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, ESLintUtils } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import type { SecretOptions } from '../secrets/definitions-for.js';
import { definitionsFor } from '../secrets/definitions-for.js';
import { describeSource, describeSteps } from '../secrets/describe-flow.js';
import { createRule } from '../util/create-rule.js';
import { importBinding } from '../util/import-binding.js';
import { memberName } from '../util/member-name.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const engines = new WeakMap<ts.Program, WeakMap<Definitions, TaintEngine>>();

/**
 * klog-check's engine for a program and its definitions, made once and shared by every file linted: it sees
 * the callers in the file of the function asked about (`CallIndex` with sight `file`), where klog-check sees
 * the whole program.
 */
function engineFor(program: ts.Program, defs: Definitions): TaintEngine {
  let byDefs = engines.get(program);
  if (!byDefs) engines.set(program, (byDefs = new WeakMap()));
  let engine = byDefs.get(defs);
  if (!engine) {
    const checker = program.getTypeChecker();
    byDefs.set(defs, (engine = new TaintEngine(ts, checker, defs, new CallIndex(ts, checker, 'file'))));
    scanRegistrations(ts, program);
  }
  return engine;
}

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
 * sanitizer stopped. Sources, sanitizers and sinks are `@klog-ts/taint/definitions`, and the same
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
    const engine = engineFor(program, defs);
    const checker = program.getTypeChecker();

    /**
     * Whether a call by a plain name may be a sink: a sink method's name, also as its module exports it
     * (`import { infoS as logInfo }`), or a `const` that may alias a method (`const print = console.log`,
     * `const { warn } = console`, `console.debug.bind(console)`), which matchSink resolves.
     */
    const mayBeSink = (id: TSESTree.Identifier): boolean => {
      if (defs.sinkMethods.has(id.name)) return true;
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
      const binding = variable ? importBinding(variable) : undefined;
      if (binding) return defs.sinkMethods.has(binding.imported);
      const def = variable?.defs[0];
      if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
      const init = def.node.init;
      return def.parent.kind === 'const' && (def.node.id.type === AST_NODE_TYPES.ObjectPattern || init?.type === AST_NODE_TYPES.MemberExpression || init?.type === AST_NODE_TYPES.CallExpression);
    };

    return {
      CallExpression(node) {
        // Cheap name filter first: most calls are not sinks and never touch the type checker.
        const called = node.callee;
        // `console.log.apply(this, arguments)`, `.call(...)`: the method applied is the one filtered by name.
        const forwarded = called.type === AST_NODE_TYPES.MemberExpression && (memberName(called) === 'apply' || memberName(called) === 'call');
        const callee = forwarded && called.object.type !== AST_NODE_TYPES.Super ? called.object : called;
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (callee.type === AST_NODE_TYPES.Identifier ? !mayBeSink(callee) : method === undefined || !defs.sinkMethods.has(method)) return;
        const sink = matchSink(ts, services.esTreeNodeToTSNodeMap.get(node), checker, defs);
        const flow = sink && sinkFlow(engine, sink);
        if (!flow) return;
        context.report({
          node,
          messageId: 'secretLogged',
          data: {
            sink: display(callee, context.sourceCode.getText(callee)),
            source: describeSource(flow.source),
            path: describeSteps(flow),
          },
        });
      },
    };
  },
});
