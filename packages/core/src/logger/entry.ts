import type { CallSite } from '../caller/call-site.js';
import type { BoundValues } from './bound-values.js';
import type { Severity } from './severity.js';

/**
 * One log call, as it travels from a Logger through the filters to an encoder or a backend.
 * Filters (the sanitizer) may return a changed copy; they never mutate an entry.
 */
export interface Entry {
  /** `I`, `W`, `E` or `F`. */
  readonly severity: Severity;
  /** The V level of an info entry (0 for `infoS`); errors have none in the JSON format. */
  readonly verbosity: number;
  /** The message, as given (legacy calls: already formatted). */
  readonly message: string;
  /** True for `errorS`/`error` entries: they carry `err` (which may be nil). */
  readonly isError: boolean;
  /** The error of an error entry; `null` or `undefined` is a nil error (no `err` key). */
  readonly err: unknown;
  /** The logger's name (`withName` parts joined with `.`), or undefined. */
  readonly name: string | undefined;
  /** Values bound with `withValues`, already filtered when they were bound. */
  readonly bound: BoundValues | undefined;
  /**
   * The call-site key/value pairs, as passed (possibly odd, possibly with non-string keys); from the filter
   * stage on, preceded by the context values hook's pairs (see setContextValuesHook).
   */
  readonly kv: readonly unknown[];
  /** Epoch milliseconds (an integer) and the nanoseconds within that millisecond. */
  readonly timeMs: number;
  /** Nanoseconds within `timeMs` (0 to 999999), from a bigint clock or a fractional reading. */
  readonly timeNs: number;
  /** Where the call was made, or undefined with `caller: false` (or when V8 could not tell). */
  readonly caller: CallSite | undefined;
  /** Legacy unstructured call (`info`, `infof`, …): the message is printed raw, not quoted. */
  readonly legacy: boolean;
}
