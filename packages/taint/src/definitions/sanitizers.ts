import { splitIdentifier } from './split-identifier.js';

/** Hashing and HMAC functions of `node:crypto` (and the usual password-hashing libraries): taint stops. */
export const CRYPTO_SANITIZERS: readonly string[] = [
  'createHash', 'createHmac', 'hash', 'hashSync', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync', 'hkdf',
  'hkdfSync', 'timingSafeEqual',
];

/** klog-ts object references: they keep only the name and namespace of what they wrap. */
export const REF_SANITIZERS: readonly string[] = ['KObj', 'KRef', 'KObjSlice', 'KObjs'];

/**
 * First words of redact-like helper names: `redact(x)`, `maskSecret(x)`, `sanitizeHeaders(h)`,
 * `hashPassword(p)`. A function whose name starts with one of these is a sanitizer.
 */
export const SANITIZER_NAME_PREFIXES: readonly string[] = [
  'redact', 'mask', 'sanitize', 'sanitise', 'scrub', 'obfuscate', 'anonymize', 'anonymise', 'hash', 'digest',
  'fingerprint', 'encrypt', 'censor',
];

/** Properties whose value says nothing about the secret's content: `password.length`, `tokens.size`. */
export const SANITIZING_PROPERTIES: readonly string[] = ['length', 'size', 'byteLength'];

/**
 * String methods that mask when the pattern matches every character (`s.replace(/./g, '*')`); the
 * patterns are those of `isFullMaskPattern`.
 */
export const MASKING_METHODS: readonly string[] = ['replace', 'replaceAll'];

/** Every default sanitizer function name (exact names; prefixes are in {@link SANITIZER_NAME_PREFIXES}). */
export const DEFAULT_SANITIZERS: readonly string[] = [...CRYPTO_SANITIZERS, ...REF_SANITIZERS];

/** Tells whether a called function or method name stops taint. */
export type SanitizerMatcher = (functionName: string) => boolean;

/** Compiles the sanitizer rules: default names, redact-like prefixes, and the config's `sanitizers`. */
export function createSanitizerMatcher(extraNames: readonly string[] = []): SanitizerMatcher {
  const exact = new Set([...DEFAULT_SANITIZERS, ...extraNames]);
  const prefixes = new Set(SANITIZER_NAME_PREFIXES);
  return (name) => exact.has(name) || prefixes.has(splitIdentifier(name)[0] ?? '');
}

/** Whether `name` is a default sanitizer, a redact-like helper, or one of `extraNames`. */
export function isSanitizerName(name: string, extraNames: readonly string[] = []): boolean {
  return createSanitizerMatcher(extraNames)(name);
}
