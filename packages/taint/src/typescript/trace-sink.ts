import type * as ts from 'typescript';
import type { Definitions } from '../definitions/resolve-definitions.js';
import { holderSource, type HeldSecret } from './holder-source.js';
import { isNamedSecret } from './is-named-secret.js';
import { loggedArguments } from './logged-arguments.js';
import type { SinkCall } from './match-sink.js';
import type { NeutralValues } from './neutral-values.js';
import type { TypeScript } from './typescript-api.js';

/** How an engine describes what reaches a sink: its own flow type, built from these three cases. */
export interface SinkTracer<F> {
  /** The flow of a secret into a logged value, if the engine finds one. */
  valueFlow(value: ts.Expression): F | undefined;
  /** A logged value whose type holds a secret (a tagged field, a `Secret<string>[]`). */
  heldFlow(source: HeldSecret, value: ts.Expression): F;
  /** A value logged under a credential-like key (`'password', pw`) that is not neutral. */
  keyFlow(key: string, value: ts.Expression): F;
}

/**
 * The flow from a secret into a sink call, if any, in the engine's flow type: the first argument that carries a
 * secret (literal keys skipped), then a logged value whose type holds one, then (klog key/value calls) a
 * value under a credential-like key. The key is taken at its word, whatever the trace saw of the value,
 * unless the value is neutral (a literal, a sanitized or boolean value) or an object of declared fields
 * (`'creds', { ...creds, password: '***' }`), which counts by what it holds, as under a property name.
 */
export function traceSink<F>(ts: TypeScript, sink: SinkCall, checker: ts.TypeChecker, defs: Definitions, neutral: NeutralValues, tracer: SinkTracer<F>): F | undefined {
  const { args, forwarded } = loggedArguments(ts, sink.call);
  // Through `apply` or `call`, positions are not the method's own: no key/value pairs are read.
  const kvStart = forwarded ? undefined : sink.kvStart;
  const isKey = (i: number): boolean => kvStart !== undefined && i >= kvStart && (i - kvStart) % 2 === 0;
  for (const [i, arg] of args.entries()) {
    if (isKey(i) && ts.isStringLiteralLike(arg)) continue;
    const flow = tracer.valueFlow(arg);
    if (flow !== undefined) return flow;
  }
  for (const arg of args) {
    if (ts.isStringLiteralLike(arg)) continue;
    const value = ts.isSpreadElement(arg) ? arg.expression : arg;
    const source = holderSource(ts, checker.getTypeAtLocation(value), checker, defs, value);
    if (source !== undefined) return tracer.heldFlow(source, value);
  }
  if (kvStart === undefined) return undefined;
  for (let i = kvStart; i + 1 < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (key === undefined || value === undefined || !ts.isStringLiteralLike(key)) continue;
    // A key names the value as a property name does (isNamedSecret): an object under it counts by its content.
    const named = isNamedSecret(ts, checker, defs, key.text, checker.getTypeAtLocation(value), 'property');
    if (named && !neutral.isNeutral(value)) return tracer.keyFlow(key.text, value);
  }
  return undefined;
}
