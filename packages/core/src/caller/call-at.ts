import { withCallSite } from './capture-call-site.js';

/**
 * `receiver[method](...args)` with the call site pinned to `file:line`: what the call-site loader
 * (`@klog-ts/core/register`) writes in place of a logging call, so no stack is captured at run time.
 * Any receiver works; for one that is not a klog-ts logger the pin is simply unused.
 */
export function callMethodAt(file: string, line: number, receiver: unknown, method: string, ...args: unknown[]): unknown {
  return withCallSite({ file, line }, () => (receiver as Record<string, (...a: unknown[]) => unknown>)[method](...args));
}

/** `fn(...args)` with the call site pinned to `file:line` (for package-level calls such as `infoS`). */
export function callFunctionAt(file: string, line: number, fn: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  return withCallSite({ file, line }, () => (fn as (...a: unknown[]) => unknown)(...args));
}
