import { ConfigError } from '@klog-ts/core';
import fastRedact from 'fast-redact';
import { copyObject, setOwn } from './copy-object.js';
import { isEmpty } from './is-empty.js';
import { configKinds, GENERIC_KIND, UNREADABLE, type DataPolicyKinds } from './kinds.js';

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
  redact(kinds: readonly string[]): string;
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
  return (value, sink) => (isEmpty(value) ? value : sink.redact(kinds));
}

/** What a property read that threw yields inside compiled paths (never a value of the caller's). */
const THREW = Symbol('threw');

/**
 * Compiles a trie node the way fast-redact compiles its paths: generated code with each key a constant,
 * so every property read is a monomorphic, inline-cached load instead of a lookup by a variable key. Keys
 * enter the code only through JSON.stringify. Only own properties count, as only they are ever written.
 * Never throws (fail closed): a property whose read throws becomes `[REDACTED:unreadable]`, and so does
 * the whole object when it cannot be inspected at all (a revoked Proxy).
 */
function compile(at: PathNode): ApplyPaths {
  if (at.kinds !== undefined) return terminal(at.kinds);
  const children = [...at.children.values()].map(compile);
  const wildcard = at.wildcard === undefined ? undefined : compile(at.wildcard);
  const literal = [...at.children.keys()].map((key, i) => {
    const k = JSON.stringify(key);
    return `try { v = o[${k}]; } catch { v = THREW; }
      if (v === THREW) { if (hasOwn(o, ${k})) setOwn(copy ??= copyObject(o), ${k}, sink.redact(UNREADABLE)); }
      else if (v !== undefined && hasOwn(o, ${k})) { r = c[${i}](v, sink); if (r !== v) setOwn(copy ??= copyObject(o), ${k}, r); }`;
  });
  const body = `return function applyPaths(o, sink) {
    if (typeof o !== 'object' || o === null) return o;
    let copy, v, r;
    try {
      ${literal.join('\n      ')}
      if (w !== undefined) {
        const keys = Object.keys(o);
        for (let i = 0; i < keys.length; i++) {
          try { v = (copy ?? o)[keys[i]]; } catch { v = THREW; }
          r = v === THREW ? sink.redact(UNREADABLE) : w(v, sink);
          if (r !== v) setOwn(copy ??= copyObject(o), keys[i], r);
        }
      }
      return copy ?? o;
    } catch {
      return sink.redact(UNREADABLE);
    }
  };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiled once per node, from JSON-quoted keys only (fast-redact's technique).
  const factory = new Function('c', 'w', 'hasOwn', 'copyObject', 'setOwn', 'THREW', 'UNREADABLE', body) as (...args: unknown[]) => ApplyPaths;
  return factory(children, wildcard, Object.hasOwn, copyObject, setOwn, THREW, UNREADABLE);
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
    for (const [key, child] of root.children) this.#byKey.set(key, compile(child));
    this.#wildcard = root.wildcard === undefined ? undefined : compile(root.wildcard);
  }

  /** The paths for the value of a key/value pair with this key (undefined when none can match). */
  forKey(key: unknown): ApplyPaths | undefined {
    return typeof key === 'string' ? this.#byKey.get(key) : undefined;
  }

  /** The paths that start with a wildcard: they apply to every value, and to legacy operands. */
  get wildcard(): ApplyPaths | undefined {
    return this.#wildcard;
  }
}
