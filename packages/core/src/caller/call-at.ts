import type { CallSite } from './call-site.js';
import { pinCallSite } from './capture-call-site.js';

/** One CallSite object per written call site, so that its formatted forms are cached with it. */
const sites = new Map<string, CallSite[]>();

function siteAt(file: string, line: number): CallSite {
  let lines = sites.get(file);
  if (lines === undefined) sites.set(file, (lines = []));
  return (lines[line] ??= { file, line });
}

/**
 * `receiver[method](...args)` with the call site pinned to `file:line`: what the call-site loader
 * (`@klog-ts/core/register`) writes in place of a logging call, so no stack is captured at run time.
 * Any receiver works; for one that is not a klog-ts logger the pin is simply unused.
 */
export function callMethodAt(file: string, line: number, receiver: unknown, method: string, ...args: unknown[]): unknown {
  const previous = pinCallSite(siteAt(file, line));
  try {
    return (receiver as Record<string, (...a: unknown[]) => unknown>)[method](...args);
  } finally {
    pinCallSite(previous);
  }
}

/** `fn(...args)` with the call site pinned to `file:line` (for package-level calls such as `infoS`). */
export function callFunctionAt(file: string, line: number, fn: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  const previous = pinCallSite(siteAt(file, line));
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } finally {
    pinCallSite(previous);
  }
}
