/**
 * @klog-ts/otel/logs: the logs bridge. `configure({ sink: otelLogsSink() })` emits every klog-ts entry, after
 * the filter stage, as an OpenTelemetry LogRecord through `@opentelemetry/api-logs`. See the package README.
 */
export { otelLogsSink, type OtelLogsSinkOptions } from './otel-logs-sink.js';
export { severityNumber, severityText } from './severity.js';
export { anyValue } from './any-value.js';
