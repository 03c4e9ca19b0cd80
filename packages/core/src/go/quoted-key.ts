import { memoizeString } from '../util/memoize-string.js';
import { goJSONString } from './json-string.js';

const withHTML = memoizeString((key) => goJSONString(key, true));
const withoutHTML = memoizeString((key) => goJSONString(key, false));

/** `"key"` as encoding/json writes an object key (with HTML escaping when `escapeHTML`), cached. */
export function quotedKey(key: string, escapeHTML: boolean): string {
  return escapeHTML ? withHTML(key) : withoutHTML(key);
}
