import pino from 'pino';
import { formatCallerJSON } from '../caller/call-site.js';
import { formatPlain } from '../go/fmt-value.js';
import type { EntrySink } from '../logger/entry-sink.js';
import type { Entry } from '../logger/entry.js';
import { errorText } from '../protocols/error-text.js';
import { isLogMarshaler, marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';

/** The part of a pino logger the backend uses. */
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
  /** Called by klog-ts's `flush()`. */
  flush?(): void;
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
  try {
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (typeof value === 'object' && value !== null && !(value instanceof Error) && isLogMarshaler(value)) return pinoValue(value[marshalLog]());
    return value;
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
}

/** The keys pino writes in every line with its default options, for a PinoLike that is not pino itself. */
const PINO_KEYS = ['level', 'time', 'pid', 'hostname', 'msg'];
/** Where a clashing key goes: logrus's rule (`fields.level`), so that no value is dropped or duplicated. */
const CLASH_PREFIX = 'fields.';

/** The keys of pino's pre-serialized `,"pid":1,"hostname":"h",…` fragments (bindings, timestamp). */
function fragmentKeys(fragment: unknown): string[] {
  if (typeof fragment !== 'string' || !fragment.startsWith(',')) return [];
  return Object.keys(JSON.parse(`{${fragment.slice(1)}}`) as object);
}

/**
 * The keys a klog key must not take: those the pino logger writes itself, read from the logger (its level
 * key, timestamp key, message key, and base and child bindings such as `pid` and `hostname`), unless pino
 * nests the merged object under a key of its own (`nestedKey`), where nothing can clash.
 */
function reservedKeys(pinoLogger: PinoLike): ReadonlySet<string> {
  const own = pinoLogger as unknown as Record<symbol, unknown>;
  const messageKey = own[pino.symbols.messageKeySym];
  if (typeof messageKey !== 'string') return new Set(PINO_KEYS);
  if (typeof own[pino.symbols.nestedKeySym] === 'string') return new Set();
  try {
    const time = own[pino.symbols.timeSym];
    return new Set(['level', messageKey, ...fragmentKeys(typeof time === 'function' ? (time as () => unknown)() : ''), ...fragmentKeys(own[pino.symbols.chindingsSym])]);
  } catch {
    // A custom timestamp or serializer that does not give JSON: assume the defaults.
    return new Set([...PINO_KEYS, messageKey]);
  }
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

/** Errors and fatal entries carry no V level, as in klog's JSON format. */
function hasVerbosity(entry: Entry): boolean {
  return entry.severity !== 'E' && entry.severity !== 'F';
}

function hasError(entry: Entry): boolean {
  return entry.isError && entry.err !== null && entry.err !== undefined;
}

function addPairs(record: Record<string, unknown>, kv: readonly unknown[], reserved: ReadonlySet<string>, entry: Entry): void {
  for (let i = 0; i < kv.length; i += 2) {
    let key = typeof kv[i] === 'string' ? (kv[i] as string) : formatPlain(kv[i], 's');
    if (reserved.has(key) || isSinkKey(key, entry)) key = CLASH_PREFIX + key;
    // Among klog's own pairs, as in klog, the last one wins.
    record[key] = i + 1 < kv.length ? pinoValue(kv[i + 1]) : '(MISSING)';
  }
}

/**
 * A backend that routes klog-ts entries into an existing pino logger (klog's SetLogger with zapr), so a
 * team on pino keeps its transports and redaction: `configure({ sink: pinoSink(pino()) })`. Entries pass
 * klog-ts's filter first. The record holds `v`, `logger`, `caller`, the bound and call-site pairs, and
 * `err` (pino's error serializer applies to Error values); the message is pino's `msg`. A klog key that
 * would clash with a key pino or the sink writes (`msg`, `level`, `time`, `pid`, `hostname`, `v`,
 * `logger`, `caller`, `err`) is written as `fields.<key>`, as logrus does: pino would otherwise write the
 * key twice, and a JSON reader would take the second `level` or `time` for the real one.
 */
export function pinoSink(pinoLogger: PinoLike): EntrySink {
  const reserved = reservedKeys(pinoLogger);
  return {
    writeEntry(entry) {
      const level = levelOf(entry);
      if (pinoLogger.isLevelEnabled?.(level) === false) return;
      const record: Record<string, unknown> = {};
      if (hasVerbosity(entry)) record.v = entry.verbosity;
      if (entry.name !== undefined) record.logger = entry.name;
      if (entry.caller !== undefined) record.caller = formatCallerJSON(entry.caller);
      for (const list of entry.bound?.values ?? []) addPairs(record, list, reserved, entry);
      addPairs(record, entry.kv, reserved, entry);
      if (hasError(entry)) {
        record.err = entry.err instanceof Error ? entry.err : errorText(entry.err);
      }
      pinoLogger[level](record, entry.message);
    },
    flush() {
      pinoLogger.flush?.();
    },
  };
}
