/**
 * @klog-ts/core/sink: what a backend that takes entries instead of bytes (an `EntrySink`, such as
 * `@klog-ts/pino`) needs to write them as klog-ts's own encoders would: the caller's JSON form, a key's
 * text, an error's text, and a value after its log marshaler. Entries reach a sink after the filter stage.
 */
export type { CallSite } from '../caller/call-site.js';
export { formatCallerJSON as callerText } from '../caller/call-site.js';
export type { Entry } from '../logger/entry.js';
export type { EntrySink } from '../logger/entry-sink.js';
export type { Severity } from '../logger/severity.js';
export type { BoundValues } from '../logger/bound-values.js';
export { errorText } from '../protocols/error-text.js';
export { keyText, logValue } from './sink-values.js';
