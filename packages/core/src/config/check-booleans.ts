import { ConfigError } from '../config-error.js';

/** Rejects a setting among `names` that is given but not a boolean; the error names `prefix` + the setting. */
export function checkBooleans<T extends object>(options: T, names: readonly (keyof T & string)[], prefix = ''): void {
  for (const name of names) {
    const value = options[name];
    if (value !== undefined && typeof value !== 'boolean') throw new ConfigError(prefix + name, value, 'must be a boolean');
  }
}
