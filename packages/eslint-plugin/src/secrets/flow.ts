/** How a value came to be a secret (the checker's source kinds). */
export type SourceKind =
  | 'datapolicy' // a field or property tagged @datapolicy (decorator or JSDoc)
  | 'secret-type' // a value of a branded `Secret` type
  | 'secret-reveal' // what `reveal()` on a `Secret` returns
  | 'credential-name' // a variable, parameter, property, object key, getter or producer with a credential-like name
  | 'log-key'; // a value logged under a credential-like key (`'password', pw`)

/** Where a secret starts. */
export interface Source {
  readonly kind: SourceKind;
  /** The name that made it a source (field, variable, key, type). */
  readonly name: string;
  /** For datapolicy sources, the kind (`password`, `token`, ...). */
  readonly policy?: string;
  /** A secret the value's type holds in a field (holderSource), not one that flowed into the value. */
  readonly held?: boolean;
}

/** A secret and the hops from its source to the logged expression, source first. */
export interface Flow {
  readonly source: Source;
  readonly steps: readonly string[];
}

/** A flow from a source, with no hops yet. */
export function fromSource(source: Source): Flow {
  return { source, steps: [] };
}

/** The same flow with one more hop. */
export function through(flow: Flow | undefined, step: string): Flow | undefined {
  return flow && { source: flow.source, steps: [...flow.steps, step] };
}

/** A flow without a secret its object's type holds (`held`): an element or a declared field is judged by its own type. */
export function withoutHeld(flow: Flow | undefined): Flow | undefined {
  return flow?.source.held === true ? undefined : flow;
}

/** The same flow, its held secret now content: what a library call makes of an object (`Object.entries(user)`) holds its field values. */
export function asContent(flow: Flow | undefined): Flow | undefined {
  return flow?.source.held === true ? { source: { ...flow.source, held: false }, steps: flow.steps } : flow;
}

/** The same flow as a secret the value holds in a field (an HTTP client's error holding its request). */
export function asHeld(flow: Flow | undefined): Flow | undefined {
  return flow && { source: { ...flow.source, held: true }, steps: flow.steps };
}

/** The first flow a list of thunks yields: later alternatives are not computed. */
export function firstFlow(candidates: Iterable<() => Flow | undefined>): Flow | undefined {
  for (const candidate of candidates) {
    const flow = candidate();
    if (flow) return flow;
  }
  return undefined;
}

/** A source as a message names it: `'dbPassword' (a credential-like name)`. */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'datapolicy':
      return `'${source.name}' (tagged @datapolicy ${source.policy ?? source.name})`;
    case 'secret-type':
      return `a value of type ${source.name}`;
    case 'secret-reveal':
      return `'${source.name}'`;
    case 'log-key':
      return `a value under the key '${source.name}'`;
    case 'credential-name':
      return `'${source.name}' (a credential-like name)`;
  }
}
