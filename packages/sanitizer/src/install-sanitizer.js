import { ConfigError, getLogFilter, setLogFilter } from '@klog-ts/core';
import { compileDetectors } from './detectors.js';
import { compileKeyNames } from './key-names.js';
import { RedactionPaths } from './redaction-paths.js';
import { SanitizerFilter } from './sanitizer-filter.js';
import { MetricsCounter } from './sanitizer-metrics.js';
const OPTION_NAMES = new Set(['mode', 'paths', 'keys', 'detectors', 'maxDepth']);
const MODES = ['redact', 'block', 'drop'];
function checkOptions(options) {
    if (typeof options !== 'object' || options === null)
        throw new ConfigError('sanitizer options', options, 'must be an object');
    for (const name of Object.keys(options)) {
        if (!OPTION_NAMES.has(name))
            throw new ConfigError('sanitizer option', name, `unknown (known: ${[...OPTION_NAMES].join(', ')})`);
    }
    const { mode, maxDepth, paths } = options;
    if (mode !== undefined && !MODES.includes(mode))
        throw new ConfigError('sanitizer mode', mode, 'must be "redact", "block" or "drop"');
    if (maxDepth !== undefined && !(Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= 1000)) {
        throw new ConfigError('sanitizer maxDepth', maxDepth, 'must be an integer between 1 and 1000');
    }
    if (paths !== undefined && (typeof paths !== 'object' || paths === null))
        throw new ConfigError('sanitizer paths', paths, 'must be a list of paths or { path: kinds }');
}
let installed;
/** Builds a sanitizer without installing it (its `filter` can be installed or composed by hand). */
export function createSanitizer(options = {}) {
    checkOptions(options);
    const mode = options.mode ?? 'redact';
    const paths = options.paths === undefined ? undefined : new RedactionPaths(options.paths);
    const metrics = new MetricsCounter();
    const filter = new SanitizerFilter({ mode, paths, keyNames: compileKeyNames(options.keys), detectors: compileDetectors(options.detectors), maxDepth: options.maxDepth ?? 32 }, metrics);
    const sanitizer = {
        mode,
        filter,
        metrics: () => metrics.snapshot(),
        resetMetrics: () => metrics.reset(),
        sanitize: (value) => filter.sanitize(value),
        uninstall() {
            if (getLogFilter() === filter)
                setLogFilter(undefined);
            if (installed === sanitizer)
                installed = undefined;
        },
    };
    return sanitizer;
}
/**
 * Installs the sanitizer as klog-ts's process-wide log filter: every logger (global, `background()`,
 * `createLogger()`, contextual, `withValues`/`withName`/`V` children, legacy calls, the pino backend)
 * writes through it, and values already bound are checked again. Options are validated first; a bad
 * one throws a ConfigError naming it and nothing changes. Replaces any filter installed before.
 *
 * @example
 * const sanitizer = installSanitizer({ keys: true, paths: ['req.headers.authorization'] });
 * infoS("Login", "user", new Credentials("alice", "hunter2"));  // password="[REDACTED:password]"
 * sanitizer.metrics().redacted;                                 // { password: 1 }
 */
export function installSanitizer(options = {}) {
    const sanitizer = createSanitizer(options);
    setLogFilter(sanitizer.filter);
    installed = sanitizer;
    return sanitizer;
}
/** The sanitizer installed by {@link installSanitizer}, if it is still installed. */
export function installedSanitizer() {
    return installed !== undefined && getLogFilter() === installed.filter ? installed : undefined;
}
