import { ConfigError } from './config-error.js';

/** The file the CLI looks for beside each tsconfig (or reads from `--config`). */
export const CONFIG_FILE_NAME = 'klog-check.config.json';

/** A sink as written in the config: `module` is an import specifier or a path relative to the config file. */
export interface ConfigSink {
  readonly module: string;
  /** Methods that log (may be empty for a `callable` sink). */
  readonly methods: readonly string[];
  readonly bindings?: readonly string[];
  /** Exports that make loggers (`default`, `createLogger`): their results' `methods` are sinks too. */
  readonly factories?: readonly string[];
  /** Calling a value whose call signature the module declares logs (`require('debug')('app')`). */
  readonly callable?: boolean;
}

/** `klog-check.config.json`. Every field is optional and adds to the defaults. */
export interface KlogCheckConfig {
  /** Extra logging sinks. */
  readonly sinks?: readonly ConfigSink[];
  /** Extra credential-like names, and exact names that are never credentials. */
  readonly sources?: { readonly names?: readonly string[]; readonly excludeNames?: readonly string[] };
  /** Extra sanitizer function names (exact). */
  readonly sanitizers?: readonly string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `a ${typeof value}`;
}

function checkKeys(obj: Json, allowed: readonly string[], at: string, file: string | undefined): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const field = at === '' ? key : `${at}.${key}`;
      throw new ConfigError(field, `is not a known field (expected one of: ${allowed.join(', ')})`, file);
    }
  }
}

function stringList(value: unknown, field: string, file: string | undefined, nonEmpty = false): string[] {
  if (!Array.isArray(value)) throw new ConfigError(field, `must be an array of strings, got ${describe(value)}`, file);
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ConfigError(`${field}[${i}]`, `must be a non-empty string, got ${describe(item)}`, file);
    }
  });
  if (nonEmpty && value.length === 0) throw new ConfigError(field, 'must not be empty', file);
  return value as string[];
}

/**
 * Checks a parsed config document and returns it typed. Throws {@link ConfigError} naming the first bad
 * field (`sinks[1].methods must be an array of strings, got a string`); unknown fields are errors too,
 * so a typo never silently disables a check.
 */
export function validateConfig(raw: unknown, file?: string): KlogCheckConfig {
  if (!isObject(raw)) throw new ConfigError('', `must be a JSON object, got ${describe(raw)}`, file);
  checkKeys(raw, ['$schema', 'sinks', 'sources', 'sanitizers'], '', file);
  const config: { sinks?: ConfigSink[]; sources?: KlogCheckConfig['sources']; sanitizers?: string[] } = {};
  if (raw.sinks !== undefined) {
    if (!Array.isArray(raw.sinks)) throw new ConfigError('sinks', `must be an array, got ${describe(raw.sinks)}`, file);
    config.sinks = raw.sinks.map((sink: unknown, i) => {
      const at = `sinks[${i}]`;
      if (!isObject(sink)) throw new ConfigError(at, `must be an object with "module" and "methods", got ${describe(sink)}`, file);
      checkKeys(sink, ['module', 'methods', 'bindings', 'factories', 'callable'], at, file);
      if (typeof sink.module !== 'string' || sink.module.trim() === '') {
        throw new ConfigError(`${at}.module`, `must be a non-empty string, got ${describe(sink.module)}`, file);
      }
      if (sink.callable !== undefined && typeof sink.callable !== 'boolean') {
        throw new ConfigError(`${at}.callable`, `must be true or false, got ${describe(sink.callable)}`, file);
      }
      const callable = sink.callable === true;
      const methods = sink.methods === undefined && callable ? [] : stringList(sink.methods, `${at}.methods`, file, sink.bindings === undefined && !callable);
      return {
        module: sink.module,
        methods,
        ...(sink.bindings === undefined ? {} : { bindings: stringList(sink.bindings, `${at}.bindings`, file) }),
        ...(sink.factories === undefined ? {} : { factories: stringList(sink.factories, `${at}.factories`, file, true) }),
        ...(callable ? { callable } : {}),
      };
    });
  }
  if (raw.sources !== undefined) {
    if (!isObject(raw.sources)) throw new ConfigError('sources', `must be an object, got ${describe(raw.sources)}`, file);
    checkKeys(raw.sources, ['names', 'excludeNames'], 'sources', file);
    const { names, excludeNames } = raw.sources;
    config.sources = {
      ...(names === undefined ? {} : { names: stringList(names, 'sources.names', file) }),
      ...(excludeNames === undefined ? {} : { excludeNames: stringList(excludeNames, 'sources.excludeNames', file) }),
    };
  }
  if (raw.sanitizers !== undefined) config.sanitizers = stringList(raw.sanitizers, 'sanitizers', file);
  return config;
}

/** Parses and validates the text of a config file; a JSON syntax error is a {@link ConfigError} too. */
export function parseConfig(text: string, file?: string): KlogCheckConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('', `is not valid JSON (${(error as Error).message})`, file);
  }
  return validateConfig(raw, file);
}
