import type { LogRecord } from './log-record.js';
import { ParseError } from './parse-error.js';
import { parseLines, splitItems } from './record-parser.js';
import type { TextParseOptions } from './text-parser.js';

/** The records read from many lines, and an error for each record that could not be read. */
export interface ParseResult {
  readonly records: LogRecord[];
  readonly errors: ParseError[];
}

/** The one record of `text`, which may span lines (multi-line values) and may end with a line feed. */
function single(items: ReturnType<typeof parseLines>, text: string): LogRecord {
  const first = items[0];
  if (first === undefined) throw new ParseError('NOT_A_RECORD', 'empty input', 0, undefined, text);
  if (!first.ok) throw first.error;
  if (items.length > 1) throw new ParseError('NOT_A_RECORD', `more than one record (the second starts on line ${items[1].line})`, 0, undefined, text);
  return first.record;
}

/**
 * Reads klog's text format. Given a string, returns its one record (throwing a ParseError if it is not
 * exactly one record); given lines, returns every record and an error for each record it could not read.
 * A record may span lines: `key=<`, tab-prefixed lines, ` >`.
 *
 * @example parseText('I0307 09:05:03.012345   12345 main.go:331] "Pod status updated" pod="kube-system/kubedns"')
 */
export function parseText(text: string, options?: TextParseOptions): LogRecord;
export function parseText(lines: Iterable<string>, options?: TextParseOptions): ParseResult;
export function parseText(input: string | Iterable<string>, options: TextParseOptions = {}): LogRecord | ParseResult {
  if (typeof input === 'string') {
    const text = input.endsWith('\n') ? input.slice(0, -1) : input;
    return single(parseLines([text], { ...options, format: 'text' }), input);
  }
  return splitItems(parseLines(input, { ...options, format: 'text' }));
}
