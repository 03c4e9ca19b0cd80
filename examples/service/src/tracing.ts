import { context, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { enableTraceCorrelation } from '@klog-ts/otel';

/**
 * The service's OpenTelemetry set-up, as a real service's (NodeSDK does the same with an exporter): the
 * AsyncLocalStorage context manager, so that each request's async work keeps its own span, a tracer
 * provider, and `@klog-ts/otel`'s trace correlation, so that every entry logged inside a span carries
 * `trace_id`, `span_id` and `trace_flags`. Spans are not exported anywhere: this example only logs.
 */
export function startTracing(): Tracer {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider());
  enableTraceCorrelation();
  return trace.getTracer('example-service');
}
