import { matchSink, traceSink, type SinkCall } from '../typescript/index.js';
import type { CallLike } from './call-index.js';
import { parameterOf } from './param-ref.js';
import type { TaintEngine } from './taint-engine.js';
import { step, type Flow, type Taint } from './taint.js';

const MAX_CALLER_DEPTH = 4;

/** Resolves parameters left in a taint against the arguments of every caller, up to a few levels. */
function resolveParams(taint: Taint, engine: TaintEngine, depth: number): Flow | undefined {
  const { ts } = engine;
  if (taint.flow !== undefined) return taint.flow;
  if (depth >= MAX_CALLER_DEPTH) return undefined;
  for (const param of taint.params.keys()) {
    const fn = parameterOf(ts, param).parent;
    for (const call of engine.calls.callersOf(fn)) {
      if (isSink(engine, call)) continue; // a call that is itself a sink (a logger wrapper) is reported there
      const args = call.arguments ?? [];
      const only = new Map([[param, taint.params.get(param) ?? []]]);
      const resolved = engine.substitute({ flow: undefined, params: only }, fn, engine.byArguments(args), call);
      if (resolved === undefined) continue;
      const flow = resolveParams(resolved, engine, depth + 1);
      if (flow !== undefined) return flow;
    }
  }
  return undefined;
}

// Whether a caller is itself a logging sink (matchSink).
function isSink(engine: TaintEngine, call: CallLike): boolean {
  return engine.ts.isCallExpression(call) && matchSink(engine.ts, call, engine.checker, engine.defs) !== undefined;
}

/**
 * The flow from a secret to a sink call, if any (the shared traceSink): an argument's taint with function
 * parameters resolved against callers, a logged object whose type holds a secret, or a value under a
 * credential-like key. Callers that are sinks themselves are not followed: a logger wrapper is
 * reported where it is called.
 */
export function sinkFlow(engine: TaintEngine, sink: SinkCall): Flow | undefined {
  return traceSink<Flow>(engine.ts, sink, engine.checker, engine.defs, engine.neutral, {
    valueFlow: (arg) => {
      const taint = engine.taintOf(arg);
      return taint === undefined ? undefined : resolveParams(taint, engine, 0);
    },
    heldFlow: (source, value) => ({ source, steps: [step(value, 'logged whole')] }),
    keyFlow: (key, value) => ({ source: { kind: 'log-key', name: key, node: value }, steps: [] }),
  });
}
