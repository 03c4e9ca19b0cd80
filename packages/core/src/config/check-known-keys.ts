import { ConfigError } from '../config-error.js';

/**
 * Rejects an own key of `object` that is not in `known`, naming `where` it was found: a misspelt setting
 * (`verbsity`) would otherwise be ignored without a word, which is worse than an error at start-up.
 */
export function checkKnownKeys(object: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw new ConfigError(where, key, `unknown setting; expected one of ${known.join(', ')}`);
  }
}
