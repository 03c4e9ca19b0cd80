import type { LogRecord } from './log-record.js';
import type { ParseError } from './parse-error.js';

/**
 * What a reader yields for each record of its input, in input order: the record, or the error that stopped
 * it. `line` is the 1-based line where it starts; `raw` its text as read (lines joined by LF, no final LF).
 */
export type ReadItem =
  | { readonly ok: true; readonly record: LogRecord; readonly line: number; readonly raw: string }
  | { readonly ok: false; readonly error: ParseError; readonly line: number; readonly raw: string };
