import { getEnvironmentData, isMainThread, setEnvironmentData } from 'node:worker_threads';
import { ConfigError, getLogFilter, setLogFilter, type LogFilter } from '@klog-ts/core';
import { compileDetectors, type DetectorsOption } from './detectors.js';
import { isPlainRecord } from './is-plain-record.js';
import { compileKeyNames, type KeyNamesOption } from './key-names.js';
import { RedactionPaths, type PathsOption } from './redaction-paths.js';
import { SanitizerFilter, type SanitizerMode } from './sanitizer-filter.js';
import { MetricsCounter, type SanitizerMetrics } from './sanitizer-metrics.js';

/** Options of {@link installSanitizer}; all optional. */
export interface SanitizerOptions {
  /** `redact` (default), `block` (Kubernetes-compatible) or `drop`. */
  readonly mode?: SanitizerMode;
  /**
   * Redaction paths in pino's syntax, whose first segment is the key of a key/value pair:
   * `['req.headers.authorization', '*.password']`, or `{ path: kinds }`. Default none.
   */
  readonly paths?: PathsOption;
  /** Key-name redaction at any depth: `true` for the default names, a list, or `{ name: kinds }`. Default off. */
  readonly keys?: KeyNamesOption;
  /** String detectors (bearer tokens, JWTs, PEM keys, AWS, GitHub, Slack): `true` or names/kinds. Default off. */
  readonly detectors?: DetectorsOption;
  /** How deep objects are inspected; deeper ones are redacted as `too-deep` (fail closed). Default 32. */
  readonly maxDepth?: number;
  /**
   * Where values are inspected. `objects` (the default when the other options allow it): for klog-ts's
   * own encoders only the objects that are not plain data (class instances, Maps, Sets, Errors, Secrets)
   * are inspected, as the encoders reach them, so plain data costs nothing; a throwing getter or a cycle
   * in plain data then renders as it does without the sanitizer (`<panic: …>`, klog's internal error). It
   * needs redact mode, no key names and no detectors (they look at plain data). `entry` (the default
   * otherwise): every entry is walked in the filter stage, before it is encoded; a throwing getter
   * anywhere becomes `[REDACTED:unreadable]`, a cycle is cut.
   */
  readonly scan?: 'entry' | 'objects';
}

/** The installed sanitizer. */
export interface Sanitizer {
  /** What happens to an entry that carries a secret: `redact`, `block` or `drop`. */
  readonly mode: SanitizerMode;
  /** The LogFilter itself, to compose with other filters through core's `setLogFilter`. */
  readonly filter: LogFilter;
  /** Counts of redacted values and blocked and dropped entries, by kind. */
  metrics(): SanitizerMetrics;
  /** Sets every count back to zero (for a scrape-and-reset metrics exporter, or between tests). */
  resetMetrics(): void;
  /** The value with its secrets replaced, by the same rules (for a sink that is not klog-ts). */
  sanitize<T>(value: T): T;
  /** Removes the filter if it is still the installed one. */
  uninstall(): void;
}

const OPTION_NAMES: ReadonlySet<string> = new Set(['mode', 'paths', 'keys', 'detectors', 'maxDepth', 'scan']);
const MODES: readonly SanitizerMode[] = ['redact', 'block', 'drop'];

function checkOptions(options: SanitizerOptions): void {
  if (!isPlainRecord(options)) throw new ConfigError('sanitizer options', options, 'must be an object');
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.has(name)) throw new ConfigError('sanitizer option', name, `unknown (known: ${[...OPTION_NAMES].join(', ')})`);
  }
  const { mode, maxDepth, paths } = options;
  if (mode !== undefined && !MODES.includes(mode)) throw new ConfigError('sanitizer mode', mode, 'must be "redact", "block" or "drop"');
  if (maxDepth !== undefined && !(Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= 1000)) {
    throw new ConfigError('sanitizer maxDepth', maxDepth, 'must be an integer between 1 and 1000');
  }
  if (paths !== undefined && !Array.isArray(paths) && !isPlainRecord(paths)) throw new ConfigError('sanitizer paths', paths, 'must be a list of paths or { path: kinds }');
  const { scan } = options;
  if (scan !== undefined && scan !== 'entry' && scan !== 'objects') throw new ConfigError('sanitizer scan', scan, 'must be "entry" or "objects"');
  if (scan === 'objects' && ((mode ?? 'redact') !== 'redact' || isOn(options.keys) || isOn(options.detectors))) {
    throw new ConfigError('sanitizer scan', scan, 'needs mode "redact" and no keys or detectors, which look at plain data');
  }
}

/** Whether a keys or detectors option turns something on. */
function isOn(option: unknown): boolean {
  return option !== undefined && option !== false && !(Array.isArray(option) && option.length === 0);
}

let installed: Sanitizer | undefined;
/** The options of the installed sanitizer, passed to worker threads started afterwards (see the end of this file). */
const WORKER_OPTIONS = 'klog-ts.sanitizer.options';

/** Builds a sanitizer without installing it (its `filter` can be installed or composed by hand). */
export function createSanitizer(options: SanitizerOptions = {}): Sanitizer {
  checkOptions(options);
  const mode = options.mode ?? 'redact';
  const paths = options.paths === undefined ? undefined : new RedactionPaths(options.paths);
  const metrics = new MetricsCounter();
  const filter = new SanitizerFilter(
    {
      mode,
      paths,
      keyNames: compileKeyNames(options.keys),
      detectors: compileDetectors(options.detectors),
      maxDepth: options.maxDepth ?? 32,
      objectsOnly: (options.scan ?? (mode === 'redact' && !isOn(options.keys) && !isOn(options.detectors) ? 'objects' : 'entry')) === 'objects',
    },
    metrics,
  );
  const sanitizer: Sanitizer = {
    mode,
    filter,
    metrics: () => metrics.snapshot(),
    resetMetrics: () => metrics.reset(),
    sanitize: <T>(value: T): T => filter.sanitize(value) as T,
    uninstall() {
      if (getLogFilter() === filter) setLogFilter(undefined);
      if (installed === sanitizer) {
        installed = undefined;
        setEnvironmentData(WORKER_OPTIONS, undefined);
      }
    },
  };
  return sanitizer;
}

/**
 * Installs the sanitizer as klog-ts's process-wide log filter: every logger (global, `background()`,
 * `createLogger()`, contextual, `withValues`/`withName`/`V` children, legacy calls, the pino backend)
 * writes through it, and values already bound are checked again. Options are validated first; a bad
 * one throws a ConfigError naming it and nothing changes. Replaces any filter installed before. Worker
 * threads started afterwards install the same sanitizer when they load this package.
 *
 * @example
 * const sanitizer = installSanitizer({ keys: true, paths: ['req.headers.authorization'] });
 * infoS("Login", "user", new Credentials("alice", "hunter2"));  // password="[REDACTED:password]"
 * sanitizer.metrics().redacted;                                 // { password: 1 }
 */
export function installSanitizer(options: SanitizerOptions = {}): Sanitizer {
  const sanitizer = createSanitizer(options);
  setLogFilter(sanitizer.filter);
  installed = sanitizer;
  setEnvironmentData(WORKER_OPTIONS, options);
  return sanitizer;
}

/** The sanitizer installed by {@link installSanitizer}, if it is still installed. */
export function installedSanitizer(): Sanitizer | undefined {
  return installed !== undefined && getLogFilter() === installed.filter ? installed : undefined;
}

// A worker thread started after the sanitizer was installed in its parent gets the same one as soon as it
// loads this package (which a module that tags a class with @datapolicy does). A worker that logs without
// loading it is covered by core: its entries are withheld until a filter is installed.
// Stryker disable all: runs only in a worker thread, where Stryker never activates a mutant (workers.test.ts pins it)
if (!isMainThread && getLogFilter() === undefined) {
  const inherited = getEnvironmentData(WORKER_OPTIONS) as SanitizerOptions | undefined;
  if (inherited !== undefined) installSanitizer(inherited);
}
// Stryker restore all
