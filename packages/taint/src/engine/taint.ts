import type * as ts from 'typescript';
import type { ParamRef } from './param-ref.js';

/** How a value came to be a secret. */
export type SourceKind =
  | 'datapolicy' // a field or property tagged @datapolicy (decorator or JSDoc)
  | 'secret-type' // a value of a branded `Secret` type
  | 'secret-reveal' // what `reveal()` on a `Secret` returns
  | 'credential-name' // a variable, parameter, property, object key or getter with a credential-like name
  | 'log-key'; // a value logged under a credential-like key (`"password", pw`)

/** Where a secret starts. */
export interface Source {
  readonly kind: SourceKind;
  /** The name that made it a source (field, variable, key, type) or the datapolicy kind for tags. */
  readonly name: string;
  readonly node: ts.Node;
  /** For datapolicy sources, the kind (`password`, `token`, ...). */
  readonly policy?: string;
  /** A secret the value's type holds in a field (holderSource), not one that flowed into the value. */
  readonly held?: boolean;
}

/** One hop of a flow: the node it happens at and what happens there. */
export interface Step {
  readonly node: ts.Node;
  readonly note: string;
}

/** A secret and the hops from its source to the expression at hand (source first). */
export interface Flow {
  readonly source: Source;
  readonly steps: readonly Step[];
}

/**
 * What an expression may carry: a concrete flow from a source, and/or the parameters of enclosing functions
 * it depends on (resolved against arguments at call sites: function summaries).
 */
export interface Taint {
  readonly flow: Flow | undefined;
  readonly params: ReadonlyMap<ParamRef, readonly Step[]>;
}

const NO_PARAMS: ReadonlyMap<ParamRef, readonly Step[]> = new Map();

/**
 * The parameters' step lists that passed through {@link withoutHeld}: a summary that read a parameter as a
 * loop element must not give back, at the call site, the secrets the argument's type merely holds.
 */
const DROPS_HELD = new WeakSet<readonly Step[]>();

/**
 * A taint without the secrets its object's type holds (`held`): what a declared field of the object may
 * carry besides its own type's content, which the field is judged by when read. A parameter it depends on
 * is marked, so that {@link heldDropped} says so when the call site binds it.
 */
export function withoutHeld(taint: Taint | undefined): Taint | undefined {
  if (taint === undefined) return undefined;
  let params = taint.params;
  if (params.size > 0) {
    params = new Map([...params].map(([p, steps]) => [p, dropsHeld([...steps])]));
  }
  if (taint.flow?.source.held !== true) return { flow: taint.flow, params };
  return params.size === 0 ? undefined : { flow: undefined, params };
}

/** Whether a parameter's steps passed through {@link withoutHeld}: bind its argument without held secrets. */
export function heldDropped(steps: readonly Step[]): boolean {
  return DROPS_HELD.has(steps);
}

function dropsHeld(steps: readonly Step[]): readonly Step[] {
  DROPS_HELD.add(steps);
  return steps;
}

/**
 * The same taint, its held secret now content: what a library call makes of an object (`Object.entries(user)`,
 * `JSON.stringify(user)`) holds the object's field values themselves, element by element.
 */
export function asContent(taint: Taint | undefined): Taint | undefined {
  if (taint?.flow?.source.held !== true) return taint;
  return { flow: { source: { ...taint.flow.source, held: false }, steps: taint.flow.steps }, params: taint.params };
}

/** The same taint as a secret the value holds in a field (an HTTP client's error holding its request). */
export function asHeld(taint: Taint | undefined): Taint | undefined {
  if (taint?.flow === undefined) return taint;
  return { flow: { source: { ...taint.flow.source, held: true }, steps: taint.flow.steps }, params: taint.params };
}

/** A taint from a source. */
export function fromSource(source: Source): Taint {
  return { flow: { source, steps: [] }, params: NO_PARAMS };
}

/** A taint that depends on one parameter (or a destructured field of one). */
export function fromParam(param: ParamRef): Taint {
  return { flow: undefined, params: new Map([[param, []]]) };
}

// Specific sources explain a finding better than a name: a tag beats `credential 'bearer'`.
const STRENGTH: Readonly<Record<SourceKind, number>> = {
  datapolicy: 3,
  'secret-reveal': 3,
  'secret-type': 3,
  'credential-name': 2,
  'log-key': 1,
};

/** Union of taints, keeping the concrete flow with the most specific source (the first among equals). */
export function union(taints: readonly (Taint | undefined)[]): Taint | undefined {
  let flow: Flow | undefined;
  let params: Map<ParamRef, readonly Step[]> | undefined;
  let only: Taint | undefined;
  let count = 0;
  for (const t of taints) {
    if (t === undefined) continue;
    count++;
    only = t;
    if (t.flow !== undefined && (flow === undefined || STRENGTH[t.flow.source.kind] > STRENGTH[flow.source.kind])) flow = t.flow;
    if (t.params.size > 0) {
      params ??= new Map();
      for (const [p, steps] of t.params) if (!params.has(p)) params.set(p, steps);
    }
  }
  if (count <= 1) return only;
  return { flow, params: params ?? NO_PARAMS };
}

/** The same taint with one more hop appended to every flow. */
export function through(taint: Taint | undefined, step: Step): Taint | undefined {
  if (taint === undefined) return undefined;
  const flow = taint.flow === undefined ? undefined : { source: taint.flow.source, steps: [...taint.flow.steps, step] };
  if (taint.params.size === 0) return { flow, params: NO_PARAMS };
  const params = new Map<ParamRef, readonly Step[]>();
  for (const [p, steps] of taint.params) {
    const longer = [...steps, step];
    params.set(p, DROPS_HELD.has(steps) ? dropsHeld(longer) : longer);
  }
  return { flow, params };
}

/** A taint without the given parameters (after they were substituted by arguments). */
export function withoutParams(taint: Taint | undefined, drop: (p: ParamRef) => boolean): Taint | undefined {
  if (taint === undefined) return undefined;
  const params = new Map([...taint.params].filter(([p]) => !drop(p)));
  if (taint.flow === undefined && params.size === 0) return undefined;
  return { flow: taint.flow, params };
}

/** A hop of a flow. */
export function step(node: ts.Node, note: string): Step {
  return { node, note };
}

/** The same taint with several hops appended. */
export function extend(taint: Taint | undefined, steps: readonly Step[]): Taint | undefined {
  let t = taint;
  for (const s of steps) t = through(t, s);
  return t;
}
