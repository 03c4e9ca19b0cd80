import { STRUCTURED_CALLS, type KlogReceiver } from '@klog-ts/taint/definitions';

/**
 * klog-ts's API as the rules see it: which calls log, and where their message and key/value list sit.
 * Three receivers exist: the package (`import { infoS } from '@klog-ts/core'`), a package `Verbose`
 * (the result of the package's `V(n)`), and a `Logger` (logr's shape; its `V(n)` is a `Logger` again).
 * The structured shapes are the shared definitions (`@klog-ts/taint`), which sink matching reads too.
 */
export { structuredShape, type KlogReceiver } from '@klog-ts/taint/definitions';

/** Legacy (printf- and print-style) calls and the structured call that replaces each. */
export const LEGACY_CALLS: Readonly<Record<'package' | 'verbose', Readonly<Record<string, string>>>> = {
  package: {
    info: 'infoS',
    infof: 'infoS',
    infoln: 'infoS',
    warning: 'infoS',
    warningf: 'infoS',
    warningln: 'infoS',
    error: 'errorS',
    errorf: 'errorS',
    errorln: 'errorS',
  },
  verbose: { info: 'infoS', infof: 'infoS', infoln: 'infoS' },
};

/** Package functions that return a `Logger`. */
export const LOGGER_FACTORIES: ReadonlySet<string> = new Set(['background', 'fromContext', 'createLogger']);

/** The package function that runs a callback with a contextual logger (`withLogger(logger, fn)`). */
export const CONTEXT_RUNNER = 'withLogger';

/** `Logger` methods that return a `Logger`. */
export const LOGGER_DERIVERS: ReadonlySet<string> = new Set(['V', 'withName', 'withValues']);

/** Methods only a klog-style logger has; a chain through one of them is klog's even without an import. */
export const DISTINCTIVE_METHODS: ReadonlySet<string> = new Set(['infoS', 'errorS', 'withValues', 'withName']);

/** Object reference helpers: their result carries only a name and a namespace. */
export const OBJECT_REF_HELPERS: ReadonlySet<string> = new Set(['KObj', 'KRef', 'KObjSlice', 'KObjs']);

/** Deprecated package exports and their replacements. */
export const DEPRECATED_EXPORTS: Readonly<Record<string, string>> = { KObjs: 'KObjSlice' };

/** Every method name a `Verbose` or a `Logger` has; calls to other names are never klog's. */
export const KLOG_METHODS: ReadonlySet<string> = new Set([
  ...Object.values(STRUCTURED_CALLS).flatMap((calls) => Object.keys(calls)),
  ...Object.keys(LEGACY_CALLS.verbose),
  ...LOGGER_DERIVERS,
  'enabled',
]);

/** The replacement for a legacy call, if `method` on `receiver` is one. */
export function legacyReplacement(receiver: KlogReceiver, method: string): string | undefined {
  if (receiver === 'logger') return undefined;
  return Object.hasOwn(LEGACY_CALLS[receiver], method) ? LEGACY_CALLS[receiver][method] : undefined;
}
