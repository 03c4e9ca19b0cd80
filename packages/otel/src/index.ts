/**
 * @klog-ts/otel: OpenTelemetry trace correlation for klog-ts. `enableTraceCorrelation()` makes every entry
 * logged inside a span carry its `trace_id`, `span_id` and `trace_flags`. The logs bridge is
 * `@klog-ts/otel/logs`. See the package README.
 */
export {
  DEFAULT_TRACE_KEYS,
  disableTraceCorrelation,
  enableTraceCorrelation,
  traceCorrelationKeys,
  type TraceCorrelationOptions,
  type TraceKeys,
} from './trace-correlation.js';
