import { copyObject, isSanitizedCopy, markSanitized, setOwn } from './copy-object.js';
import type { StringDetectors } from './detectors.js';
import type { FieldTags } from './field-tags.js';
import { isEmpty } from './is-empty.js';
import type { KeyNameMatcher } from './key-names.js';
import { redactionMarker, TOO_DEEP_KIND, UNREADABLE } from './kinds.js';
import { namedKeys } from './named-keys.js';
import { objectPoliciesInUse, objectPolicy } from './object-policy.js';
import { ARRAY_PLAN, PLAIN_PLAN, planFor } from './plan.js';
import { registry } from './registry-slot.js';
import { scanBoxed, scanOpaque } from './scan-builtins.js';
import { scanFormatted, scanHeaders, scanMap, scanSet } from './scan-containers.js';
import { scanError } from './scan-error.js';

/** What the scanner looks for, beyond tagged classes, registered types and Secrets. */
export interface ScanRules {
  readonly keyNames: KeyNameMatcher | undefined;
  readonly detectors: StringDetectors | undefined;
  /** Objects nested deeper than this are replaced (fail closed): they were not inspected. */
  readonly maxDepth: number;
}

/** The tagged fields of the object being scanned, from every source that applies to it. */
export type Fields = FieldTags | undefined;

/** How a record's keys are listed: `for in` when undefined (a plain object), else this function. */
export type KeysOf = ((value: object) => string[]) | undefined;

/** What a back-reference becomes when a cyclic value had to be copied. */
export const CIRCULAR = '[Circular]';

const TOO_DEEP: readonly string[] = Object.freeze([TOO_DEEP_KIND]);
/** Thrown on the first pass when a value nests deeper than maxDepth: a cycle, or just deep data. */
// Stryker disable next-line StringLiteral: equivalent, the restart signal is compared by identity and never leaves the scanner
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
 * Every copy it makes is recorded as clean under its rules (see isSanitizedCopy).
 */
export class Scanner {
  /** The kinds of every value redacted since the caller last set `foundCount` to 0: `found[0 .. foundCount)`. */
  // Stryker disable next-line ArrayDeclaration: equivalent, only found[0 .. foundCount) is read, and foundCount starts at 0
  readonly found: string[] = [];
  foundCount = 0;
  /** True while a scan runs: a getter that logs re-enters the filter, which then needs its own scanner. */
  // Stryker disable next-line BooleanLiteral: equivalent, a filter whose scanner looks busy takes a fresh one for each call
  busy = false;
  /** The filter's pass its copies are made in (see isCopyOfPass). */
  pass = 0;
  /** The rules object itself: what the copies it makes are clean under. */
  private readonly rules: ScanRules;
  private readonly keyNames: KeyNameMatcher | undefined;
  private readonly detectors: StringDetectors | undefined;
  private readonly maxDepth: number;
  // Stryker disable next-line ArrayDeclaration: equivalent, the tracked pass writes stack[depth] before any deeper level reads it
  private readonly stack: (object | undefined)[] = [];
  private depth = 0;
  /** Off on the first pass: cycles then show up as depth overflow, which restarts the scan with it on. */
  private tracking = false;
  // Stryker disable next-line BooleanLiteral: equivalent, scan() clears it before the tracked pass, the only reader
  private sawCycle = false;
  private breakCycles = false;

  constructor(rules: ScanRules) {
    this.rules = rules;
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
    // Stryker disable next-line BlockStatement: equivalent, without the first pass the tracked pass returns the same value (only slower)
    try {
      return this.object(value);
    } catch (thrown) {
      this.depth = 0;
      this.foundCount = mark;
      if (thrown !== RESTART) return this.redact(UNREADABLE);
    }
    this.tracking = true;
    // Stryker disable next-line BooleanLiteral: equivalent, a copy made again with cycles cut is the same copy when there was no cycle
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
  redact(kinds: readonly string[], marker?: string): string {
    for (let i = 0; i < kinds.length; i++) this.found[this.foundCount++] = kinds[i];
    return marker ?? redactionMarker(kinds);
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

  /** @internal Whether strings go through detectors. */
  get detects(): boolean {
    return this.detectors !== undefined;
  }

  /** @internal A string with what the detectors find in it redacted (as it is without detectors). */
  text(text: string): string {
    return this.detectors === undefined ? text : this.string(text);
  }

  /**
   * @internal A copy of `value` to redact things in, recorded as clean under these rules unless it is
   * plain data: the encoders never hand plain data back, and the record would cost more than the copy.
   */
  copyOf<T extends object>(value: T): T {
    const copy = copyObject(value);
    const proto = Object.getPrototypeOf(copy) as object | null;
    return proto === Object.prototype || proto === Array.prototype || proto === null ? copy : this.made(copy);
  }

  /** @internal An object this scanner made to stand for a redacted one, recorded as clean under its rules. */
  made<T extends object>(value: T): T {
    markSanitized(value, this.rules, this.pass);
    return value;
  }

  /** @internal The kinds a tag or a key name gives the field `key`, or undefined. */
  ruleFor(key: string, fields: Fields): readonly string[] | undefined {
    return fields?.kindsOf(key) ?? this.keyNames?.(key);
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

  /**
   * The value of the field `key` of `holder`: tagged or a secret's name (then the marker, unless empty), or
   * scanned. A marker in a copy this scanner's rules made is what they wrote there: not counted again.
   */
  private field(holder: object, key: string, value: unknown, fields: Fields): unknown {
    const kinds = this.ruleFor(key, fields);
    if (kinds === undefined) return this.child(value);
    if (isEmpty(value) || (typeof value === 'string' && isSanitizedCopy(holder, this.rules) && value === redactionMarker(kinds))) return value;
    return this.redact(kinds);
  }

  private object(value: object): unknown {
    // Stryker disable next-line BlockStatement: equivalent, typed() reaches the same result for arrays and plain objects (only slower)
    if (!this.tracking && !objectPoliciesInUse()) {
      // The hot path, for plain data: arrays and plain objects (exactly), no cycle bookkeeping.
      // Stryker disable next-line BlockStatement: equivalent, an array then goes to typed() with the array plan
      if (Array.isArray(value)) {
        // Until a class derived from Array is registered or tagged, every array is scanned as a plain one.
        const proto = registry.arrayClassesTagged ? (Object.getPrototypeOf(value) as object | null) : Array.prototype;
        if (proto !== Array.prototype) return this.typed(value, proto);
        const depth = this.enter();
        const out = this.array(value as unknown[], undefined);
        this.depth = depth;
        return out;
      }
      const proto = Object.getPrototypeOf(value) as object | null;
      // Stryker disable next-line LogicalOperator,BlockStatement: equivalent, a plain object then goes to typed() with the plain plan
      if (proto === Object.prototype || proto === null) {
        const depth = this.enter();
        const out = this.plain(value as Record<string, unknown>);
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

  /**
   * Any object, by its class's plan and its own policy (matchers, the class that built it); with cycle
   * tracking on the second pass. Registered and decorated built-ins and their subclasses come here too.
   */
  private typed(value: object, proto: object | null): unknown {
    const plan = proto === Object.prototype || proto === null ? PLAIN_PLAN : proto === Array.prototype && Array.isArray(value) ? ARRAY_PLAN : planFor(proto);
    if (plan.type === 'secret') return this.redactSecret(value);
    const policy = objectPoliciesInUse() ? objectPolicy(value, plan) : plan;
    if (policy.whole !== undefined) return this.redact(policy.whole);
    const fields = policy.fields;
    if (plan.type === 'leaf' && fields === undefined) return value;
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
    switch (plan.type) {
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a plain object's own enumerable keys are what `for in` lists
      case 'plain': out = this.record(value as Record<string, unknown>, fields, undefined); break;
      // An object that merely has Array.prototype as its prototype is written as a struct.
      // Stryker disable next-line StringLiteral: equivalent, an array's own keys (indices and named fields) then go through record(), with the same result
      case 'array': out = Array.isArray(value) ? this.array(value as unknown[], fields) : this.record(value as Record<string, unknown>, fields, Object.keys); break;
      case 'map': out = scanMap(this, value as Map<unknown, unknown>, fields); break;
      case 'set': out = scanSet(this, value as Set<unknown>, fields); break;
      case 'error': out = scanError(this, value as Error, fields); break;
      case 'headers': out = scanHeaders(this, value as Headers, fields); break;
      case 'formatted': out = scanFormatted(this, value); break;
      case 'boxed': out = scanBoxed(this, value, fields); break;
      case 'leaf': out = scanOpaque(this, value, fields); break;
      default: out = this.record(value as Record<string, unknown>, fields, Object.keys);
    }
    // Stryker disable next-line ConditionalExpression: equivalent, a stale entry at this depth is overwritten before a deeper level reads it
    if (this.tracking) this.stack[depth] = undefined;
    this.depth = depth;
    return out;
  }

  /**
   * The common case, kept lean: a plain object (no tagged fields; key names apply if configured). Its copy
   * is never branded, so a marker in it is always counted. If anything throws, the object is redone
   * property by property.
   */
  private plain(value: Record<string, unknown>): unknown {
    const mark = this.foundCount;
    const depth = this.depth;
    const keyNames = this.keyNames;
    try {
      let copy: Record<string, unknown> | undefined;
      for (const key in value) {
        const before = value[key];
        let after: unknown;
        const named = keyNames === undefined ? undefined : keyNames(key);
        if (named !== undefined) {
          if (isEmpty(before)) continue;
          after = this.redact(named);
        } else if (typeof before === 'object') {
          if (before === null) continue;
          after = this.object(before);
        } else if (typeof before === 'string' && this.detectors !== undefined) after = this.string(before);
        else continue;
        if (after === before) continue;
        // A plain object's copy is a spread (a getter that throws lands in the catch below) whose own data
        // properties take plain stores: an own `__proto__` key is a plain field of the copy too, never the setter.
        copy ??= Object.getPrototypeOf(value) === null ? this.copyOf(value) : { ...value };
        copy[key] = after;
      }
      return copy ?? value;
    } catch (thrown) {
      this.recover(thrown, depth);
      this.foundCount = mark;
      return this.carefulRecord(value, undefined, undefined);
    }
  }

  /**
   * @internal The fields of a plain object (a Go map: `for in`, fastest, when `keysOf` is undefined), of a
   * class instance (a Go struct: own enumerable fields, as the encoders write it) or of a container
   * (`keysOf` lists them). If anything throws, the object is redone property by property.
   */
  record(value: Record<string, unknown>, fields: Fields, keysOf: KeysOf): unknown {
    const depth = this.depth;
    const mark = this.foundCount;
    try {
      let copy: Record<string, unknown> | undefined;
      if (keysOf === undefined) {
        for (const key in value) {
          const before = value[key];
          const after = this.field(value, key, before, fields);
          if (after !== before) setOwn((copy ??= this.copyOf(value)), key, after);
        }
      } else {
        const keys = keysOf(value);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const before = value[key];
          const after = this.field(value, key, before, fields);
          if (after !== before) setOwn((copy ??= this.copyOf(value)), key, after);
        }
      }
      return copy ?? value;
    } catch (thrown) {
      this.recover(thrown, depth);
      this.foundCount = mark;
      return this.carefulRecord(value, fields, keysOf);
    }
  }

  /** The slow path of {@link record}: each property in its own try; a throwing one is redacted. */
  private carefulRecord(value: Record<string, unknown>, fields: Fields, keysOf: KeysOf): unknown {
    const depth = this.depth;
    let copy: Record<string, unknown> | undefined;
    let keys: string[];
    try {
      keys = (keysOf ?? Object.keys)(value);
    } catch (thrown) {
      this.recover(thrown, depth);
      return this.redact(UNREADABLE);
    }
    for (const key of keys) {
      let before: unknown;
      let after: unknown;
      try {
        before = value[key];
        after = this.field(value, key, before, fields);
      } catch (thrown) {
        this.recover(thrown, depth);
        after = this.redact(UNREADABLE);
      }
      if (after !== before) setOwn((copy ??= this.copyOf(value)), key, after);
    }
    return copy ?? value;
  }

  /** An array's items; for a subclass with tagged fields, those fields too (its own methods may print them). */
  private array(value: unknown[], fields: Fields): unknown {
    let copy: unknown[] | undefined;
    if (fields !== undefined) {
      const named = this.record(value as unknown as Record<string, unknown>, fields, namedKeys);
      if (typeof named !== 'object') return named;
      if (named !== value) copy = named as unknown[];
    }
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
      if (after !== before) setOwn((copy ??= this.copyOf(value)), i, after);
    }
    return copy ?? value;
  }

  /**
   * @internal For the container scanners: a member of `holder` scanned as a field named `key` (or as a
   * plain value when `key` is undefined); if scanning it throws, it is redacted as unreadable (fail closed).
   */
  member(holder: object, key: string | undefined, value: unknown, fields: Fields): unknown {
    const depth = this.depth;
    try {
      return key === undefined ? this.child(value) : this.field(holder, key, value, fields);
    } catch (thrown) {
      this.recover(thrown, depth);
      return this.redact(UNREADABLE);
    }
  }
}
