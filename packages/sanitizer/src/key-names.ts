import { ConfigError } from '@klog-ts/core';
import { isPlainRecord } from './is-plain-record.js';
import { configKinds, GENERIC_KIND, type DataPolicyKinds } from './kinds.js';

/**
 * The key names redacted at any depth with `keys: true`, and their kinds. Names are compared after
 * normalizing (lowercase, without `-`, `_`, `.` and spaces), so `apiKey`, `api_key` and `API-KEY` match;
 * a key must match a whole name, so `passwordPolicy`, `tokenCount` and `secretName` do not.
 */
export const DEFAULT_SECRET_KEYS: Readonly<Record<string, DataPolicyKinds>> = Object.freeze({
  password: 'password',
  passwd: 'password',
  passphrase: 'password',
  token: 'token',
  accessToken: 'token',
  refreshToken: 'token',
  idToken: 'token',
  authToken: 'token',
  bearerToken: 'token',
  sessionToken: 'token',
  apiKey: 'token',
  'x-api-key': 'token',
  'x-auth-token': 'token',
  authorization: ['password', 'token'],
  'proxy-authorization': ['password', 'token'],
  cookie: 'token',
  'set-cookie': 'token',
  secret: 'security-key',
  clientSecret: 'security-key',
  privateKey: 'security-key',
  secretKey: 'security-key',
  secretAccessKey: 'security-key',
});

/** Which keys to redact: `true` for {@link DEFAULT_SECRET_KEYS}, names (kind `secret` unless a default), or `{ name: kinds }`. */
export type KeyNamesOption = boolean | readonly string[] | Readonly<Record<string, DataPolicyKinds>>;

/** The kinds for a key, or undefined if the key is not a secret's name. */
export type KeyNameMatcher = (key: string) => readonly string[] | undefined;

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, '');
}

const CACHE_LIMIT = 4096;

/** A character that normalizing keeps as it is and that a pre-filter can rule on: a lower-case ASCII letter or a digit. */
// Stryker disable next-line BlockStatement: equivalent, an undefined answer only sends every key to the table (slower, never a missed name)
function isKeptAsIs(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Compiles the key-name option into a matcher. Keys repeat from line to line, so verdicts are cached
 * by exact key: a lookup costs one Map hit, not a lowercase copy.
 */
export function compileKeyNames(option: KeyNamesOption | undefined): KeyNameMatcher | undefined {
  if (option === undefined || option === false) return undefined;
  const table = new Map<string, readonly string[]>();
  const add = (name: unknown, kinds: unknown): void => {
    if (typeof name !== 'string' || normalizeKey(name) === '') throw new ConfigError('sanitizer key name', name, 'must be a non-empty string');
    table.set(normalizeKey(name), configKinds(kinds, `sanitizer key ${JSON.stringify(name)}`));
  };
  const defaults = new Map(Object.entries(DEFAULT_SECRET_KEYS).map(([name, kinds]) => [normalizeKey(name), kinds]));
  if (option === true) for (const [name, kinds] of Object.entries(DEFAULT_SECRET_KEYS)) add(name, kinds);
  else if (Array.isArray(option)) for (const name of option as unknown[]) add(name, typeof name === 'string' ? (defaults.get(normalizeKey(name)) ?? GENERIC_KIND) : GENERIC_KIND);
  else if (isPlainRecord(option)) for (const [name, kinds] of Object.entries(option)) add(name, kinds);
  else throw new ConfigError('sanitizer keys', option, 'must be true, a list of key names or { name: kinds }');
  if (table.size === 0) return undefined;

  // Most keys can be ruled out by their first two characters or by being shorter than every name
  // (normalizing removes characters, and adds one only where `İ` lowercases to `i` and U+0307, so a name's
  // U+0307s do not count towards its shortest key). Only a key that starts with two characters normalizing
  // keeps as they are is ruled out by its start: `_token`, `X-Api-Key`, `p_assword` and `İd` go to the table.
  // Stryker disable next-line ArithmeticOperator: equivalent, a 1-slot table reads undefined for every start, which rules no key out (only slower)
  const starts = new Uint8Array(128 * 128);
  let shortest = Infinity;
  for (const name of table.keys()) {
    const first = name.charCodeAt(0);
    const second = name.charCodeAt(1);
    // A key ruled out by its start begins with two kept-as-is ASCII characters, and so does any name it
    // normalizes to: a name outside ASCII can never match such a key, and the fill only lets more keys through.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, each only marks more starts (or other slots) as possible, and names outside ASCII cannot match a key the pre-filter rules on
    if (first < 128 && second < 128) starts[first * 128 + second] = 1;
    else starts.fill(1);
    shortest = Math.min(shortest, name.replace(/\u0307/g, '').length);
  }
  let cache = new Map<string, readonly string[] | null>();
  return (key) => {
    if (key.length < shortest) return undefined;
    const first = key.charCodeAt(0);
    const second = key.charCodeAt(1);
    if (isKeptAsIs(first) && isKeptAsIs(second) && starts[first * 128 + second] === 0) return undefined;
    let verdict = cache.get(key);
    if (verdict === undefined) {
      verdict = table.get(normalizeKey(key)) ?? null;
      if (cache.size >= CACHE_LIMIT) cache = new Map();
      cache.set(key, verdict);
    }
    return verdict ?? undefined;
  };
}
