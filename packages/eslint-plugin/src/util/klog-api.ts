import { STRUCTURED_CALLS, structuredShape, type KlogReceiver } from '@klog-ts/taint/definitions';

/**
 * klog-ts's API as the rules see it: which calls log, and where their message and key/value list sit.
 * Three receivers exist: the package (`import { infoS } from '@klog-ts/core'`), a package `Verbose`
 * (the result of the package's `V(n)`), and a `Logger` (logr's shape; its `V(n)` is a `Logger` again).
 * The structured shapes are the shared definitions (`@klog-ts/taint`), which sink matching reads too.
 */
export { structuredShape, type KlogReceiver } from '@klog-ts/taint/definitions';

/**
 * Legacy (printf- and print-style) calls and the structured call that replaces each. klog's Fatal and Exit
 * families and its call-depth variants (`infoDepth`, ...) are listed by name although klog-ts does not
 * have them yet, so that the rules cover them, as logcheck does, when it does (or when a module listed in
 * `settings['@klog-ts'].modules` provides them). A fatal or exit call becomes `errorS`, then `flushAndExit`
 * ({@link exitStatus}).
 */
export const LEGACY_CALLS: Readonly<Record<'package' | 'verbose', Readonly<Record<string, string>>>> = {
  package: {
    info: 'infoS',
    infof: 'infoS',
    infoln: 'infoS',
    infoDepth: 'infoSDepth',
    warning: 'infoS',
    warningf: 'infoS',
    warningln: 'infoS',
    warningDepth: 'infoSDepth',
    error: 'errorS',
    errorf: 'errorS',
    errorln: 'errorS',
    errorDepth: 'errorSDepth',
    fatal: 'errorS',
    fatalf: 'errorS',
    fatalln: 'errorS',
    fatalDepth: 'errorSDepth',
    exit: 'errorS',
    exitf: 'errorS',
    exitln: 'errorS',
    exitDepth: 'errorSDepth',
  },
  verbose: { info: 'infoS', infof: 'infoS', infoln: 'infoS', infoDepth: 'infoSDepth' },
};

/**
 * klog's structured call-depth variants (`InfoSDepth(depth, msg, kv...)`), by name, for when klog-ts has
 * them: they log (the `contextual` rule reports them as package-level calls); logcheck checks no parameters
 * of theirs, and neither do the rules.
 */
export const DEPTH_STRUCTURED_CALLS: Readonly<Record<'package' | 'verbose', ReadonlySet<string>>> = {
  package: new Set(['infoSDepth', 'errorSDepth']),
  verbose: new Set(['infoSDepth']),
};

/** Package functions that return a `Logger`. */
export const LOGGER_FACTORIES: ReadonlySet<string> = new Set(['background', 'fromContext', 'createLogger']);

/** The package function that runs a callback with a contextual logger (`withLogger(logger, fn)`). */
export const CONTEXT_RUNNER = 'withLogger';

/** `Logger` methods that return a `Logger`. */
export const LOGGER_DERIVERS: ReadonlySet<string> = new Set(['V', 'withName', 'withValues', 'withCallDepth']);

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
  ...DEPTH_STRUCTURED_CALLS.verbose,
  ...LOGGER_DERIVERS,
  'enabled',
]);

/** Whether `method` on a package or `Verbose` receiver writes a log entry (structured, legacy or call-depth). */
export function isPackageLoggingCall(receiver: KlogReceiver, method: string): boolean {
  if (receiver === 'logger') return false;
  return structuredShape(receiver, method) !== undefined || legacyReplacement(receiver, method) !== undefined || DEPTH_STRUCTURED_CALLS[receiver].has(method);
}

/**
 * The exit status of klog's Fatal (255) and Exit (1) families, by the name of a package function that logs
 * and then ends the process; `undefined` for any other call. Their structured replacement is `errorS`, then
 * `flushAndExit(EXIT_FLUSH_TIMEOUT_MS, status)`, as Kubernetes migrates `klog.Fatal`.
 */
export function exitStatus(receiver: KlogReceiver, method: string): number | undefined {
  if (receiver !== 'package' || legacyReplacement(receiver, method) === undefined) return undefined;
  if (method.startsWith('fatal')) return 255;
  if (method.startsWith('exit')) return 1;
  return undefined;
}

/** The replacement for a legacy call, if `method` on `receiver` is one. */
export function legacyReplacement(receiver: KlogReceiver, method: string): string | undefined {
  if (receiver === 'logger') return undefined;
  return Object.hasOwn(LEGACY_CALLS[receiver], method) ? LEGACY_CALLS[receiver][method] : undefined;
}
