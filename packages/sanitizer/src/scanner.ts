import { copyObject, setOwn } from './copy-object.js';
import type { StringDetectors } from './detectors.js';
import { isEmpty } from './is-empty.js';
import type { KeyNameMatcher } from './key-names.js';
import { isRedactionMarker, redactionMarker, TOO_DEEP_KIND, UNREADABLE } from './kinds.js';
import { planFor, type Plan } from './plan.js';
import { matcherPolicies, type DataPolicy } from './registry.js';
import { scanError, scanFormatted, scanHeaders, scanMap, scanSet } from './scan-containers.js';

/** What the scanner looks for, beyond tagged classes, registered types and Secrets. */
export interface ScanRules {
  readonly keyNames: KeyNameMatcher | undefined;
  readonly detectors: StringDetectors | undefined;
  /** Objects nested deeper than this are replaced (fail closed): they were not inspected. */
  readonly maxDepth: number;
}

/** Tagged fields of a plan or matcher, by name. */
export type Fields = ReadonlyMap<string, readonly string[]> | undefined;

/** What a back-reference becomes when a cyclic value had to be copied. */
export const CIRCULAR = '[Circular]';

const TOO_DEEP: readonly string[] = Object.freeze([TOO_DEEP_KIND]);
/** Thrown on the first pass when a value nests deeper than maxDepth: a cycle, or just deep data. */
const RESTART = new Error('restart with cycle tracking');

/**
 * Walks one value looking for secrets and returns it unchanged (the same reference, nothing allocated)
 * or a copy in which each secret is replaced by `[REDACTED:<kinds>]`. The caller's objects are never
 * changed. Kinds found are appended to {@link Scanner.found}. Never throws: a value that cannot be
 * inspected (a throwing getter or Proxy) is redacted as `unreadable`, and anything nested deeper than
 * `maxDepth` as `too-deep` (fail closed).
 *
 * The hot path (plain data, nothing found) reads each property once, with no try block per property
 * and no allocation; a throw sends that one object through a careful, property-by-property pass.
 */
export class Scanner {
  /** The kinds of every value redacted since the caller last set `foundCount` to 0: `found[0 .. foundCount)`. */
  readonly found: string[] = [];
  foundCount = 0;
  /** True while a scan runs: a getter that logs re-enters the filter, which then needs its own scanner. */
  busy = false;
  private readonly keyNames: KeyNameMatcher | undefined;
  private readonly detectors: StringDetectors | undefined;
  private readonly maxDepth: number;
  private readonly stack: (object | undefined)[] = [];
  private depth = 0;
  /** Off on the first pass: cycles then show up as depth overflow, which restarts the scan with it on. */
  private tracking = false;
  private sawCycle = false;
  private breakCycles = false;

  constructor(rules: ScanRules) {
    this.keyNames = rules.keyNames;
    this.detectors = rules.detectors;
    this.maxDepth = rules.maxDepth;
  }

  /** Scans a top-level value (a key/value pair's value, an error, a legacy operand). */
  scan(value: unknown): unknown {
    if (typeof value === 'string') return this.detectors === undefined ? value : this.string(value);
    if (typeof value !== 'object' || value === null) return value;
    const mark = this.foundCount;
    // First pass: no cycle bookkeeping (plain data has no cycles; a cycle overflows maxDepth).
    try {
      return this.object(value);
    } catch (thrown) {
      this.depth = 0;
      this.foundCount = mark;
      if (thrown !== RESTART) return this.redact(UNREADABLE);
    }
    this.tracking = true;
    this.sawCycle = false;
    try {
      let out = this.guarded(value, mark);
      if (out !== value && this.sawCycle) {
        // The copy would point back at the original (unredacted) ancestors: redo it with cycles cut.
        this.foundCount = mark;
        this.breakCycles = true;
        out = this.guarded(value, mark);
      }
      return out;
    } finally {
      this.tracking = false;
      this.breakCycles = false;
    }
  }

  /** Replaces a value by the marker for its kinds. */
  redact(kinds: readonly string[]): string {
    for (let i = 0; i < kinds.length; i++) this.found[this.foundCount++] = kinds[i];
    return redactionMarker(kinds);
  }

  /** A Secret (of any copy of the package) becomes the marker of its kind. */
  private redactSecret(value: object): string {
    const kind = String((value as { kind?: unknown }).kind);
    this.found[this.foundCount++] = kind;
    return redactionMarker(kind);
  }

  private guarded(value: object, mark: number): unknown {
    try {
      return this.object(value);
    } catch {
      this.unwind(0);
      this.foundCount = mark;
      return this.redact(UNREADABLE);
    }
  }

  /** Restores the cycle stack to `depth` after a throw skipped the frames above it. */
  private unwind(depth: number): void {
    while (this.depth > depth) this.stack[--this.depth] = undefined;
  }

  /** After a throw inside a container: the restart signal goes on up, anything else is handled here. */
  private recover(thrown: unknown, depth: number): void {
    if (thrown === RESTART) throw RESTART;
    this.unwind(depth);
  }

  private string(text: string): string {
    const detectors = this.detectors!;
    if (text.length < detectors.minLength) return text;
    const hit = detectors.detect(text);
    if (hit === undefined) return text;
    for (const kind of hit.kinds) this.found[this.foundCount++] = kind;
    return hit.text;
  }

  /** A value below the top: objects scanned, strings through the detectors, the rest kept. */
  private child(value: unknown): unknown {
    if (typeof value === 'object') return value === null ? value : this.object(value);
    if (typeof value === 'string' && this.detectors !== undefined) return this.string(value);
    return value;
  }

  /** The value of a field or key named `key`: tagged, a secret's name, or scanned. */
  private field(key: string, value: unknown, fields: Fields, caseInsensitive: boolean): unknown {
    if (fields !== undefined) {
      const kinds = fields.get(caseInsensitive ? key.toLowerCase() : key);
      // A marker is what an earlier pass left (a redacted copy scanned again): not a second secret.
      if (kinds !== undefined) return isEmpty(value) || isRedactionMarker(value) ? value : this.redact(kinds);
    }
    if (this.keyNames !== undefined) {
      const kinds = this.keyNames(key);
      if (kinds !== undefined) return isEmpty(value) ? value : this.redact(kinds);
    }
    return this.child(value);
  }

  private object(value: object): unknown {
    if (!this.tracking && matcherPolicies.length === 0) {
      // The hot path, for plain data: arrays and plain objects, no cycle bookkeeping.
      if (Array.isArray(value)) {
        const depth = this.enter();
        const out = this.array(value as unknown[]);
        this.depth = depth;
        return out;
      }
      const proto = Object.getPrototypeOf(value) as object | null;
      if (proto === Object.prototype || proto === null) {
        const depth = this.enter();
        const out = this.keyNames === undefined ? this.plain(value as Record<string, unknown>) : this.record(value as Record<string, unknown>, undefined, false, true);
        this.depth = depth;
        return out;
      }
      return this.typed(value, proto);
    }
    return this.typed(value, Object.getPrototypeOf(value) as object | null);
  }

  /** One level deeper on the first pass; beyond maxDepth, restart with cycle tracking. */
  private enter(): number {
    const depth = this.depth;
    if (depth >= this.maxDepth) throw RESTART;
    this.depth = depth + 1;
    return depth;
  }

  /** Any object, by its class's plan (and matchers); with cycle tracking on the second pass. */
  private typed(value: object, proto: object | null): unknown {
    let plan: Plan | undefined;
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      plan = planFor(proto);
      switch (plan.type) {
        case 'leaf': return value;
        case 'secret': return this.redactSecret(value);
        case 'whole': return this.redact(plan.whole!);
      }
    }
    const matched = matcherPolicies.length === 0 ? undefined : this.matched(value);
    if (matched?.whole !== undefined) return this.redact(matched.whole);
    const depth = this.depth;
    if (depth >= this.maxDepth) {
      if (!this.tracking) throw RESTART;
      return this.redact(TOO_DEEP);
    }
    if (this.tracking) {
      const stack = this.stack;
      for (let i = 0; i < depth; i++) {
        if (stack[i] === value) {
          this.sawCycle = true;
          return this.breakCycles ? CIRCULAR : value;
        }
      }
      stack[depth] = value;
    }
    this.depth = depth + 1;
    let out: unknown;
    if (plan === undefined) {
      out = proto === Array.prototype ? this.array(value as unknown[]) : this.record(value as Record<string, unknown>, matched?.fields, matched?.caseInsensitive ?? false, true);
    } else {
      const fields = matched?.fields ?? plan.fields;
      const caseInsensitive = matched?.caseInsensitive ?? plan.caseInsensitive;
      switch (plan.type) {
        case 'array': out = this.array(value as unknown[]); break;
        case 'map': out = scanMap(this, value as Map<unknown, unknown>, fields, caseInsensitive); break;
        case 'set': out = scanSet(this, value as Set<unknown>); break;
        case 'error': out = scanError(this, value as Error, fields, caseInsensitive); break;
        case 'headers': out = scanHeaders(this, value as Headers, fields); break;
        case 'formatted': out = scanFormatted(this, value); break;
        default: out = this.record(value as Record<string, unknown>, fields, caseInsensitive, false);
      }
    }
    if (this.tracking) this.stack[depth] = undefined;
    this.depth = depth;
    return out;
  }

  private matched(value: object): DataPolicy | undefined {
    for (const { matcher, policy } of matcherPolicies) if (matcher.test(value)) return policy;
    return undefined;
  }

  /**
   * The common case, kept lean: a plain object with no field or key-name rules to apply. If anything
   * throws, the object is redone property by property.
   */
  private plain(value: Record<string, unknown>): unknown {
    const mark = this.foundCount;
    const depth = this.depth;
    try {
      let copy: Record<string, unknown> | undefined;
      for (const key in value) {
        const before = value[key];
        let after: unknown;
        if (typeof before === 'object') {
          if (before === null) continue;
          after = this.object(before);
        } else if (typeof before === 'string' && this.detectors !== undefined) after = this.string(before);
        else continue;
        if (after !== before) setOwn((copy ??= copyObject(value)), key, after);
      }
      return copy ?? value;
    } catch (thrown) {
      this.recover(thrown, depth);
      this.foundCount = mark;
      return this.carefulRecord(value, undefined, false);
    }
  }

  /**
   * A plain object (a Go map: `for in`, fastest) or a class instance (a Go struct: own enumerable
   * fields, as the encoders write it). If anything throws, the object is redone property by property.
   */
  /** @internal Also used for an Error's own fields. */
  record(value: Record<string, unknown>, fields: Fields, caseInsensitive: boolean, plain: boolean): unknown {
    const depth = this.depth;
    const mark = this.foundCount;
    try {
      let copy: Record<string, unknown> | undefined;
      const keys = plain ? undefined : Object.keys(value);
      const n = keys === undefined ? 0 : keys.length;
      if (keys === undefined) {
        for (const key in value) {
          const before = value[key];
          const after = this.field(key, before, fields, caseInsensitive);
          if (after !== before) setOwn((copy ??= copyObject(value)), key, after);
        }
      } else {
        for (let i = 0; i < n; i++) {
          const key = keys[i];
          const before = value[key];
          const after = this.field(key, before, fields, caseInsensitive);
          if (after !== before) setOwn((copy ??= copyObject(value)), key, after);
        }
      }
      return copy ?? value;
    } catch (thrown) {
      this.recover(thrown, depth);
      this.foundCount = mark;
      return this.carefulRecord(value, fields, caseInsensitive);
    }
  }

  /** The slow path of {@link record}: each property in its own try; a throwing one is redacted. */
  private carefulRecord(value: Record<string, unknown>, fields: Fields, caseInsensitive: boolean): unknown {
    const depth = this.depth;
    let copy: Record<string, unknown> | undefined;
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch (thrown) {
      this.recover(thrown, depth);
      return this.redact(UNREADABLE);
    }
    for (const key of keys) {
      let before: unknown;
      let after: unknown;
      try {
        before = value[key];
        after = this.field(key, before, fields, caseInsensitive);
      } catch (thrown) {
        this.recover(thrown, depth);
        after = this.redact(UNREADABLE);
      }
      if (after !== before) setOwn((copy ??= copyObject(value)), key, after);
    }
    return copy ?? value;
  }

  private array(value: unknown[]): unknown {
    let copy: unknown[] | undefined;
    const depth = this.depth;
    for (let i = 0; i < value.length; i++) {
      let before: unknown;
      let after: unknown;
      try {
        before = value[i];
        after = this.child(before);
      } catch (thrown) {
        this.recover(thrown, depth);
        after = this.redact(UNREADABLE);
      }
      if (after !== before) (copy ??= copyObject(value))[i] = after;
    }
    return copy ?? value;
  }

  /**
   * @internal For the container scanners: a member scanned as a field named `key` (or as a plain value
   * when `key` is undefined); if scanning it throws, it is redacted as unreadable (fail closed).
   */
  member(key: string | undefined, value: unknown, fields: Fields, caseInsensitive: boolean): unknown {
    const depth = this.depth;
    try {
      return key === undefined ? this.child(value) : this.field(key, value, fields, caseInsensitive);
    } catch (thrown) {
      this.recover(thrown, depth);
      return this.redact(UNREADABLE);
    }
  }
}
