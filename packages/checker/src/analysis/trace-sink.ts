import { ts } from 'ts-morph';
import type { CallIndex } from './call-index.js';
import { skipOuter } from '../typescript/index.js';
import { holderSource } from './holder-source.js';
import { parameterOf } from './param-ref.js';
import type { SinkCall } from './match-sink.js';
import type { TaintEngine } from './taint-engine.js';
import { fromSource, through, type Flow, type Taint } from './taint.js';

const MAX_CALLER_DEPTH = 4;

/** Resolves parameters left in a taint against the arguments of every caller, up to a few levels. */
function resolveParams(taint: Taint, engine: TaintEngine, calls: CallIndex, sinks: ReadonlySet<ts.Node>, depth: number): Flow | undefined {
  if (taint.flow !== undefined) return taint.flow;
  if (depth >= MAX_CALLER_DEPTH) return undefined;
  for (const param of taint.params.keys()) {
    const fn = parameterOf(param).parent;
    for (const call of calls.callersOf(fn)) {
      if (sinks.has(call)) continue; // a call that is itself a sink (a logger wrapper) is reported there
      const args = call.arguments ?? [];
      const only = new Map([[param, taint.params.get(param) ?? []]]);
      const resolved = engine.substitute({ flow: undefined, params: only }, fn, engine.byArguments(args), call);
      if (resolved === undefined) continue;
      const flow = resolveParams(resolved, engine, calls, sinks, depth + 1);
      if (flow !== undefined) return flow;
    }
  }
  return undefined;
}

function argumentFlow(arg: ts.Expression, engine: TaintEngine, calls: CallIndex, sinks: ReadonlySet<ts.Node>): Flow | undefined {
  const taint = engine.taintOf(arg);
  return taint === undefined ? undefined : resolveParams(taint, engine, calls, sinks, 0);
}

// A value the trace cannot see into: a parameter (or a member of one) whose callers pass nothing known.
// Only such values are judged by the key they are logged under.
function isOpaque(value: ts.Expression, engine: TaintEngine): boolean {
  let root = skipOuter(ts, value);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isAwaitExpression(root)) root = skipOuter(ts, root.expression);
  if (!ts.isIdentifier(root)) return false;
  const decl = engine.checker.getSymbolAtLocation(root)?.valueDeclaration;
  return decl !== undefined && (ts.isParameter(decl) || (ts.isBindingElement(decl) && ts.findAncestor(decl, ts.isParameter) !== undefined));
}

/**
 * The flow from a secret to a sink call, if any: the first argument that carries a secret (resolving
 * function parameters against callers), a logged object whose type holds a secret, or (klog key/value
 * calls) a value logged under a credential-like key. Callers that are sinks themselves (`sinks`) are not
 * followed: a logger wrapper is reported where it is called.
 */
export function traceSink(sink: SinkCall, engine: TaintEngine, sinks: ReadonlySet<ts.Node>): Flow | undefined {
  const { calls, checker, defs } = engine;
  const args = sink.call.arguments;
  for (const [i, arg] of args.entries()) {
    if (sink.kvStart !== undefined && i >= sink.kvStart && (i - sink.kvStart) % 2 === 0 && ts.isStringLiteralLike(arg)) continue;
    const flow = argumentFlow(arg, engine, calls, sinks);
    if (flow !== undefined) return flow;
  }
  for (const arg of args) {
    if (ts.isStringLiteralLike(arg)) continue;
    const expr = ts.isSpreadElement(arg) ? arg.expression : arg;
    const source = holderSource(checker.getTypeAtLocation(expr), checker, defs, expr);
    if (source !== undefined) return through(fromSource(source), { node: expr, note: 'logged whole' })?.flow;
  }
  if (sink.kvStart !== undefined) {
    for (let i = sink.kvStart; i + 1 < args.length; i += 2) {
      const key = args[i];
      const value = args[i + 1];
      if (key === undefined || value === undefined || !ts.isStringLiteralLike(key)) continue;
      if (defs.isCredentialName(key.text) && isOpaque(value, engine) && !engine.isNeutral(value)) {
        return { source: { kind: 'log-key', name: key.text, node: value }, steps: [] };
      }
    }
  }
  return undefined;
}
