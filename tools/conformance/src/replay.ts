import {
  background,
  configure,
  createLogger,
  errorf,
  errorS,
  info,
  infof,
  infoln,
  infoS,
  V,
  warningf,
  withCallSite,
  type CallSite,
  type Logger,
  type LoggerOptions,
  type Output,
} from '@klog-ts/core';
import { callsOf, type CaseCall, type ConformanceCase } from './case-file.js';
import { decodeValue } from './decode-value.js';

export type CaseFormat = 'text' | 'json';

/** What replaying a case printed, and any expectation about it that did not hold (besides the bytes). */
export interface Replay {
  readonly actual: string;
  readonly problems: readonly string[];
}

/** A call the runner cannot replay: an unknown `via` or `kind`. */
export class UnsupportedCallError extends Error {
  override name = 'UnsupportedCallError';
}

const DEFAULT_TIME = '2024-01-01T00:00:00Z';
const HEADER_LOCATION = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} .{7} (\S+):(\d+)\] /;

/** Epoch nanoseconds of an RFC 3339 time with up to nine fraction digits (Date keeps only three). */
export function epochNanos(rfc3339: string): bigint {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(.*)$/.exec(rfc3339);
  const seconds = Date.parse(`${match?.[1] ?? rfc3339}${match?.[3] ?? ''}`);
  if (Number.isNaN(seconds)) throw new Error(`config.time ${JSON.stringify(rfc3339)} is not an RFC 3339 time`);
  return BigInt(seconds) * 1_000_000n + BigInt((match?.[2] ?? '').padEnd(9, '0'));
}

/** Where klog-format.md says the recorded calls were made: the Go driver's `oracle/main.go`. */
const DRIVER_FILE = '/go/src/oracle/main.go';

/**
 * The call site the Go driver had, which a JavaScript replay cannot have: the textlogger's backtrace
 * option when the case sets one, else the location printed in the expected header (the text analogue
 * of the JSON files' `<CALLER>`), else the driver's file. Under test are its rendering (base name or
 * `dir/file`) and -vmodule, which matches the caller's file name.
 */
function recordedCallSite(testCase: ConformanceCase): CallSite {
  const { config } = testCase;
  if (config.backtrace_file !== undefined) return { file: config.backtrace_file, line: config.backtrace_line ?? 0 };
  const match = HEADER_LOCATION.exec(testCase.expected_text);
  if (match === null) return { file: DRIVER_FILE, line: 0 };
  const file = match[1].includes('/') ? `/go/src/${match[1]}` : `/go/src/oracle/${match[1]}`;
  return { file, line: Number(match[2]) };
}

function decodeList(list: unknown[] | undefined): unknown[] {
  return (list ?? []).map(decodeValue);
}

function decodeErr(err: unknown): unknown {
  if (err === null || err === undefined) return null;
  return typeof err === 'string' ? new Error(err) : decodeValue(err);
}

function loggerFor(call: CaseCall, base: Logger): Logger {
  let logger = base;
  for (const name of call.withName ?? []) logger = logger.withName(name);
  for (const list of call.withValues ?? []) logger = logger.withValues(...decodeList(list));
  return logger;
}

/** Makes one call through the public API; returns the V check's answer where the call has one. */
function makeCall(call: CaseCall, textlogger: Logger | undefined): boolean | undefined {
  const msg = call.msg ?? '';
  const kv = decodeList(call.kv);
  const level = call.verbosity ?? 0;
  if (call.via === 'klog') {
    switch (call.kind) {
      case 'info': infoS(msg, ...kv); return undefined;
      case 'error': errorS(decodeErr(call.err), msg, ...kv); return undefined;
      case 'v': V(level).infoS(msg, ...kv); return V(level).enabled();
      case 'v_error': V(level).errorS(decodeErr(call.err), msg, ...kv); return V(level).enabled();
      case 'infof': infof(call.format ?? '', ...decodeList(call.args)); return undefined;
      case 'info_legacy': info(...decodeList(call.args)); return undefined;
      case 'infoln': infoln(...decodeList(call.args)); return undefined;
      case 'warningf': warningf(call.format ?? '', ...decodeList(call.args)); return undefined;
      case 'errorf': errorf(call.format ?? '', ...decodeList(call.args)); return undefined;
    }
  } else if (call.via === 'logr' || call.via === 'textlogger') {
    const logger = loggerFor(call, call.via === 'logr' ? background() : textlogger!).V(level);
    switch (call.kind) {
      case 'info': logger.info(msg, ...kv); return logger.enabled();
      case 'error': logger.error(decodeErr(call.err), msg, ...kv); return undefined;
    }
  }
  throw new UnsupportedCallError(`unsupported call via=${JSON.stringify(call.via)} kind=${JSON.stringify(call.kind)}`);
}

/**
 * Infers a case file's format when none is given: text cases set `headers` in their config; JSON cases
 * do not, and their records start with `{"ts":`.
 */
export function inferFormat(cases: readonly ConformanceCase[]): CaseFormat {
  if (cases.some((testCase) => testCase.config.headers !== undefined)) return 'text';
  return cases.some((testCase) => testCase.expected_text.startsWith('{"ts":')) ? 'json' : 'text';
}

/**
 * Replays a case through klog-ts's public API, in the given format, and returns what it printed.
 * `unsafeRawText` overrides the case's own setting (default: klog-ts's default, the safe layout).
 */
export function replayCase(testCase: ConformanceCase, format: CaseFormat, unsafeRawText = testCase.config.unsafe_raw_text ?? false): Replay {
  const { config } = testCase;
  let actual = '';
  const output: Output = { write: (text) => void (actual += text), flush: () => undefined };
  const time = epochNanos(config.time ?? DEFAULT_TIME);
  const options: LoggerOptions = {
    format,
    verbosity: config.v ?? 0,
    vmodule: config.vmodule ?? '',
    headers: config.headers ?? false,
    addDirHeader: config.add_dir_header ?? false,
    unsafeRawText,
    pid: config.pid ?? 0,
    clock: () => time,
    caller: true,
    output,
  };
  configure(options);
  const textlogger = callsOf(testCase).some((call) => call.via === 'textlogger') ? createLogger(options) : undefined;
  const problems: string[] = [];
  const run = (): void => {
    for (const call of callsOf(testCase)) {
      const enabled = makeCall(call, textlogger);
      if (testCase.enabled !== undefined && enabled !== undefined && enabled !== testCase.enabled) {
        problems.push(`enabled() returned ${enabled}, klog reported ${testCase.enabled}`);
      }
    }
  };
  withCallSite(recordedCallSite(testCase), run);
  return { actual: format === 'json' ? maskCaller(actual) : actual, problems };
}

/** The JSON files replace each record's caller with `<CALLER>`; do the same to ours. */
function maskCaller(output: string): string {
  return output
    .split('\n')
    .map((record) => record.replace(/"caller":"(?:[^"\\]|\\.)*"/, '"caller":"<CALLER>"'))
    .join('\n');
}
