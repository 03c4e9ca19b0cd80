/**
 * @klog-ts/core/format: pieces of the two output formats, exactly as the encoders write them, for code that
 * reads or converts logs (`@klog-ts/ingest`) and must agree with the logger byte for byte. Not needed to log.
 */
export { formatFloatF } from '../go/float.js';
export { quote } from '../go/quote.js';
/** A `"key":value` field of the JSON format, and a JSON string as zap writes it. */
export { jsonField } from '../json/json-field.js';
export { zapString } from '../json/zap-string.js';
/** The value after `key=` in the text format, and the text header (`Lmmdd hh:mm:ss.uuuuuu pid file:line] `). */
export { textValue } from '../text/text-value.js';
export { TextHeader } from '../text/text-header.js';
/** A clock reading as integer epoch milliseconds and the nanoseconds within the millisecond. */
export { splitTime } from '../time/clock.js';
