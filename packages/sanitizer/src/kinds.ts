import { ConfigError } from '@klog-ts/core';

/**
 * A datapolicy kind: Kubernetes' `password`, `token` and `security-key`, or one of your own
 * (lowercase letters, digits and dashes, starting with a letter, such as `api-key`).
 */
export type DataPolicyKind = 'password' | 'token' | 'security-key' | (string & {});

/** One kind or several, as accepted by `@datapolicy`, `registerDataPolicy` and the options. */
export type DataPolicyKinds = DataPolicyKind | readonly DataPolicyKind[];

/** The kind given to a value matched by a key name or a path that was listed without a kind. */
export const GENERIC_KIND = 'secret';

/** Sanitizer-made kinds for fail-closed redaction: a value that could not be inspected, or lay too deep. */
export const UNREADABLE_KIND = 'unreadable';
export const TOO_DEEP_KIND = 'too-deep';
/** The kinds of a value that could not be read (a throwing getter, a revoked Proxy). */
export const UNREADABLE: readonly string[] = Object.freeze([UNREADABLE_KIND]);

const KIND_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Why `kinds` is not a valid kind or list of kinds, or undefined when it is. */
function kindsProblem(list: readonly unknown[]): string | undefined {
  if (list.length === 0) return 'at least one datapolicy kind is required';
  for (const kind of list) {
    if (typeof kind !== 'string' || !KIND_PATTERN.test(kind)) {
      return `invalid datapolicy kind ${JSON.stringify(kind) ?? String(kind)} (expected "password", "token", "security-key" or a lowercase name such as "api-key")`;
    }
  }
  return undefined;
}

function asList(kinds: unknown): readonly unknown[] {
  // Stryker disable next-line StringLiteral: equivalent, a string is not an array either, so the last branch wraps it in a list just the same
  return typeof kinds === 'string' ? [kinds] : Array.isArray(kinds) ? (kinds as unknown[]) : [kinds];
}

/**
 * Validates and normalizes kinds to a frozen, sorted, duplicate-free list. Throws a TypeError naming
 * `where` and the bad kind, so a typo fails when the class or option is defined, not while logging.
 */
export function toKinds(kinds: unknown, where: string): readonly string[] {
  const list = asList(kinds);
  const problem = kindsProblem(list);
  if (problem !== undefined) throw new TypeError(`${where}: ${problem}`);
  return Object.freeze([...new Set(list as string[])].sort());
}

/** {@link toKinds} for an option of `installSanitizer`: a mistake is a ConfigError naming the setting. */
export function configKinds(kinds: unknown, setting: string): readonly string[] {
  const problem = kindsProblem(asList(kinds));
  if (problem !== undefined) throw new ConfigError(setting, kinds, problem);
  return toKinds(kinds, setting);
}

const markersByKind = new Map<string, string>();
const markersByList = new WeakMap<readonly string[], string>();

/** The kinds of both lists, sorted, without duplicates (frozen, so that its marker is cached). */
export function unionKinds(a: readonly string[], b: readonly string[]): readonly string[] {
  return Object.freeze([...new Set([...a, ...b])].sort());
}

/** Gives `name` the kinds `kinds` in `into`, united with any it has already. */
export function addKinds(into: Map<string, readonly string[]>, name: string, kinds: readonly string[]): void {
  const known = into.get(name);
  into.set(name, known === undefined ? kinds : unionKinds(known, kinds));
}

/**
 * The text that replaces a redacted value: `[REDACTED:password]`, or `[REDACTED:password,token]` for
 * several kinds. The same marker in every format and for every route a secret takes. Cached: the
 * (frozen) kinds lists of tags, keys and paths are built once, so a redaction allocates no string.
 */
export function redactionMarker(kinds: DataPolicyKinds): string {
  if (typeof kinds === 'string') {
    let marker = markersByKind.get(kinds);
    if (marker === undefined) {
      marker = `[REDACTED:${kinds}]`;
      if (markersByKind.size < 1024) markersByKind.set(kinds, marker);
    }
    return marker;
  }
  let marker = markersByList.get(kinds);
  if (marker === undefined) {
    marker = kinds.length === 1 ? redactionMarker(kinds[0]) : `[REDACTED:${kinds.join(',')}]`;
    // Only a frozen list is sure to keep its kinds.
    if (Object.isFrozen(kinds)) markersByList.set(kinds, marker);
  }
  return marker;
}
