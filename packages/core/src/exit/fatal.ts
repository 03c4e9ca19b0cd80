import { background } from '../klog.js';
import { legacyMessage, type LegacyStyle } from '../logger/legacy-message.js';
import { EXIT_FLUSH_TIMEOUT_MS, flushAndExit } from './flush-and-exit.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- identifies a public API frame.
type AnyFunction = Function;

/** klog's exit status after Fatal (C++'s -1, as a byte). */
const FATAL_EXIT_CODE = 255;
/** klog's exit status after Exit. */
const EXIT_CODE = 1;

/**
 * The stack of the code that called `api`, one frame a line without the `Error` line: V8's frames (up to
 * `Error.stackTraceLimit`), the Node equivalent of the goroutine dump klog writes after a Fatal.
 */
function callerStack(api: AnyFunction): string {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, api);
  const lines = (holder.stack ?? '').split('\n').slice(1).map((line) => line.trim());
  return lines.length === 0 ? '(no frames)' : lines.join('\n');
}

/**
 * klog's Fatal and Exit: a legacy entry with severity F through the global logger, for `fatal` a second F
 * entry with the caller's stack, then every output flushed and the process ended with `code`.
 */
function fatalEntry(style: LegacyStyle, format: unknown, args: readonly unknown[], withStack: boolean, code: number, api: AnyFunction): never {
  const logger = background();
  // As Kubernetes' JSON logger writes klog's Fatal (through logr's Info): `"v":0`, no `err`.
  logger.log('F', 0, legacyMessage(style, format, args), undefined, false, [], true, api);
  if (withStack) logger.log('F', 0, 'Stack of the fatal call', undefined, false, ['stack', callerStack(api)], false, api);
  flushAndExit(EXIT_FLUSH_TIMEOUT_MS, code);
}

/**
 * klog's Fatal: writes the arguments (fmt.Sprint) with severity F, then an F entry holding the caller's
 * stack, flushes every output and exits with status 255. Structured code logs `errorS` and calls
 * {@link flushAndExit} instead (see the README).
 */
export function fatal(...args: unknown[]): never {
  fatalEntry('print', '', args, true, FATAL_EXIT_CODE, fatal);
}

/** klog's Fatalf: {@link fatal} with a Go format string. */
export function fatalf(format: string, ...args: unknown[]): never {
  fatalEntry('printf', format, args, true, FATAL_EXIT_CODE, fatalf);
}

/** klog's Fatalln: {@link fatal} with fmt.Sprintln's spacing. */
export function fatalln(...args: unknown[]): never {
  fatalEntry('println', '', args, true, FATAL_EXIT_CODE, fatalln);
}

/**
 * klog's Exit: writes the arguments (fmt.Sprint) with severity F, flushes every output and exits with
 * status 1, with no stack (an expected stop, such as a bad command line).
 */
export function exit(...args: unknown[]): never {
  fatalEntry('print', '', args, false, EXIT_CODE, exit);
}

/** klog's Exitf: {@link exit} with a Go format string. */
export function exitf(format: string, ...args: unknown[]): never {
  fatalEntry('printf', format, args, false, EXIT_CODE, exitf);
}

/** klog's Exitln: {@link exit} with fmt.Sprintln's spacing. */
export function exitln(...args: unknown[]): never {
  fatalEntry('println', '', args, false, EXIT_CODE, exitln);
}
