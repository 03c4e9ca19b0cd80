import type { Severity } from '@klog-ts/core';
import type { HeaderTime } from './header-time.js';
import type { RecordCaller } from './log-record.js';
import { ScanProblem } from './parse-error.js';

/** The fields of a klog header and where the text after it starts. */
export interface Header {
  readonly severity: Severity;
  readonly ts: number;
  readonly pid: number;
  readonly caller: RecordCaller | undefined;
  /** The offset just after `] `. */
  readonly end: number;
}

// `Lmmdd hh:mm:ss.uuuuuu ppppppp file:line] `: the pid is right-aligned in 7 columns.
const HEADER = /^([IWEF])(\d{4} \d{2}:\d{2}:\d{2})\.(\d{6}) +(\d+) ([^\]]*?):(\d+)\] /;
const LOOKS_LIKE_HEADER = /^[IWEF]\d{4} /;

/** True when a line starts the way a klog header does (a record, even if its header turns out broken). */
export function looksLikeHeader(line: string): boolean {
  return LOOKS_LIKE_HEADER.test(line);
}

/**
 * Reads klog's header. `undefined` when the line has none; a ScanProblem when it starts like one but is
 * broken (truncated, an impossible date). `???:1`, klog's unknown caller, gives no caller.
 */
export function parseHeader(line: string, time: HeaderTime): Header | undefined {
  const match = HEADER.exec(line);
  if (match === null) {
    if (looksLikeHeader(line)) throw new ScanProblem('BAD_HEADER', 'malformed klog header', 0);
    return undefined;
  }
  const [whole, severity, second, micros, pid, file, callerLine] = match as unknown as [string, Severity, string, string, string, string, string];
  const secondMs = time.secondOf(second);
  if (secondMs === undefined) throw new ScanProblem('BAD_HEADER', `invalid date or time "${second}"`, 1);
  return {
    severity,
    // One rounding only, so the value is the nearest double to the exact microsecond.
    ts: (secondMs * 1000 + Number(micros)) / 1000,
    pid: Number(pid),
    caller: file === '???' && callerLine === '1' ? undefined : { file, line: Number(callerLine) },
    end: whole.length,
  };
}
