/**
 * @klog-ts/ingest: reads klog's text format and Kubernetes' JSON format back into one typed record, for
 * log pipelines and tools, and writes records in either format. A package of its own, so services that only
 * log never install it. See docs/parsing.md.
 */
export type { JSONValue, KeyValue, LogRecord, LogValue, RecordCaller, RecordFormat } from './parse/log-record.js';
export { ParseError, type ParseErrorCode } from './parse/parse-error.js';
export type { ReadItem } from './parse/read-item.js';
export type { HeaderTimeOptions } from './parse/header-time.js';
export { DEFAULT_OBJECT_KEYS } from './parse/object-keys.js';
export { parseText, type ParseResult } from './parse/parse-text.js';
export type { TextParseOptions } from './parse/text-parser.js';
export { parseJSON, type JSONParseOptions } from './parse/parse-json.js';
export { RecordParser, type InputFormat, type ParseOptions } from './parse/record-parser.js';
export { readRecordBatches, readRecords } from './parse/read-records.js';
export { readLineBatches } from './parse/read-lines.js';
export { RecordFormatter } from './parse/record-formatter.js';
export { clickhouseRow, type ClickHouseRow } from './clickhouse/clickhouse-row.js';
