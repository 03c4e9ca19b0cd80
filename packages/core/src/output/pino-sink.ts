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

function addPairs(record: Record<string, unknown>, kv: readonly unknown[]): void {
  for (let i = 0; i < kv.length; i += 2) {
    const key = typeof kv[i] === 'string' ? (kv[i] as string) : formatPlain(kv[i], 's');
    record[key] = i + 1 < kv.length ? pinoValue(kv[i + 1]) : '(MISSING)';
  }
}

/**
 * A backend that routes klog-ts entries into an existing pino logger (klog's SetLogger with zapr), so a
 * team on pino keeps its transports and redaction: `configure({ sink: pinoSink(pino()) })`. Entries pass
 * klog-ts's filter first. The record holds `v`, `logger`, `caller`, the bound and call-site pairs, and
 * `err` (pino's error serializer applies to Error values); the message is pino's `msg`.
 */
export function pinoSink(pinoLogger: PinoLike): EntrySink {
  return {
    writeEntry(entry) {
      const level = levelOf(entry);
      if (pinoLogger.isLevelEnabled?.(level) === false) return;
      const record: Record<string, unknown> = {};
      if (entry.severity !== 'E' && entry.severity !== 'F') record.v = entry.verbosity;
      if (entry.name !== undefined) record.logger = entry.name;
      if (entry.caller !== undefined) record.caller = formatCallerJSON(entry.caller);
      for (const list of entry.bound?.lists ?? []) addPairs(record, list);
      addPairs(record, entry.kv);
      if (entry.isError && entry.err !== null && entry.err !== undefined) {
        record.err = entry.err instanceof Error ? entry.err : errorText(entry.err);
      }
      pinoLogger[level](record, entry.message);
    },
    flush() {
      pinoLogger.flush?.();
    },
  };
}
