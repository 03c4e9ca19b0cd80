import { createLogger, KObjSlice, withCallSite, type Logger, type LogFormat } from '@klog-ts/core';
import { isRefList } from './is-ref-list.js';
import type { LogRecord } from './log-record.js';

/**
 * The record's pairs as a call's key/value list; lists of references print as KObjSlice does. What the
 * reader could not read comes last, as the pair `unparsed`.
 */
function callValues(record: LogRecord): unknown[] {
  const list: unknown[] = [];
  for (const [key, value] of record.kv) list.push(key, isRefList(value) ? KObjSlice(value) : value);
  if (record.unparsed !== undefined) list.push('unparsed', record.unparsed);
  return list;
}

function unusedCallSiteMarker(): void {}

/**
 * The logger clock for a record's time. A text time is whole microseconds: rounding recovers the one its
 * header had (µs since 1970 fit a double exactly). A JSON `ts` is float64(UnixNano)/1e6, about 0.25 µs
 * coarse: when it is exactly what a whole microsecond gives, that microsecond is used (so text → JSON →
 * text changes nothing); otherwise the float itself, which text truncates to the microsecond as klog does.
 */
function clockReading(record: LogRecord): number | bigint {
  const ts = record.ts;
  if (ts === undefined) return 0;
  const micros = Math.round(ts * 1000);
  const nanos = BigInt(micros) * 1000n;
  return record.format === 'text' || Number(nanos) / 1e6 === ts ? nanos : ts;
}

/**
 * Writes records in klog's text format or Kubernetes' JSON format, through klog-ts's own logger, so the
 * output is exactly what klog-ts (and klog) would print for the same call. What a format does not carry is
 * filled in: JSON gets `"v":0` for info records; text gets pid 0 for JSON records, `???:1` without a caller,
 * and no header for a record without a time. A record read in part gets its unread text as the last pair,
 * `unparsed`.
 */
export class RecordFormatter {
  readonly #format: LogFormat;
  #out = '';
  #time: number | bigint = 0;
  readonly #roots = new Map<string, Logger>();
  readonly #named = new Map<string, Logger>();
  #last: { pid: number; caller: boolean; headers: boolean; addDirHeader: boolean; name: string | undefined; logger: Logger } | undefined;

  constructor(format: LogFormat) {
    this.#format = format;
  }

  /** The bytes of one record (one line, or several for multi-line text values), ending in a line feed. */
  format(record: LogRecord): string {
    const timed = record.ts !== undefined;
    this.#time = clockReading(record);
    // A text caller with a directory was written with -add_dir_header; a JSON caller always has one.
    const addDir = record.format === 'text' && record.caller?.file.includes('/') === true;
    const logger = this.#logger(record.pid ?? 0, record.caller !== undefined, timed || this.#format === 'json', addDir, record.logger);
    const severity = record.severity ?? (record.err === undefined ? 'I' : 'E');
    const isError = severity === 'E' || severity === 'F';
    const kv = callValues(record);
    if (!isError && record.err !== undefined) kv.push('err', record.err);
    const write = (): void =>
      logger.log(severity, record.v ?? 0, record.msg, isError ? record.err : undefined, isError, kv, record.unstructured, unusedCallSiteMarker);
    if (record.caller === undefined) write();
    else withCallSite(record.caller, write);
    const out = this.#out;
    this.#out = '';
    return out;
  }

  #logger(pid: number, caller: boolean, headers: boolean, addDirHeader: boolean, name: string | undefined): Logger {
    // Records in a row mostly share all of these: the last logger is kept at hand.
    const last = this.#last;
    if (last !== undefined && last.pid === pid && last.caller === caller && last.headers === headers && last.addDirHeader === addDirHeader && last.name === name) {
      return last.logger;
    }
    const logger = this.#lookup(pid, caller, headers, addDirHeader, name);
    this.#last = { pid, caller, headers, addDirHeader, name, logger };
    return logger;
  }

  #lookup(pid: number, caller: boolean, headers: boolean, addDirHeader: boolean, name: string | undefined): Logger {
    const key = `${pid}|${caller}|${headers}|${addDirHeader}`;
    let root = this.#roots.get(key);
    if (root === undefined) {
      root = createLogger({
        format: this.#format,
        output: { write: (text: string) => void (this.#out += text), flush: () => undefined },
        clock: () => this.#time,
        pid,
        caller,
        headers,
        addDirHeader,
      });
      this.#roots.set(key, root);
    }
    if (name === undefined) return root;
    const namedKey = `${key}|${name}`;
    let named = this.#named.get(namedKey);
    if (named === undefined) {
      named = root.withName(name);
      // A name per distinct logger of the input: few, but bounded all the same.
      if (this.#named.size > 10_000) this.#named.clear();
      this.#named.set(namedKey, named);
    }
    return named;
  }
}
