import { getLogFilter, type Entry, type LogFilter } from '@klog-ts/core';
import { blockedEntry, type Offender } from './blocked-entry.js';
import type { StringDetectors } from './detectors.js';
import { isEmpty } from './is-empty.js';
import type { KeyNameMatcher } from './key-names.js';
import type { RedactionPaths } from './redaction-paths.js';
import { planFor } from './plan.js';
import { registry } from './registry-slot.js';
import type { MetricsCounter } from './sanitizer-metrics.js';
import { isCopyOfPass } from './copy-object.js';
import { UNREADABLE } from './kinds.js';
import { objectPoliciesInUse } from './object-policy.js';
import { Scanner, type ScanRules } from './scanner.js';

/**
 * What happens to an entry that carries a secret: `redact` replaces only the secret values with
 * `[REDACTED:<kind>]`; `block` replaces the entry with Kubernetes' `Log message has been redacted.`
 * naming the key and kinds; `drop` does not write it. Every mode counts what it did.
 */
export type SanitizerMode = 'redact' | 'block' | 'drop';

/** Everything the filter applies, compiled once by `installSanitizer`. */
export interface FilterRules extends ScanRules {
  readonly mode: SanitizerMode;
  readonly paths: RedactionPaths | undefined;
  readonly keyNames: KeyNameMatcher | undefined;
  readonly detectors: StringDetectors | undefined;
  /** `scan: 'objects'`: the encoders' filterObject calls inspect what is not plain data (see SanitizerFilter). */
  readonly objectsOnly: boolean;
}

/** The kinds the scanner found since `from`, sorted, without duplicates. */
function sortedKinds(scanner: Scanner, from: number): readonly string[] {
  return [...new Set(scanner.found.slice(from, scanner.foundCount))].sort();
}

/** In redact mode only whether something was found matters: this stands for every offender. */
const FOUND: Offender = Object.freeze({ key: undefined, keyIndex: undefined, kinds: [] });

/**
 * The sanitizer as klog-ts's process-wide LogFilter: bound values are checked once when bound, call
 * values and errors on every entry, legacy operands before they are formatted. Nothing is allocated
 * for an entry without secrets: the same entry object goes on to the encoder.
 *
 * With `scan: 'objects'` (redact mode, no key names, no detectors), while no matcher is registered and
 * while this filter is the installed one (a filter composed around it may not pass the encoders' calls
 * on), an entry that klog-ts's encoders write is not walked here: the encoders walk it anyway and hand
 * every object that is not plain data to {@link filterObject} before rendering it, so plain data costs
 * nothing. Path redaction, keys that are not strings and errors are still handled here, and an entry for
 * a backend that serializes values itself (the pino sink) is walked in full.
 */
export class SanitizerFilter implements LogFilter {
  private readonly rules: FilterRules;
  private readonly metrics: MetricsCounter;
  private readonly scanner: Scanner;
  /** Block and drop modes: bound lists that held a secret, and what it was. */
  private readonly offendingLists = new WeakMap<readonly unknown[], Offender>();
  /** Block and drop modes: the offender found in a legacy call's operands, for the entry that follows. */
  private pendingLegacy: Offender | undefined;
  /** Where `list` found the first secret of the list it last returned. */
  private listOffender: Offender | undefined;
  /** Counts entries, bound lists, legacy calls and sanitize() calls: the copies of one pass are known (isCopyOfPass). */
  private pass = 0;
  /** Whether a class the encoders write without asking filterObject (Date, Uint8Array, Buffer) is tagged, by registry generation. */
  // Stryker disable next-line ObjectLiteral,UnaryOperator,BooleanLiteral: equivalent, a generation no registry has yet (the built-in policies register at load, so it is past 1 before a filter exists): the first call computes the answer
  private encoderDataTagged: { generation: number; tagged: boolean } = { generation: -1, tagged: false };

  constructor(rules: FilterRules, metrics: MetricsCounter) {
    this.rules = rules;
    this.metrics = metrics;
    this.scanner = new Scanner(rules);
  }

  /**
   * Whether the encoders' filterObject calls do the deep part of the work: not while a matcher is
   * registered or an instance was tagged on its own (either can make plain data secret), nor while Date,
   * Uint8Array or Buffer itself is registered (the encoders write those without asking), nor when this
   * filter is not the installed one (a filter composed around it decides what the encoders' calls reach).
   */
  private scansInEncoder(): boolean {
    return this.rules.objectsOnly && !objectPoliciesInUse() && getLogFilter() === this && !this.isEncoderDataTagged();
  }

  private isEncoderDataTagged(): boolean {
    const cached = this.encoderDataTagged;
    if (cached.generation !== registry.generation) {
      const written: readonly object[] = [Date.prototype, Uint8Array.prototype, Buffer.prototype];
      const tagged = written.some((proto) => {
        const plan = planFor(proto);
        return plan.whole !== undefined || plan.fields !== undefined;
      });
      this.encoderDataTagged = { generation: registry.generation, tagged };
    }
    return this.encoderDataTagged.tagged;
  }

  filterValues(kv: readonly unknown[]): readonly unknown[] {
    // Stryker disable next-line BooleanLiteral: equivalent, the pass only lets filterObject skip copies this filter made; what reaches it here was scanned in full
    const scanner = this.acquire(true);
    try {
      const list = this.list(kv, scanner, true);
      const offender = this.listOffender;
      if (offender === undefined) return list;
      if (this.rules.mode === 'redact') this.metrics.redacted(scanner.found, scanner.foundCount);
      else this.offendingLists.set(list, offender);
      return list;
    // Stryker disable next-line BlockStatement: equivalent, a scanner left busy only makes the next call take a fresh one
    } finally {
      this.release(scanner);
    }
  }

  filterEntry(entry: Entry, encoded = false): Entry | undefined {
    const deep = !encoded || !this.scansInEncoder();
    const mode = this.rules.mode;
    // Stryker disable next-line StringLiteral: equivalent, redact mode never records offending lists or a pending legacy offender
    if (mode !== 'redact') {
      const stopped = this.stoppedByBound(entry) ?? (entry.legacy ? this.takePending() : undefined);
      if (stopped !== undefined) return this.stop(entry, stopped, undefined);
    }
    const scanner = this.acquire(true);
    try {
      const kv = entry.kv.length === 0 ? entry.kv : this.list(entry.kv, scanner, deep);
      let offender = kv === entry.kv ? undefined : this.listOffender;
      const err = entry.err;
      let cleanErr = err;
      // Stryker disable next-line LogicalOperator: equivalent, scanning undefined or null returns it
      if (err !== undefined && err !== null) {
        const mark = scanner.foundCount;
        cleanErr = scanner.scan(err);
        if (cleanErr !== err) offender ??= this.offender('err', undefined, scanner, mark);
      }
      let message = entry.message;
      let name = entry.name;
      if (this.rules.detectors !== undefined) {
        let mark = scanner.foundCount;
        message = scanner.scan(message) as string;
        if (message !== entry.message) offender ??= this.offender('msg', undefined, scanner, mark);
        mark = scanner.foundCount;
        name = name === undefined ? name : (scanner.scan(name) as string);
        if (name !== entry.name) offender ??= this.offender('logger', undefined, scanner, mark);
      }
      if (offender === undefined) return entry;
      if (mode === 'redact') {
        this.metrics.redacted(scanner.found, scanner.foundCount);
        return { ...entry, message, name, kv, err: cleanErr };
      }
      return this.stop(entry, offender, cleanErr === err ? err : undefined);
    // Stryker disable next-line BlockStatement: equivalent, a scanner left busy only makes the next call take a fresh one
    } finally {
      this.release(scanner);
    }
  }

  filterArgs(args: readonly unknown[]): readonly unknown[] {
    this.pendingLegacy = undefined;
    // Stryker disable next-line BooleanLiteral: equivalent, the pass only lets filterObject skip copies this filter made; what reaches it here was scanned in full
    const scanner = this.acquire(true);
    try {
      const wildcard = this.rules.paths?.wildcard;
      let copy: unknown[] | undefined;
      let offender: Offender | undefined;
      for (let i = 0; i < args.length; i++) {
        const before = args[i];
        const mark = scanner.foundCount;
        let after: unknown;
        try {
          after = scanner.scan(wildcard === undefined ? before : wildcard(before, scanner));
        } catch {
          scanner.foundCount = mark;
          after = scanner.redact(UNREADABLE);
        }
        if (after === before) continue;
        (copy ??= args.slice())[i] = after;
        // Stryker disable next-line StringLiteral: equivalent, in redact mode the offender only says that something was found
        offender ??= this.rules.mode === 'redact' ? FOUND : { key: undefined, keyIndex: undefined, kinds: sortedKinds(scanner, mark), argIndex: i };
      }
      if (offender === undefined) return args;
      if (this.rules.mode === 'redact') this.metrics.redacted(scanner.found, scanner.foundCount);
      else this.pendingLegacy = offender;
      // Redacted operands even when the entry will be blocked: nothing secret reaches the formatter.
      return copy!;
    // Stryker disable next-line BlockStatement: equivalent, a scanner left busy only makes the next call take a fresh one
    } finally {
      this.release(scanner);
    }
  }

  /**
   * An object the encoders are about to render (see the class comment): scanned here when the entry was
   * not. A copy this filter made for the entry being written is clean, and is not scanned (or counted)
   * again; any other object is, even a copy `sanitize()` handed out (its owner may have changed it since).
   */
  filterObject(value: object): unknown {
    if (!this.scansInEncoder() || isCopyOfPass(value, this.rules, this.pass)) return value;
    // Stryker disable next-line BooleanLiteral: equivalent, a new pass only makes filterObject scan this entry's clean copies again
    const scanner = this.acquire(false);
    try {
      const out = scanner.scan(value);
      if (scanner.foundCount > 0) this.metrics.redacted(scanner.found, scanner.foundCount);
      return out;
    // Stryker disable next-line BlockStatement: equivalent, a scanner left busy only makes the next call take a fresh one
    } finally {
      this.release(scanner);
    }
  }

  /** Sanitizes one value outside logging, with the same rules; counts nothing. */
  sanitize(value: unknown): unknown {
    // Stryker disable next-line BooleanLiteral: equivalent, the pass only lets filterObject skip copies this filter made; what reaches it here was scanned in full
    const scanner = this.acquire(true);
    try {
      const wildcard = this.rules.paths?.wildcard;
      return scanner.scan(wildcard === undefined ? value : wildcard(value, scanner));
    // Stryker disable next-line BlockStatement: equivalent, a scanner left busy only makes the next call take a fresh one
    } finally {
      this.release(scanner);
    }
  }

  /**
   * A key/value list with its secrets replaced; where the first one was is left in `listOffender`. Without
   * `deep`, values are not scanned (the encoders' filterObject calls do it): only paths and odd keys apply.
   */
  private list(kv: readonly unknown[], scanner: Scanner, deep: boolean): readonly unknown[] {
    const { paths, keyNames } = this.rules;
    if (paths === undefined && keyNames === undefined && deep) return this.valuesOnly(kv, scanner);
    const strings = scanner.detects;
    let copy: unknown[] | undefined;
    let offender: Offender | undefined;
    for (let i = 0; i < kv.length; i += 2) {
      const key = kv[i];
      let mark = scanner.foundCount;
      // A key is normally a constant string, which only detectors look at (a value passed where its key
      // belongs, as in an odd list, is written as a key); anything else (even a Secret) is scanned as a value.
      if (typeof key !== 'string' || strings) {
        const cleanKey = scanner.scan(key);
        if (cleanKey !== key) {
          (copy ??= kv.slice())[i] = cleanKey;
          offender ??= this.offender(undefined, i, scanner, mark);
          mark = scanner.foundCount;
        }
      }
      // Stryker disable next-line ArithmeticOperator: equivalent, past the end the value is undefined, which no rule redacts
      if (i + 1 >= kv.length) break;
      const before = kv[i + 1];
      let after: unknown;
      try {
        after = this.pairValue(key, before, scanner, deep);
      } catch {
        // A value no rule could read (a revoked Proxy, a throwing getter on a path): withheld, the rest kept.
        scanner.foundCount = mark;
        after = scanner.redact(UNREADABLE);
      }
      if (after === before) continue;
      (copy ??= kv.slice())[i + 1] = after;
      offender ??= this.offender(key, undefined, scanner, mark);
    }
    this.listOffender = offender;
    return copy ?? kv;
  }

  /** The value of a pair after key names, paths and (when `deep`) the scanner. */
  private pairValue(key: unknown, value: unknown, scanner: Scanner, deep: boolean): unknown {
    const { paths, keyNames } = this.rules;
    const named = keyNames !== undefined && typeof key === 'string' ? keyNames(key) : undefined;
    // The same emptiness rule as for a nested key of that name (an empty list is not a secret).
    if (named !== undefined && !isEmpty(value)) return scanner.redact(named);
    let after = value;
    if (paths !== undefined) {
      const apply = paths.forKey(key);
      if (apply !== undefined) after = apply(after, scanner);
    }
    return deep ? scanner.scan(after) : after;
  }

  /**
   * {@link list} when no rule looks at keys (no paths, no key names): only objects, and strings if
   * detectors are on, need a look, keys included (a key is scanned as a value).
   */
  private valuesOnly(kv: readonly unknown[], scanner: Scanner): readonly unknown[] {
    const strings = scanner.detects;
    let copy: unknown[] | undefined;
    let offender: Offender | undefined;
    for (let i = 0; i < kv.length; i++) {
      const before = kv[i];
      if (typeof before === 'object' ? before === null : typeof before !== 'string' || !strings) continue;
      const mark = scanner.foundCount;
      const after = scanner.scan(before);
      if (after === before) continue;
      (copy ??= kv.slice())[i] = after;
      offender ??= i % 2 === 0 ? this.offender(undefined, i, scanner, mark) : this.offender(kv[i - 1], undefined, scanner, mark);
    }
    this.listOffender = offender;
    return copy ?? kv;
  }

  /** Where a secret was found (block and drop modes name it); kinds are those found since `mark`. */
  private offender(key: unknown, keyIndex: number | undefined, scanner: Scanner, mark: number): Offender {
    // Stryker disable next-line StringLiteral: equivalent, in redact mode the offender only says that something was found
    return this.rules.mode === 'redact' ? FOUND : { key, keyIndex, kinds: sortedKinds(scanner, mark) };
  }

  private stoppedByBound(entry: Entry): Offender | undefined {
    const lists = entry.bound?.filtered;
    if (lists === undefined) return undefined;
    for (const list of lists) {
      const offender = this.offendingLists.get(list);
      if (offender !== undefined) return offender;
    }
    return undefined;
  }

  private takePending(): Offender | undefined {
    const pending = this.pendingLegacy;
    this.pendingLegacy = undefined;
    return pending;
  }

  private stop(entry: Entry, offender: Offender, err: unknown): Entry | undefined {
    if (this.rules.mode === 'drop') {
      this.metrics.stopped(offender.kinds, 'dropped');
      return undefined;
    }
    this.metrics.stopped(offender.kinds, 'blocked');
    return blockedEntry(entry, offender, err);
  }

  /**
   * The shared scanner, or a fresh one if a getter logged while it was busy (re-entry). `newPass`: a new
   * entry, bound list, legacy call or sanitize() begins, and its copies are told apart from earlier ones.
   */
  private acquire(newPass: boolean): Scanner {
    const shared = this.scanner;
    const scanner = shared.busy ? new Scanner(this.rules) : shared;
    scanner.busy = true;
    scanner.foundCount = 0;
    if (newPass) this.pass++;
    scanner.pass = this.pass;
    return scanner;
  }

  private release(scanner: Scanner): void {
    scanner.busy = false;
  }
}
