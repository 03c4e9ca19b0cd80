import { callerText, errorText, keyText, logValue, type Entry, type EntrySink } from '@klog-ts/core/sink';

/** The part of a pino logger the backend uses (pino's public API). */
export interface PinoLike {
  /** Receives V(5) and higher. */
  trace(obj: object, msg: string): void;
  /** Receives V(1) to V(4). */
  debug(obj: object, msg: string): void;
  /** Receives V(0) info entries. */
  info(obj: object, msg: string): void;
  /** Receives warnings (legacy `warning`, `warningf`, `warningln`). */
  warn(obj: object, msg: string): void;
  /** Receives error entries. */
  error(obj: object, msg: string): void;
  /** Receives fatal entries. */
  fatal(obj: object, msg: string): void;
  /** When present, a disabled pino level skips building the record. */
  isLevelEnabled?(level: string): boolean;
  /** A child logger's bindings (keys pino writes in every line of it). */
  bindings?(): Record<string, unknown>;
  /** Called by klog-ts's `flush()`. */
  flush?(): void;
}

/** What the sink cannot read from a pino logger's public API: how it was created. */
export interface PinoSinkOptions {
  /** The `messageKey` the pino logger was created with. Default `msg`. */
  readonly messageKey?: string;
  /** The `nestedKey` it was created with, if any: klog's pairs are then nested under it and nothing clashes. */
  readonly nestedKey?: string;
  /**
   * The other keys pino writes in every line: its timestamp key and the `base` fields. Default `time`,
   * `pid`, `hostname` (pino's defaults). A child logger's bindings are added from `bindings()`.
   */
  readonly reservedKeys?: readonly string[];
}

type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** klog severities and V levels as pino levels: V(0) info, V(1–4) debug, V(5+) trace. */
function levelOf(entry: Entry): PinoLevel {
  switch (entry.severity) {
    case 'F': return 'fatal';
    case 'E': return 'error';
    case 'W': return 'warn';
    default: return entry.verbosity === 0 ? 'info' : entry.verbosity < 5 ? 'debug' : 'trace';
  }
}

/** A value as pino should see it: log marshalers (ObjectRef, KObjSlice, Secret) applied, bigints made JSON-safe. */
function pinoValue(value: unknown): unknown {
  const marshaled = logValue(value);
  if (typeof marshaled !== 'bigint') return marshaled;
  return Number.isSafeInteger(Number(marshaled)) ? Number(marshaled) : marshaled.toString();
}

/** Where a clashing key goes: logrus's rule (`fields.level`), so that no value is dropped or duplicated. */
const CLASH_PREFIX = 'fields.';
const DEFAULT_RESERVED = ['time', 'pid', 'hostname'];

/** Errors and fatal entries carry no V level, as in klog's JSON format. */
function hasVerbosity(entry: Entry): boolean {
  return entry.severity !== 'E' && entry.severity !== 'F';
}

function hasError(entry: Entry): boolean {
  return entry.isError && entry.err !== null && entry.err !== undefined;
}

/** Whether the sink itself writes `key` in this entry's record (`v`, `logger`, `caller`, `err`). */
function isSinkKey(key: string, entry: Entry): boolean {
  switch (key) {
    case 'v': return hasVerbosity(entry);
    case 'logger': return entry.name !== undefined;
    case 'caller': return entry.caller !== undefined;
    case 'err': return hasError(entry);
    default: return false;
  }
}

function addPairs(record: Record<string, unknown>, kv: readonly unknown[], reserved: ReadonlySet<string>, entry: Entry): void {
  for (let i = 0; i < kv.length; i += 2) {
    let key = keyText(kv[i]);
    if (reserved.has(key) || isSinkKey(key, entry)) key = CLASH_PREFIX + key;
    // Among klog's own pairs, as in klog, the last one wins. Defined, so that a `__proto__` key stays a key.
    Object.defineProperty(record, key, { value: i + 1 < kv.length ? pinoValue(kv[i + 1]) : '(MISSING)', enumerable: true, writable: true, configurable: true });
  }
}

function reservedKeys(pinoLogger: PinoLike, options: PinoSinkOptions): ReadonlySet<string> {
  if (options.nestedKey !== undefined) return new Set();
  let bindings: string[] = [];
  try {
    bindings = Object.keys(pinoLogger.bindings?.() ?? {});
  } catch {
    // A PinoLike whose bindings() fails: its bindings are unknown, the rest still applies.
  }
  return new Set(['level', options.messageKey ?? 'msg', ...(options.reservedKeys ?? DEFAULT_RESERVED), ...bindings]);
}

/**
 * A backend that routes klog-ts entries into an existing pino logger (klog's SetLogger with zapr), so a team
 * on pino keeps its transports and redaction: `configure({ sink: pinoSink(pino()) })`. Entries pass
 * klog-ts's filter stage first. The record holds `v`, `logger`, `caller`, the bound pairs (as they were
 * when bound) and the call-site pairs, and `err` (pino's error serializer applies to Error values); the
 * message is pino's message. A klog key that would clash with a key pino or the sink writes (`msg`,
 * `level`, `time`, `pid`, `hostname`, a child's bindings, `v`, `logger`, `caller`, `err`) is written as
 * `fields.<key>`, as logrus does: pino would otherwise write the key twice, and a JSON reader would take the
 * second `level` or `time` for the real one. Only pino's public API is used, so the options say how the
 * logger was created where that matters (a custom `messageKey`, timestamp key or `base`).
 */
export function pinoSink(pinoLogger: PinoLike, options: PinoSinkOptions = {}): EntrySink {
  const reserved = reservedKeys(pinoLogger, options);
  return {
    writeEntry(entry) {
      const level = levelOf(entry);
      if (pinoLogger.isLevelEnabled?.(level) === false) return;
      const record: Record<string, unknown> = {};
      if (hasVerbosity(entry)) record.v = entry.verbosity;
      if (entry.name !== undefined) record.logger = entry.name;
      if (entry.caller !== undefined) record.caller = callerText(entry.caller);
      for (const list of entry.bound?.values ?? []) addPairs(record, list, reserved, entry);
      addPairs(record, entry.kv, reserved, entry);
      if (hasError(entry)) record.err = entry.err instanceof Error ? entry.err : errorText(entry.err);
      pinoLogger[level](record, entry.message);
    },
    flush() {
      pinoLogger.flush?.();
    },
  };
}
