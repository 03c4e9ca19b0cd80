/* eslint-disable @typescript-eslint/unbound-method -- public methods are passed to V8 as stack-frame markers (captureStackTrace), never called unbound. */
import { legacyMessage } from './legacy-message.js';
import type { Logger } from './logger.js';

/**
 * What `V(n)` returns (klog's Verbose): logging methods that write only when level n was enabled for the
 * calling code when `V(n)` was called. A disabled Verbose is a shared object whose methods do nothing.
 */
export interface Verbose {
  /** Whether this level was on for the calling code (klog's `V(n).Enabled()`). */
  enabled(): boolean;
  /** A structured info entry carrying `"v":n` in JSON. */
  infoS(msg: string, ...keysAndValues: unknown[]): void;
  /** A structured error entry, written only if the level is on (klog's `V(n).ErrorS`). */
  errorS(err: unknown, msg: string, ...keysAndValues: unknown[]): void;
  /** Legacy info, fmt.Sprint of the arguments. */
  info(...args: unknown[]): void;
  /** Legacy info with a Go format string. */
  infof(format: string, ...args: unknown[]): void;
  /** Legacy info, fmt.Sprintln of the arguments. */
  infoln(...args: unknown[]): void;
}

/** The one disabled Verbose: no allocation and no work for a disabled `V(n).infoS(...)`. */
export const disabledVerbose: Verbose = Object.freeze({
  enabled: () => false,
  infoS() {},
  errorS() {},
  info() {},
  infof() {},
  infoln() {},
});

/** An enabled Verbose at a level, writing through a logger. */
export class EnabledVerbose implements Verbose {
  readonly #logger: Logger;
  readonly #level: number;

  constructor(logger: Logger, level: number) {
    this.#logger = logger;
    this.#level = level;
  }

  enabled(): boolean {
    return true;
  }

  infoS(msg: string, ...keysAndValues: unknown[]): void {
    this.#logger.log('I', this.#level, msg, undefined, false, keysAndValues, false, this.infoS);
  }

  errorS(err: unknown, msg: string, ...keysAndValues: unknown[]): void {
    this.#logger.log('E', this.#level, msg, err, true, keysAndValues, false, this.errorS);
  }

  info(...args: unknown[]): void {
    this.#logger.log('I', this.#level, legacyMessage('print', '', args), undefined, false, [], true, this.info);
  }

  infof(format: string, ...args: unknown[]): void {
    this.#logger.log('I', this.#level, legacyMessage('printf', format, args), undefined, false, [], true, this.infof);
  }

  infoln(...args: unknown[]): void {
    this.#logger.log('I', this.#level, legacyMessage('println', '', args), undefined, false, [], true, this.infoln);
  }
}
