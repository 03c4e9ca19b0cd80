import { ConfigError } from '../config-error.js';
import { parseVModule, VModule } from '../verbosity/vmodule.js';
import { parseGoDuration } from './go-duration.js';
import type { FormatOptions, LoggingConfiguration } from './logging-configuration.js';
import { parseQuantity } from './quantity.js';

/** What `parseFlags` found: the configuration, and the arguments that were not logging flags. */
export interface ParsedFlags {
  /** The logging settings found, ready for `configure(config)`; only what was given is set. */
  config: LoggingConfiguration;
  /** Every argument that is not a logging flag, in order (everything from `--` on, `--` included). */
  args: string[];
}

type FlagKind = 'string' | 'boolean';

const FLAGS: Record<string, FlagKind> = {
  'logging-format': 'string',
  v: 'string',
  vmodule: 'string',
  'log-flush-frequency': 'string',
  'log-text-split-stream': 'boolean',
  'log-json-split-stream': 'boolean',
  'log-text-info-buffer-size': 'string',
  'log-json-info-buffer-size': 'string',
};

/** Environment variables read by `parseFlags` (flags win over them). */
export const ENVIRONMENT: Record<string, string> = {
  KLOG_LOGGING_FORMAT: 'logging-format',
  KLOG_V: 'v',
  KLOG_VMODULE: 'vmodule',
  KLOG_FLUSH_FREQUENCY: 'log-flush-frequency',
};

function formatOptions(config: LoggingConfiguration, format: 'text' | 'json'): FormatOptions {
  config.options ??= {};
  return (config.options[format] ??= {});
}

function parseBoolean(flag: string, value: string): boolean {
  if (/^(1|t|true)$/i.test(value)) return true;
  if (/^(0|f|false)$/i.test(value)) return false;
  throw new ConfigError(flag, value, 'must be true or false');
}

/** Sets one setting from its flag name; `source` names the flag or variable in errors. */
function apply(config: LoggingConfiguration, name: string, value: string, source: string): void {
  switch (name) {
    case 'logging-format':
      if (value !== 'text' && value !== 'json') throw new ConfigError(source, value, 'unknown logging format; use "text" or "json"');
      config.format = value;
      return;
    case 'v': {
      const level = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(level) || level > 2 ** 31 - 1) throw new ConfigError(source, value, 'must be a non-negative integer');
      config.verbosity = level;
      return;
    }
    case 'vmodule': {
      const items = parseVModule(value, source);
      // Compiling checks the patterns and levels now, so the error names the flag, not configure()'s field.
      new VModule(items, source);
      config.vmodule = items;
      return;
    }
    case 'log-flush-frequency':
      if (parseGoDuration(value) === undefined) throw new ConfigError(source, value, 'must be a duration such as 5s or 100ms');
      config.flushFrequency = value;
      return;
    case 'log-text-split-stream':
    case 'log-json-split-stream':
      formatOptions(config, name.includes('json') ? 'json' : 'text').splitStream = parseBoolean(source, value);
      return;
    case 'log-text-info-buffer-size':
    case 'log-json-info-buffer-size':
      if (parseQuantity(value) === undefined) throw new ConfigError(source, value, 'must be a byte quantity such as 0, 4096 or 64Ki');
      formatOptions(config, name.includes('json') ? 'json' : 'text').infoBufferSize = value;
  }
}

/**
 * Reads Kubernetes' logging flags from `argv` into a LoggingConfiguration: `--logging-format`, `-v`/`--v`,
 * `--vmodule`, `--log-flush-frequency`, `--log-{text,json}-split-stream`, `--log-{text,json}-info-buffer-size`,
 * in Go's forms (`-v=2`, `--v 2`, `--flag` for booleans). The variables in {@link ENVIRONMENT} (`KLOG_V`, …)
 * are read first, so flags win. Other arguments are returned untouched, in order; `--` ends the flags.
 * A bad value throws ConfigError naming the flag (or variable) and the value.
 */
export function parseFlags(argv: readonly string[], env: Record<string, string | undefined> = process.env): ParsedFlags {
  // A JavaScript caller may pass a string, which would otherwise be read letter by letter.
  const given: unknown = argv;
  if (!Array.isArray(given)) throw new ConfigError('argv', given, 'must be an array of strings, such as process.argv.slice(2)');
  const config: LoggingConfiguration = {};
  for (const [variable, name] of Object.entries(ENVIRONMENT)) {
    const value = env[variable];
    if (value !== undefined && value !== '') apply(config, name, value, variable);
  }
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const match = /^--?([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    const kind = match === null ? undefined : FLAGS[match[1]];
    if (match === null || kind === undefined) {
      args.push(arg);
      continue;
    }
    const name = match[1];
    // Errors name the flag as it was typed (`-v`, `--v`).
    const flag = arg.startsWith('--') ? `--${name}` : `-${name}`;
    let value = match[2];
    if (value === undefined) {
      if (kind === 'boolean') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i]!;
      else throw new ConfigError(flag, '', 'needs a value');
    }
    apply(config, name, value, flag);
  }
  return { config, args };
}
