import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, type KlogCheckConfig } from './config.js';
import { ioReason } from '../errors/io-reason.js';
import { ConfigError } from './config-error.js';

/** A config and the directory its relative sink paths are resolved against. */
export interface LoadedConfig {
  readonly config: KlogCheckConfig;
  /** Absolute path of the file, or undefined when no file was found (defaults only). */
  readonly file: string | undefined;
  readonly dir: string;
}

/** Reads and validates a config file; a missing or unreadable file is a {@link ConfigError}. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('', `cannot be read (${ioReason(error)})`, file);
  }
  return { config: parseConfig(text, file), file, dir: dirname(file) };
}

/** Loads `klog-check.config.json` from `dir` when it exists, otherwise the empty config (defaults). */
export function findConfig(dir: string): LoadedConfig {
  const file = join(dir, CONFIG_FILE_NAME);
  return existsSync(file) ? loadConfigFile(file) : { config: {}, file: undefined, dir };
}
