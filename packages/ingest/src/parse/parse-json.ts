import { jsonRecord } from './json-record.js';
import type { LogRecord } from './log-record.js';
import { ObjectKeys } from './object-keys.js';
import { ParseError, ScanProblem } from './parse-error.js';

/** Options of {@link parseJSON}. */
export interface JSONParseOptions {
  /** Keys whose values are object references (default {@link DEFAULT_OBJECT_KEYS}). */
  objectKeys?: Iterable<string>;
  /** Validation: a line that is not valid JSON is a ParseError. By default (false) one that starts a record is read up to where it breaks. */
  strict?: boolean;
}

const defaultKeys = new ObjectKeys();

/**
 * Reads one record of Kubernetes' JSON format (`{"ts":…,"caller":…,"msg":…,"v":…,…}`). Throws a ParseError
 * for a line from another logger (no number `ts` first, no string `msg`) or other invalid JSON; a line that
 * starts a record (`{"ts":` and a number) but breaks off is read up to there, the rest under `unparsed`
 * (with `strict`, it is a ParseError too).
 *
 * @example parseJSON('{"ts":1709802303012.3457,"caller":"app/main.go:331","msg":"Pod status updated","v":0,"pod":{"name":"kubedns","namespace":"kube-system"}}')
 */
export function parseJSON(line: string, options: JSONParseOptions = {}): LogRecord {
  const keys = options.objectKeys === undefined ? defaultKeys : new ObjectKeys(options.objectKeys);
  try {
    return jsonRecord(line, keys, options.strict === true);
  } catch (problem) {
    if (!(problem instanceof ScanProblem)) throw problem;
    throw new ParseError(problem.code, problem.reason, 0, problem.offset + 1, line);
  }
}
