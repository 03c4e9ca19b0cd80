import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { logs, type Logger, type LoggerProvider } from '@opentelemetry/api-logs';
import type { EntrySink, Entry } from '@klog-ts/core/sink';
import { traceCorrelationKeys, type TraceKeys } from '../trace-correlation.js';
import { recordAttributes } from './record-attributes.js';
import { severityNumber, severityText } from './severity.js';

export interface OtelLogsSinkOptions {
  /** Where records go. Default: the global one (`logs.getLoggerProvider()`, set by the SDK or `logs.setGlobalLoggerProvider`). */
  readonly loggerProvider?: LoggerProvider;
  /** The instrumentation scope's name. Default `@klog-ts/otel`. */
  readonly name?: string;
  /** The instrumentation scope's version, if any. */
  readonly version?: string;
}

const NO_KEYS: ReadonlySet<string> = new Set();
const keySets = new WeakMap<TraceKeys, ReadonlySet<string>>();

/** The trace correlation keys, left out of the attributes while a span is active: the record carries its ids itself. */
function keysToSkip(): ReadonlySet<string> {
  const keys = traceCorrelationKeys();
  if (keys === undefined) return NO_KEYS;
  const span = trace.getSpan(context.active());
  if (span === undefined || !isSpanContextValid(span.spanContext())) return NO_KEYS;
  let set = keySets.get(keys);
  if (set === undefined) keySets.set(keys, (set = new Set([keys.traceId, keys.spanId, keys.traceFlags])));
  return set;
}

/** Nanoseconds since the epoch as OpenTelemetry's HrTime: whole seconds and the nanoseconds within them. */
function hrTime(entry: Entry): [number, number] {
  const seconds = Math.floor(entry.timeMs / 1000);
  return [seconds, (entry.timeMs - seconds * 1000) * 1_000_000 + entry.timeNs];
}

/** A legacy `…ln` call's message loses its final line feed, as in the JSON format. */
function body(entry: Entry): string {
  return entry.legacy && entry.message.endsWith('\n') ? entry.message.slice(0, -1) : entry.message;
}

/**
 * The logs bridge: an entry sink that emits every klog-ts entry, after the filter stage (so after the
 * sanitizer), as an OpenTelemetry LogRecord: `configure({ sink: otelLogsSink() })`. The record holds the
 * entry's time, its severity (see severityNumber), the message as body, the pairs as attributes, and the
 * trace context of the span active at the call. `flush()` asks the provider to export what it holds
 * (`forceFlush`, when it has one), without waiting for it.
 */
export function otelLogsSink(options: OtelLogsSinkOptions = {}): EntrySink {
  const provider = options.loggerProvider ?? logs.getLoggerProvider();
  const logger: Logger = provider.getLogger(options.name ?? '@klog-ts/otel', options.version);
  return {
    writeEntry(entry) {
      logger.emit({
        timestamp: hrTime(entry),
        severityNumber: severityNumber(entry),
        severityText: severityText(entry),
        body: body(entry),
        attributes: recordAttributes(entry, keysToSkip()),
      });
    },
    flush() {
      const forceFlush = (provider as { forceFlush?: () => Promise<unknown> }).forceFlush;
      if (typeof forceFlush === 'function') forceFlush.call(provider).catch(() => undefined);
    },
  };
}
