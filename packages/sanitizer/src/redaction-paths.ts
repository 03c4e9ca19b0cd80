import { ConfigError } from '@klog-ts/core';
import fastRedact from 'fast-redact';
import { copyObject, isDefinedCopy, setOwn } from './copy-object.js';
import { isEmpty } from './is-empty.js';
import { configKinds, GENERIC_KIND, redactionMarker, UNREADABLE, type DataPolicyKinds } from './kinds.js';

/** pino's `redact.paths`: a list (kind `secret`) or `{ path: kinds }`. The first segment is the key. */
export type PathsOption = readonly string[] | Readonly<Record<string, DataPolicyKinds>>;

/** One segment of the path trie, before it is compiled. */
interface PathNode {
  readonly children: Map<string, PathNode>;
  wildcard: PathNode | undefined;
  /** Set on the last segment of a path: the value found there is replaced. */
  kinds: readonly string[] | undefined;
}

/** Replaces a value found at a path: records its kinds and returns the marker (the scanner does). */
export interface RedactSink {
  /** `marker`: the kinds' marker, when the caller has it already (a path's is computed once). */
  redact(kinds: readonly string[], marker?: string): string;
}

/** A compiled trie node: the value itself, or a copy with the matches below this segment replaced. */
export type ApplyPaths = (value: unknown, sink: RedactSink) => unknown;

/** fast-redact's own validator and tokenizer, which its type declarations do not describe. */
const { validator, rx } = fastRedact as unknown as { validator: () => (options: { paths: string[] }) => void; rx: RegExp };
const validate = validator();

function node(): PathNode {
  return { children: new Map(), wildcard: undefined, kinds: undefined };
}

/** A path's segments, exactly as fast-redact reads them (`a.b`, `a["b-c"]`, `a[0]`, `*`, `a[*]`). */
function segments(path: string): string[] {
  return (path.match(rx) ?? []).map((token) => {
    const bare = token.replace(/'|"|`/g, '');
    return bare.startsWith('[') ? bare.slice(1, -1) : bare;
  });
}

function terminal(kinds: readonly string[]): ApplyPaths {
  // Empty values are kept, as for tagged fields and key names: in block mode an unset field blocks nothing.
  const marker = redactionMarker(kinds);
  return (value, sink) => (isEmpty(value) ? value : sink.redact(kinds, marker));
}

/** What a property read that threw yields inside compiled paths (never a value of the caller's). */
const THREW = Symbol('threw');

/**
 * The union of two tries: what either redacts, the other's paths applied below it too. A terminal
 * wins over anything below it (the whole value is replaced); two terminals keep both lists of kinds.
 */
function merge(a: PathNode | undefined, b: PathNode | undefined): PathNode | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.kinds !== undefined || b.kinds !== undefined) {
    return { children: new Map(), wildcard: undefined, kinds: Object.freeze([...new Set([...(a.kinds ?? []), ...(b.kinds ?? [])])].sort()) };
  }
  const children = new Map(a.children);
  for (const [key, child] of b.children) children.set(key, merge(children.get(key), child)!);
  return { children, wildcard: merge(a.wildcard, b.wildcard), kinds: undefined };
}

/**
 * Compiles a trie node the way fast-redact compiles its paths: generated code with each key a constant,
 * so every property read is a monomorphic, inline-cached load instead of a lookup by a variable key. Keys
 * enter the code only through JSON.stringify. Only own properties count, as only they are ever written.
 * A key with its own child gets the wildcard's paths merged into that child, so each value is walked
 * (and copied) once; the wildcard's loop skips those keys. Never throws (fail closed): a property whose
 * read throws becomes `[REDACTED:unreadable]`, and so does the whole object when it cannot be inspected
 * at all (a revoked Proxy).
 */
function compile(at: PathNode): ApplyPaths {
  if (at.kinds !== undefined) return terminal(at.kinds);
  const keys = [...at.children.keys()];
  const children = keys.map((key) => compile(merge(at.children.get(key), at.wildcard)!));
  const wildcard = at.wildcard === undefined ? undefined : compile(at.wildcard);
  const literal = keys.map((key, i) => {
    const k = JSON.stringify(key);
    // A copy made from values takes a constant-key store; one made from property definitions, setOwn.
    const write = (value: string): string =>
      // An array's copy (a slice) lacks the original's own `__proto__` field: a store would set its prototype.
      key === '__proto__'
        ? `setOwn(copy ??= copyObject(o), ${k}, ${value});`
        : `if (copy === undefined) { copy = copyObject(o); defined = isDefinedCopy(copy); }
        if (defined) setOwn(copy, ${k}, ${value}); else copy[${k}] = ${value};`;
    return `try { v = o[${k}]; } catch { v = THREW; }
      if (v === THREW) { if (hasOwn(o, ${k})) { ${write('sink.redact(UNREADABLE)')} } }
      else if (v !== undefined && hasOwn(o, ${k})) { r = c[${i}](v, sink); if (r !== v) { ${write('r')} } }`;
  });
  const skip = keys.length === 0 ? '' : `if (${keys.map((key) => `key === ${JSON.stringify(key)}`).join(' || ')}) continue;`;
  const body = `return function applyPaths(o, sink) {
    if (typeof o !== 'object' || o === null) return o;
    let copy, defined, v, r;
    try {
      ${literal.join('\n      ')}
      if (w !== undefined) {
        const keys = Object.keys(o);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          ${skip}
          try { v = o[key]; } catch { v = THREW; }
          r = v === THREW ? sink.redact(UNREADABLE) : w(v, sink);
          if (r !== v) setOwn(copy ??= copyObject(o), key, r);
        }
      }
      return copy ?? o;
    } catch {
      return sink.redact(UNREADABLE);
    }
  };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiled once per node, from JSON-quoted keys only (fast-redact's technique).
  const factory = new Function('c', 'w', 'hasOwn', 'copyObject', 'isDefinedCopy', 'setOwn', 'THREW', 'UNREADABLE', body) as (...args: unknown[]) => ApplyPaths;
  return factory(children, wildcard, Object.hasOwn, copyObject, isDefinedCopy, setOwn, THREW, UNREADABLE);
}

/**
 * Redaction paths in pino's syntax, validated with fast-redact's validator, tokenized as fast-redact does,
 * and compiled once into generated code per trie node. Applying them never changes the caller's objects:
 * containers on the way to a redacted value are copied, everything else is shared, and nothing is copied
 * when no path matches. (fast-redact's own redactor writes the censor into the object and restores it
 * afterwards, which would be a mutation.)
 */
export class RedactionPaths {
  readonly #byKey = new Map<string, ApplyPaths>();
  readonly #wildcard: ApplyPaths | undefined;

  constructor(option: PathsOption) {
    const root = node();
    const entries: [string, unknown][] = Array.isArray(option)
      ? (option as unknown[]).map((path): [string, unknown] => [path as string, GENERIC_KIND])
      : Object.entries(option as Record<string, unknown>);
    for (const [path, kinds] of entries) {
      try {
        validate({ paths: [path] });
      } catch {
        throw new ConfigError('sanitizer path', path, 'is not a redaction path in pino\'s syntax (a.b, a["b-c"], a[0], *.b, a.*)');
      }
      const list = configKinds(kinds, `sanitizer path ${JSON.stringify(path)}`);
      let at = root;
      for (const segment of segments(path)) {
        if (segment === '*') at = at.wildcard ??= node();
        else {
          let next = at.children.get(segment);
          if (next === undefined) at.children.set(segment, (next = node()));
          at = next;
        }
      }
      at.kinds = list;
    }
    // Each key's function holds the leading-wildcard paths too: a pair's value is walked once.
    for (const [key, child] of root.children) this.#byKey.set(key, compile(merge(child, root.wildcard)!));
    this.#wildcard = root.wildcard === undefined ? undefined : compile(root.wildcard);
  }

  /** Every path that applies to the value of a key/value pair with this key (undefined when none can). */
  forKey(key: unknown): ApplyPaths | undefined {
    return (typeof key === 'string' ? this.#byKey.get(key) : undefined) ?? this.#wildcard;
  }

  /** The paths that start with a wildcard: they apply to every value, and alone to legacy operands. */
  get wildcard(): ApplyPaths | undefined {
    return this.#wildcard;
  }
}
