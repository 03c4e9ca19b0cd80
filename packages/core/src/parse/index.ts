/**
 * @klog-ts/core/parse: reads klog's text format and Kubernetes' JSON format back into one typed record, for
 * log pipelines and tools. A separate entry point, so services that only log never load it.
 * See docs/parsing.md.
 */
export type { JSONValue, KeyValue, LogRecord, LogValue, RecordCaller, RecordFormat } from './log-record.js';
export { ParseError, type ParseErrorCode } from './parse-error.js';
export type { ReadItem } from './read-item.js';
export type { HeaderTimeOptions } from './header-time.js';
export { DEFAULT_OBJECT_KEYS } from './object-keys.js';
export { parseText, type ParseResult } from './parse-text.js';
export type { TextParseOptions } from './text-parser.js';
export { parseJSON, type JSONParseOptions } from './parse-json.js';
export { RecordParser, type InputFormat, type ParseOptions } from './record-parser.js';
export { readRecordBatches, readRecords } from './read-records.js';
export { readLineBatches } from './read-lines.js';
export { RecordFormatter } from './record-formatter.js';
