import { context, isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';
import { ConfigError, getContextValuesHook, setContextValuesHook, type ContextValuesHook } from '@klog-ts/core';

/** The keys an entry carries its span's ids under. */
export interface TraceKeys {
  /** The trace id, 32 lower-case hex digits. Default `trace_id`. */
  readonly traceId: string;
  /** The span id, 16 lower-case hex digits. Default `span_id`. */
  readonly spanId: string;
  /** The W3C trace flags, 2 hex digits (`01`: sampled). Default `trace_flags`. */
  readonly traceFlags: string;
}

/**
 * OpenTelemetry's names for trace context in a log format that is not OTLP ("Trace Context in non-OTLP Log
 * Formats"), which its collector's parsers, Loki, Grafana, Elastic and Datadog's OTel pipelines read, and
 * which OpenTelemetry's own pino, winston and bunyan instrumentations write.
 */
export const DEFAULT_TRACE_KEYS: TraceKeys = Object.freeze({ traceId: 'trace_id', spanId: 'span_id', traceFlags: 'trace_flags' });

export interface TraceCorrelationOptions {
  /** Other keys for the ids (each a non-empty string, all different); the rest keep their defaults. */
  readonly keys?: Partial<TraceKeys>;
}

/** Marks the hook this package installs (whichever copy of it did), and carries its keys for the logs bridge. */
const KEYS = Symbol.for('klog-ts.otel.trace-keys');

type CorrelationHook = ContextValuesHook & { readonly [KEYS]: TraceKeys };

function traceKeys(options: TraceCorrelationOptions): TraceKeys {
  if (typeof options !== 'object' || options === null) throw new ConfigError('trace correlation options', options, 'must be an object');
  const keys = { ...DEFAULT_TRACE_KEYS, ...options.keys };
  for (const [name, key] of Object.entries(keys)) {
    if (typeof key !== 'string' || key === '') throw new ConfigError(`trace correlation key ${name}`, key, 'must be a non-empty string');
  }
  if (new Set(Object.values(keys)).size !== 3) throw new ConfigError('trace correlation keys', keys, 'must be three different keys');
  return Object.freeze(keys);
}

function flagsText(flags: number): string {
  return (flags & 0xff).toString(16).padStart(2, '0');
}

/** The hook: the active span's ids, the same frozen list for every entry of a span (no allocation per entry). */
function correlationHook(keys: TraceKeys): CorrelationHook {
  let spanContext: SpanContext | undefined;
  let pairs: readonly unknown[] | undefined;
  const hook = (): readonly unknown[] | undefined => {
    const span = trace.getSpan(context.active());
    if (span === undefined) return undefined;
    const current = span.spanContext();
    if (current !== spanContext) {
      spanContext = current;
      pairs = isSpanContextValid(current) ? Object.freeze([keys.traceId, current.traceId, keys.spanId, current.spanId, keys.traceFlags, flagsText(current.traceFlags)]) : undefined;
    }
    return pairs;
  };
  return Object.assign(hook, { [KEYS]: keys });
}

function isCorrelationHook(hook: ContextValuesHook | undefined): hook is CorrelationHook {
  return hook !== undefined && KEYS in hook;
}

/**
 * Makes every entry logged while an OpenTelemetry span is active carry its ids: `trace_id`, `span_id` and
 * `trace_flags` (see {@link DEFAULT_TRACE_KEYS}), through every logger, format and sink. It installs
 * `@klog-ts/core`'s context values hook, so the ids pass the filter stage like any other pair. Calling it
 * again changes the keys; it refuses to replace a context values hook that something else installed.
 */
export function enableTraceCorrelation(options: TraceCorrelationOptions = {}): void {
  const keys = traceKeys(options);
  const installed = getContextValuesHook();
  if (installed !== undefined && !isCorrelationHook(installed)) {
    throw new ConfigError('context values hook', installed, 'another one is installed; @klog-ts/otel does not replace it (remove it with setContextValuesHook(undefined) first)');
  }
  setContextValuesHook(correlationHook(keys));
}

/** Stops adding span ids to entries (removes the hook {@link enableTraceCorrelation} installed, and only that one). */
export function disableTraceCorrelation(): void {
  if (isCorrelationHook(getContextValuesHook())) setContextValuesHook(undefined);
}

/** The keys entries carry span ids under, or undefined while trace correlation is off. */
export function traceCorrelationKeys(): TraceKeys | undefined {
  const installed = getContextValuesHook();
  return isCorrelationHook(installed) ? installed[KEYS] : undefined;
}
