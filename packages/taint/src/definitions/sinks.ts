/**
 * A logging sink: calls of `methods` on a function or object declared by `module` log their arguments;
 * calls of `bindings` bind their arguments to every later line (`withValues`, pino's `child`), so the
 * binding call itself is the sink.
 */
export interface SinkDefinition {
  /**
   * Package name (`pino`), ambient module name (`declare module 'x'`), a path (absolute once resolved;
   * relative to the config file in `klog-check.config.json`), or a global object's name when `global`.
   */
  readonly module: string;
  /** Methods (or exported functions) that log. */
  readonly methods: readonly string[];
  /** Methods whose arguments are bound to the logger. */
  readonly bindings?: readonly string[];
  /** `module` names a global object (`console`) rather than a module. */
  readonly global?: boolean;
}

/** The klog-ts runtime package. */
export const KLOG_MODULE = '@klog-ts/core';

/** klog-ts logging calls, structured and legacy; `V(n)` returns an object with the same methods. */
export const KLOG_LOG_METHODS: readonly string[] = [
  'infoS', 'errorS', 'info', 'infof', 'infoln', 'warning', 'warningf', 'warningln', 'error', 'errorf',
  'errorln', 'fatal', 'fatalf', 'fatalln', 'exit', 'exitf', 'exitln',
];

/** klog-ts calls that bind key/value pairs to a logger. */
export const KLOG_BINDING_METHODS: readonly string[] = ['withValues'];

/** The verbosity gate: `logger.V(2).infoS(...)` is a sink through the object `V` returns. */
export const KLOG_VERBOSITY_METHOD = 'V';

/**
 * Structural sink: an object whose type has all these methods is a klog-style logger (wrapped or stubbed),
 * and a call of one of {@link KLOG_LOG_METHODS} or {@link KLOG_BINDING_METHODS} on it is a sink.
 */
export const STRUCTURAL_LOGGER_MARKERS: readonly string[] = ['infoS', 'errorS'];

/** Default sinks: klog-ts, `console`, pino, winston, bunyan. */
export const DEFAULT_SINKS: readonly SinkDefinition[] = [
  { module: KLOG_MODULE, methods: KLOG_LOG_METHODS, bindings: KLOG_BINDING_METHODS },
  {
    module: 'console',
    global: true,
    methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'assert', 'group', 'groupCollapsed', 'timeLog'],
  },
  { module: 'pino', methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'], bindings: ['child', 'setBindings'] },
  {
    module: 'winston',
    methods: ['log', 'error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
    bindings: ['child'],
  },
  { module: 'bunyan', methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'], bindings: ['child'] },
];

/** Which way a call reaches the log: it logs now, or it binds values to later lines. */
export type SinkRole = 'log' | 'binding';

/**
 * The sink a call of `method` on something declared by `module` is, if any. `module` is what the caller
 * resolved the declaration to: a package or ambient module name, an absolute file path, or a global's name.
 */
export function findSink(
  sinks: readonly SinkDefinition[],
  module: string,
  method: string,
  options: { global?: boolean } = {},
): { sink: SinkDefinition; role: SinkRole } | undefined {
  for (const sink of sinks) {
    if ((sink.global ?? false) !== (options.global ?? false) || !sameModule(sink.module, module)) continue;
    if (sink.methods.includes(method)) return { sink, role: 'log' };
    if (sink.bindings?.includes(method) === true) return { sink, role: 'binding' };
  }
  return undefined;
}

// A path sink matches the declaring file with or without its extension (`./log` vs `/abs/log.ts`), or the
// `index` file of a directory (`./logging` vs `/abs/logging/index.ts`).
function sameModule(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (!expected.startsWith('/')) return false;
  const strip = (p: string): string => p.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return strip(expected) === strip(actual) || `${strip(expected)}/index` === strip(actual);
}

/** Every method name any of `sinks` defines, plus the klog names: a cheap pre-filter for call sites. */
export function sinkMethodNames(sinks: readonly SinkDefinition[]): ReadonlySet<string> {
  const names = new Set<string>([...KLOG_LOG_METHODS, ...KLOG_BINDING_METHODS]);
  for (const sink of sinks) for (const m of [...sink.methods, ...(sink.bindings ?? [])]) names.add(m);
  return names;
}
