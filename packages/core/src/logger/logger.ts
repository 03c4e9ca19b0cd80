/* eslint-disable @typescript-eslint/unbound-method -- public methods are passed to V8 as stack-frame markers (captureStackTrace), never called unbound. */
import { captureCallSite } from '../caller/capture-call-site.js';
import { filterSlot } from '../filter/filter-slot.js';
import { filteredText, objectFilter } from '../filter/filter-stage.js';
import { splitTime } from '../time/clock.js';
import { nonNegativeInteger } from '../util/non-negative-integer.js';
import type { VModuleItem } from '../verbosity/vmodule.js';
import { BoundValues } from './bound-values.js';
import { checkVerbosity, compileVModule } from './options.js';
import type { Runtime } from './runtime.js';
import type { Severity } from './severity.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- identifies a public API frame.
type AnyFunction = Function;

const NO_VALUES: readonly unknown[] = [];

/** The signature of `info`/`infoS`. */
export type InfoMethod = (msg: string, ...keysAndValues: unknown[]) => void;

/** What `info` is while its level is off: it takes no parameters, so such a call allocates nothing. */
const skipInfo: InfoMethod = () => undefined;

/** What a Logger is made of; loggers are immutable, so a child gets a new state. */
interface LoggerState {
  readonly runtime: Runtime;
  readonly name: string | undefined;
  /** The lists bound with withValues, as given (filtered and snapshotted again when the filter changes). */
  readonly rawLists: readonly (readonly unknown[])[];
  readonly level: number;
  readonly depth: number;
}

/**
 * A structured logger in the shape of logr (`info`, `error`, `V`, `enabled`, `withValues`, `withName`)
 * with klog's `infoS`/`errorS` as aliases. Loggers are immutable: `withValues`, `withName` and `V`
 * return new loggers and never change their parent. Logging never throws.
 */
export class Logger {
  readonly #state: LoggerState;
  #bound: BoundValues | undefined;
  #boundGeneration = -1;
  #byLevel: Logger[] | undefined;

  /** @internal Use `background()`, `createLogger()` or a parent's `withValues`/`withName`/`V`. */
  constructor(state: LoggerState) {
    this.#state = state;
  }

  /**
   * Logs a message at this logger's V level (0 unless made with `V(n)`), if that level is enabled:
   * `logger.info('Pod updated', 'pod', KObj(pod))`. While the level is off this is a no-op that allocates
   * nothing (it is read through an accessor that checks the level, as pino swaps in a noop).
   */
  get info(): InfoMethod {
    // Unbound on purpose, like any method: `logger.info(…)` calls it with `this` = logger.
    return this.#off() ? skipInfo : this.#logInfo;
  }

  /** klog's name for {@link Logger.info}. */
  get infoS(): InfoMethod {
    return this.#off() ? skipInfo : this.#logInfoS;
  }

  /** Off for certain: above -v and no -vmodule that could turn it on for some file. */
  #off(): boolean {
    const { level, runtime } = this.#state;
    return level > runtime.verbosity && runtime.vmodule === undefined;
  }

  #logInfo(msg: string, ...keysAndValues: unknown[]): void {
    this.#info(msg, keysAndValues, this.#logInfo);
  }

  #logInfoS(msg: string, ...keysAndValues: unknown[]): void {
    this.#info(msg, keysAndValues, this.#logInfoS);
  }

  /** Logs an error with severity E. Always written, whatever the V level (as logr does). */
  error(err: unknown, msg: string, ...keysAndValues: unknown[]): void {
    this.#error(err, msg, keysAndValues, this.error);
  }

  /** klog's name for {@link Logger.error}. */
  errorS(err: unknown, msg: string, ...keysAndValues: unknown[]): void {
    this.#error(err, msg, keysAndValues, this.errorS);
  }

  /** A logger whose `info` logs at V level `level` more than this one's (levels add up, as in logr). */
  V(level: number): Logger {
    if (!Number.isSafeInteger(level) || level < 0) level = nonNegativeInteger(level);
    const cache = (this.#byLevel ??= []);
    let logger = cache[level];
    if (logger === undefined) {
      logger = new Logger({ ...this.#state, level: this.#state.level + level });
      logger.#bound = this.#bound;
      logger.#boundGeneration = this.#boundGeneration;
      cache[level] = logger;
    }
    return logger;
  }

  /** Whether `info` on this logger would write (its V level against -v and -vmodule). */
  enabled(): boolean {
    return this.#state.runtime.enabled(this.#state.level, this.enabled, this.#state.depth);
  }

  /**
   * A logger that adds these key/value pairs to every entry. They are snapshotted now: filtered, and
   * encoded (a value changed later is not seen). A dangling key gets `"(MISSING)"` in text.
   */
  withValues(...keysAndValues: unknown[]): Logger {
    const state = this.#state;
    const runtime = state.runtime;
    const parent = this.#boundValues();
    const { timeMs, timeNs } = this.#now();
    const bound = BoundValues.bind(parent, keysAndValues, timeMs, runtime.unsafeRawText);
    const list = bound.filtered[bound.filtered.length - 1];
    // Only a malformed list (in the JSON format) has something to report, and needs a caller.
    if (runtime.encoder.hasBindNotice(list)) {
      try {
        const caller = runtime.callSite(this.withValues, state.depth);
        runtime.writeRaw(runtime.encoder.bindNotice(list, { name: state.name, bound: parent, objects: objectFilter(), timeMs, timeNs, caller }));
      } catch {
        // The notice is only a diagnostic; binding never throws.
      }
    }
    const child = new Logger({ ...state, rawLists: [...state.rawLists, keysAndValues] });
    child.#bound = bound;
    child.#boundGeneration = filterSlot.generation;
    return child;
  }

  /** A logger whose entries carry `logger="<parent>.<name>"` (a name that is not a string passes the filter stage first). */
  withName(name: string): Logger {
    const state = this.#state;
    const part = filteredText(name);
    const child = new Logger({ ...state, name: state.name === undefined ? part : `${state.name}.${part}` });
    child.#bound = this.#bound;
    child.#boundGeneration = this.#boundGeneration;
    return child;
  }

  /** A logger that reports the caller `depth` frames further out (for logging helpers and wrappers). */
  withCallDepth(depth: number): Logger {
    const child = new Logger({ ...this.#state, depth: this.#state.depth + nonNegativeInteger(depth) });
    child.#bound = this.#bound;
    child.#boundGeneration = this.#boundGeneration;
    return child;
  }

  /**
   * Changes klog's `-v` at run time for the settings this logger shares: those of the `createLogger()` (or
   * `background()`) it descends from, so the root, every child (`withValues`, `withName`, `V`) and every
   * logger made from them later see the new level at their next call. Throws ConfigError on a level that
   * is not an integer between 0 and 2147483647, changing nothing.
   */
  setVerbosity(level: number): void {
    this.#state.runtime.verbosity = checkVerbosity(level);
  }

  /**
   * Changes klog's `-vmodule` at run time for the settings this logger shares (see
   * {@link Logger.setVerbosity}): `'pattern=N,…'` or a list of `{ filePattern, verbosity }`; `''` removes
   * it. Throws ConfigError on a malformed setting, changing nothing.
   */
  setVModule(vmodule: string | readonly VModuleItem[]): void {
    this.#state.runtime.vmodule = compileVModule(vmodule);
  }

  /** @internal Writes an entry for the package-level functions (klog's InfoS, Warningf, …). */
  log(severity: Severity, level: number, message: string, err: unknown, isError: boolean, kv: readonly unknown[], legacy: boolean, api: AnyFunction): void {
    this.#write(severity, level, message, err, isError, kv, legacy, api);
  }

  #info(msg: string, kv: readonly unknown[], api: AnyFunction): void {
    const state = this.#state;
    if (state.level > state.runtime.verbosity && !state.runtime.enabled(state.level, api, state.depth)) return;
    this.#write('I', state.level, msg, undefined, false, kv, false, api);
  }

  #error(err: unknown, msg: string, kv: readonly unknown[], api: AnyFunction): void {
    this.#write('E', this.#state.level, msg, err, true, kv, false, api);
  }

  #write(severity: Severity, level: number, message: unknown, err: unknown, isError: boolean, kv: readonly unknown[], legacy: boolean, api: AnyFunction): void {
    const state = this.#state;
    const runtime = state.runtime;
    const time = runtime.clock();
    let timeMs: number;
    let timeNs = 0;
    // The common case, an integral millisecond reading, needs no splitting (and no allocation).
    if (typeof time === 'number' && Number.isInteger(time)) timeMs = time;
    else [timeMs, timeNs] = splitTime(time);
    runtime.write({
      severity,
      verbosity: level,
      message: typeof message === 'string' ? message : filteredText(message),
      isError,
      err,
      name: state.name,
      bound: state.rawLists.length === 0 ? undefined : this.#boundValues(),
      kv: kv.length === 0 ? NO_VALUES : kv,
      timeMs,
      timeNs,
      caller: runtime.caller ? captureCallSite(api, state.depth) : undefined,
      legacy,
    });
  }

  #now(): { timeMs: number; timeNs: number } {
    const [timeMs, timeNs] = splitTime(this.#state.runtime.clock());
    return { timeMs, timeNs };
  }

  /** The bound values, filtered and snapshotted again if the filter or its rules changed since they were bound. */
  #boundValues(): BoundValues | undefined {
    const state = this.#state;
    if (state.rawLists.length === 0) return undefined;
    if (this.#boundGeneration !== filterSlot.generation) {
      // The filter's rules changed: the live values are checked by the new ones (and snapshotted anew).
      const timeMs = this.#now().timeMs;
      let bound: BoundValues | undefined;
      for (const list of state.rawLists) bound = BoundValues.bind(bound, list, timeMs, state.runtime.unsafeRawText);
      this.#bound = bound;
      this.#boundGeneration = filterSlot.generation;
    }
    return this.#bound;
  }
}

/** @internal A root logger over a runtime. */
export function rootLogger(runtime: Runtime): Logger {
  return new Logger({ runtime, name: undefined, rawLists: [], level: 0, depth: 0 });
}
