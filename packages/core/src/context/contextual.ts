import { AsyncLocalStorage } from 'node:async_hooks';
import { background } from '../klog.js';
import type { Logger } from '../logger/logger.js';

const current = new AsyncLocalStorage<Logger>();

/**
 * Runs `fn` with `logger` as the contextual logger: `fromContext()` anywhere in the work `fn` starts,
 * synchronous or asynchronous (promises, timers, callbacks), returns it. klog's NewContext for Node.
 */
export function withLogger<T>(logger: Logger, fn: () => T): T {
  return current.run(logger, fn);
}

/** The contextual logger set by the nearest `withLogger`, or `background()` when none is (klog's FromContext). */
export function fromContext(): Logger {
  return current.getStore() ?? background();
}
