import { ConfigError } from './config-error.js';
import { setLogFilter } from './filter/filter-slot.js';
import { legacyMessage } from './logger/legacy-message.js';
import type { LogFilter } from './filter/log-filter.js';
import { rootLogger, type Logger } from './logger/logger.js';
import { applyOptions, createRuntime, type LoggerOptions } from './logger/options.js';
import type { Severity } from './logger/severity.js';
import { disabledVerbose, EnabledVerbose, type Verbose } from './logger/verbose.js';
import { nonNegativeInteger } from './util/non-negative-integer.js';
import type { VModuleItem } from './verbosity/vmodule.js';

/** The global logger behind the package-level functions and `background()`. */
const runtime = createRuntime();
const globalLogger = rootLogger(runtime);
const enabledVerbose: EnabledVerbose[] = [];

/** The global logger (klog's Background): what package-level functions write through. */
export function background(): Logger {
  return globalLogger;
}

/** What `configure` takes: a logger's options, and the process-wide filter. */
export interface GlobalOptions extends LoggerOptions {
  /**
   * The filter every entry of every logger passes through (see `setLogFilter`), e.g. the sanitizer's
   * `createSanitizer().filter`; `null` removes it.
   */
  filter?: LogFilter | null;
}

/** Configures the global logger. Validates everything first; throws ConfigError on a bad setting. */
export function configure(options: GlobalOptions): void {
  if (typeof options !== 'object' || options === null) throw new ConfigError('options', options, 'must be an object');
  const { filter, ...loggerOptions } = options;
  if (filter !== undefined && filter !== null && (typeof filter !== 'object' || Array.isArray(filter))) {
    throw new ConfigError('filter', filter, 'must be an object with filterEntry, filterValues or filterArgs');
  }
  applyOptions(runtime, loggerOptions);
  if (filter !== undefined) setLogFilter(filter ?? undefined);
}

/** Changes the global verbosity (klog's `-v`) at run time: `background().setVerbosity(level)`. */
export function setVerbosity(level: number): void {
  globalLogger.setVerbosity(level);
}

/** Changes the global vmodule (klog's `-vmodule`) at run time: `background().setVModule(vmodule)`. */
export function setVModule(vmodule: string | readonly VModuleItem[]): void {
  globalLogger.setVModule(vmodule);
}

/** A new, independent logger with its own settings (defaults: text to stderr, verbosity 0). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const own = createRuntime();
  applyOptions(own, options);
  return rootLogger(own);
}

/** Writes out anything the global logger's output has buffered (klog's Flush). */
export function flush(): void {
  runtime.flush();
}

/** Structured info entry: `infoS("Pod status updated", "pod", KObj(pod), "status", "ready")`. */
export function infoS(msg: string, ...keysAndValues: unknown[]): void {
  globalLogger.log('I', 0, msg, undefined, false, keysAndValues, false, infoS);
}

/** Structured error entry with severity E; `err` may be null (no `err` key). */
export function errorS(err: unknown, msg: string, ...keysAndValues: unknown[]): void {
  globalLogger.log('E', 0, msg, err, true, keysAndValues, false, errorS);
}

/**
 * klog's V(level): `V(2).infoS(...)` writes when `-v` ≥ 2 or a `-vmodule` pattern for the calling file
 * allows it. A disabled call costs a comparison and returns a shared no-op object. As in logr, a
 * fractional level is truncated and a negative or NaN one counts as 0.
 */
export function V(level: number): Verbose {
  if (level > runtime.verbosity && (runtime.vmodule === undefined || !runtime.enabled(level, V, 0))) return disabledVerbose;
  // Only on the enabled path, so a disabled call stays one comparison: NaN, -1 or 1.5 must not reach `"v"`.
  if (!Number.isSafeInteger(level) || level < 0) level = nonNegativeInteger(level);
  return (enabledVerbose[level] ??= new EnabledVerbose(globalLogger, level));
}

function legacy(severity: Severity, message: string, api: (...args: never[]) => void): void {
  globalLogger.log(severity, 0, message, undefined, severity === 'E', [], true, api);
}

/** Legacy unstructured info (fmt.Sprint of the arguments). Prefer {@link infoS}. */
export function info(...args: unknown[]): void {
  legacy('I', legacyMessage('print', '', args), info);
}

/** Legacy unstructured info with a Go format string. Prefer {@link infoS}. */
export function infof(format: string, ...args: unknown[]): void {
  legacy('I', legacyMessage('printf', format, args), infof);
}

/** Legacy unstructured info (fmt.Sprintln of the arguments). Prefer {@link infoS}. */
export function infoln(...args: unknown[]): void {
  legacy('I', legacyMessage('println', '', args), infoln);
}

/** Legacy warning (severity W). Prefer {@link infoS}. */
export function warning(...args: unknown[]): void {
  legacy('W', legacyMessage('print', '', args), warning);
}

/** Legacy warning with a Go format string. Prefer {@link infoS}. */
export function warningf(format: string, ...args: unknown[]): void {
  legacy('W', legacyMessage('printf', format, args), warningf);
}

/** Legacy warning (fmt.Sprintln of the arguments). Prefer {@link infoS}. */
export function warningln(...args: unknown[]): void {
  legacy('W', legacyMessage('println', '', args), warningln);
}

/** Legacy error (severity E). Prefer {@link errorS}. */
export function error(...args: unknown[]): void {
  legacy('E', legacyMessage('print', '', args), error);
}

/** Legacy error with a Go format string. Prefer {@link errorS}. */
export function errorf(format: string, ...args: unknown[]): void {
  legacy('E', legacyMessage('printf', format, args), errorf);
}

/** Legacy error (fmt.Sprintln of the arguments). Prefer {@link errorS}. */
export function errorln(...args: unknown[]): void {
  legacy('E', legacyMessage('println', '', args), errorln);
}
