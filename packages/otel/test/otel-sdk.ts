import { context, trace, type Span, type Tracer } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { AlwaysOffSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

/**
 * The real OpenTelemetry SDK as a service sets it up (once per test file): a tracer provider, the
 * AsyncLocalStorage context manager, and a logger provider exporting to memory.
 */
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider());
export const exporter = new InMemoryLogRecordExporter();
export const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
logs.setGlobalLoggerProvider(loggerProvider);

export const tracer: Tracer = trace.getTracer('klog-ts-test');
/** A tracer whose spans are not sampled (trace flags 00), with valid ids. */
export const unsampledTracer: Tracer = new BasicTracerProvider({ sampler: new AlwaysOffSampler() }).getTracer('unsampled');

/** Runs `fn` inside a new active span, ends the span, and returns what `fn` returned with the span. */
export function inSpan<T>(fn: (span: Span) => T, from: Tracer = tracer): { result: T; span: Span } {
  return from.startActiveSpan('operation', (span) => {
    try {
      return { result: fn(span), span };
    } finally {
      span.end();
    }
  });
}

/** The text pairs a span's ids are written as (default keys). */
export function idPairs(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `trace_id="${traceId}" span_id="${spanId}" trace_flags="${traceFlags.toString(16).padStart(2, '0')}"`;
}

/** The records exported since the last call. */
export function takeRecords(): ReadableLogRecord[] {
  const records = exporter.getFinishedLogRecords();
  exporter.reset();
  return records;
}
