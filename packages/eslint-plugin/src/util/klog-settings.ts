/** The shared `settings['@klog-ts']` block, read by every rule that recognises klog-ts calls. */
export interface KlogSettings {
  /** Import specifiers whose exports are klog-ts's package API (a local re-export, say). */
  readonly modules: ReadonlySet<string>;
  /** Receiver names treated as a `Logger` when nothing better (an import, a type) is known. */
  readonly loggerNamePattern: RegExp;
}

/** The module that is klog-ts's API; always recognised. */
export const KLOG_MODULE = '@klog-ts/core';

/**
 * `log`, `logger`, and names ending in `Logger` (`requestLogger`, `this.childLogger`), but not the verbs
 * of functions that make or take one (`createLogger`, `withLogger`, `getLogger`).
 */
export const DEFAULT_LOGGER_NAME_PATTERN =
  '^(?:log|logger|(?!(?:with|create|get|make|new|use|set|to|is|has)[A-Z])[A-Za-z_$][\\w$]*Logger)$';

const SETTINGS_KEY = '@klog-ts';
const cache = new WeakMap<object, KlogSettings>();
const defaults: KlogSettings = {
  modules: new Set([KLOG_MODULE]),
  loggerNamePattern: new RegExp(DEFAULT_LOGGER_NAME_PATTERN),
};

/**
 * Reads and validates `settings['@klog-ts']`: `{ modules?: string[], loggerNamePattern?: string }`.
 * Throws an error naming the bad field, so a typo fails the lint run instead of silently matching nothing.
 */
export function readKlogSettings(settings: Readonly<Record<string, unknown>>): KlogSettings {
  const raw = settings[SETTINGS_KEY];
  if (raw === undefined) return defaults;
  if (typeof raw !== 'object' || raw === null) {
    throw new TypeError(`settings['${SETTINGS_KEY}'] must be an object, got ${JSON.stringify(raw)}`);
  }
  const cached = cache.get(raw);
  if (cached) return cached;
  const { modules, loggerNamePattern, ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0) {
    throw new TypeError(`settings['${SETTINGS_KEY}'] has an unknown field "${extra[0]}" (known: modules, loggerNamePattern)`);
  }
  if (modules !== undefined && !(Array.isArray(modules) && modules.every((m) => typeof m === 'string'))) {
    throw new TypeError(`settings['${SETTINGS_KEY}'].modules must be an array of import specifiers`);
  }
  if (loggerNamePattern !== undefined && typeof loggerNamePattern !== 'string') {
    throw new TypeError(`settings['${SETTINGS_KEY}'].loggerNamePattern must be a string`);
  }
  const parsed: KlogSettings = {
    modules: new Set([KLOG_MODULE, ...(modules ?? [])]),
    loggerNamePattern: compile(loggerNamePattern ?? DEFAULT_LOGGER_NAME_PATTERN),
  };
  cache.set(raw, parsed);
  return parsed;
}

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new TypeError(
      `settings['${SETTINGS_KEY}'].loggerNamePattern is not a valid regular expression: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
