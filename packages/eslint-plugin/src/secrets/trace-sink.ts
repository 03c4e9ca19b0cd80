import type { Definitions } from '@klog-ts/checker/definitions';
import * as ts from 'typescript';
import type { Flow } from './flow.js';
import { firstFlow, fromSource, through } from './flow.js';
import { holderSource } from './holder-source.js';
import type { SinkCall } from './match-sink.js';
import type { SecretTracer } from './secret-tracer.js';

/**
 * The flow from a secret into a sink call, if any: the first argument that carries a secret, then a logged
 * object whose type holds one, then (klog key/value calls) a value logged under a credential-like key.
 */
export function traceSink(sink: SinkCall, tracer: SecretTracer, checker: ts.TypeChecker, defs: Definitions): Flow | undefined {
  const args = sink.call.arguments;
  const isKey = (i: number): boolean => sink.kvStart !== undefined && i >= sink.kvStart && (i - sink.kvStart) % 2 === 0;
  const values = args.filter((arg, i) => !(isKey(i) && ts.isStringLiteralLike(arg)));
  const whole = (arg: ts.Expression) => (): Flow | undefined => {
    if (ts.isStringLiteralLike(arg)) return undefined;
    const expr = ts.isSpreadElement(arg) ? arg.expression : arg;
    const source = holderSource(checker.getTypeAtLocation(expr), checker, defs, expr);
    return source && through(fromSource(source), 'logged whole');
  };
  const underKey = (): Flow | undefined => {
    if (sink.kvStart === undefined) return undefined;
    for (let i = sink.kvStart; i + 1 < args.length; i += 2) {
      const key = args[i];
      const value = args[i + 1];
      if (key && value && ts.isStringLiteralLike(key) && defs.isCredentialName(key.text) && !tracer.isNeutral(value)) {
        return fromSource({ kind: 'log-key', name: key.text });
      }
    }
    return undefined;
  };
  return firstFlow([...values.map((arg) => () => tracer.flowOf(arg)), ...values.map(whole), underKey]);
}
