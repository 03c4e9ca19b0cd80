import { normalizeName, splitIdentifier } from './split-identifier.js';

/**
 * Credential terms, each a sequence of lower-case words (see {@link splitIdentifier}). A name is
 * credential-like when its words contain one of these sequences (a trailing plural `s` is accepted).
 */
export const DEFAULT_CREDENTIAL_TERMS: readonly string[] = [
  'password', 'passwd', 'passphrase', 'passcode', 'token', 'secret', 'credential', 'creds', 'cookie',
  'bearer', 'authorization', 'apikey', 'privatekey', 'api key', 'private key', 'priv key', 'secret key',
  'access key', 'signing key', 'encryption key', 'master key', 'ssh key', 'session key', 'auth header',
  'client key',
];

/**
 * Words that, after the credential term, make the name describe metadata about a credential rather than
 * the credential itself: `passwordPolicy`, `tokenCount`, `secretName`, `tokenExpiry`, `apiKeyId`.
 */
export const DEFAULT_METADATA_WORDS: readonly string[] = [
  'policy', 'policies', 'count', 'counts', 'name', 'names', 'type', 'types', 'kind', 'length', 'len', 'size',
  'expiry', 'expires', 'expiration', 'exp', 'ttl', 'lifetime', 'duration', 'timeout', 'age', 'id', 'ids',
  'hash', 'hashed', 'digest', 'fingerprint', 'checksum', 'path', 'paths', 'file', 'files', 'filename', 'dir',
  'url', 'uri', 'urls', 'endpoint', 'ref', 'refs', 'reference', 'env', 'field', 'fields', 'label', 'hint',
  'placeholder', 'prompt', 'pattern', 'regex', 'rule', 'rules', 'format', 'version', 'status', 'state',
  'error', 'errors', 'required', 'enabled', 'valid', 'validator', 'validation', 'strength', 'min', 'max',
  'limit', 'limits', 'used', 'usage', 'remaining', 'budget', 'provider', 'manager', 'service', 'store',
  'loader', 'factory', 'handler', 'helper', 'generator', 'schema', 'mode', 'changed', 'updated', 'created',
  'at', 'date', 'time', 'timestamp', 'exists', 'present', 'missing', 'masked', 'redacted', 'scope',
  'scopes', 'audience', 'issuer', 'source', 'location', 'prefix', 'suffix', 'index', 'idx', 'position',
  'offset', 'start', 'end', 'stream', 'interval', 'retries', 'attempts', 'algorithm', 'algo', 'header',
  'headers', 'change', 'changes', 'rotation', 'rotated', 'options', 'opts', 'settings', 'config',
  'configuration', 'parser', 'requirements', 'complexity', 'history', 'lockout', 'verified', 'issued',
];

/**
 * Words that, before the credential term, make the name a flag, a measure or a protected form:
 * `isSecret`, `hasToken`, `hashedPassword`, `maxTokens`, `encryptedPassword`.
 * Flags (`is`, `has`, ...) only count as the first word of the name.
 */
export const DEFAULT_FLAG_PREFIXES: readonly string[] = [
  'is', 'has', 'have', 'should', 'can', 'must', 'needs', 'need', 'requires', 'require', 'allow', 'allows',
  'enable', 'enabled', 'no', 'did', 'was', 'will',
];

/** Words anywhere before the credential term that mark a non-secret form: `hashedPassword`, `numTokens`. */
export const DEFAULT_QUALIFIER_PREFIXES: readonly string[] = [
  'hashed', 'hash', 'encrypted', 'masked', 'redacted', 'salted', 'obfuscated', 'num', 'count', 'max', 'min',
  'total', 'invalid', 'missing', 'expired', 'revoked',
];

/**
 * Exact names that are never credentials though they contain a term (pagination cursors, cancellation
 * handles, Kubernetes references, lexer tokens). Compared case- and separator-insensitively.
 */
export const DEFAULT_EXCLUDED_NAMES: readonly string[] = [
  'nextToken', 'continueToken', 'continuationToken', 'pageToken', 'nextPageToken', 'syncToken',
  'cancellationToken', 'cancelToken', 'imagePullSecrets', 'tokenizer',
];

/** Options of {@link createCredentialNameMatcher}; the config's `sources` maps onto it. */
export interface CredentialNameOptions {
  /** Extra credential terms (identifier-like strings such as `pin` or `sessionId`), added to the defaults. */
  readonly names?: readonly string[];
  /** Extra exact names that are never credentials, added to {@link DEFAULT_EXCLUDED_NAMES}. */
  readonly excludeNames?: readonly string[];
}

/** Tells whether a name (variable, parameter, property, object key, getter, log key) is credential-like. */
export type CredentialNameMatcher = (name: string) => boolean;

function matchesAt(words: readonly string[], at: number, term: readonly string[]): boolean {
  for (let i = 0; i < term.length; i++) {
    const word = words[at + i];
    if (word === undefined) return false;
    const expected = term[i];
    const last = i === term.length - 1;
    if (word !== expected && !(last && word === `${expected}s`)) return false;
  }
  return true;
}

// A single run-together word such as `dbpassword` or `authtoken` ends with a single-word term.
function endsWithTerm(word: string, singleTerms: readonly string[]): boolean {
  return singleTerms.some((t) => word.length > t.length && (word.endsWith(t) || word.endsWith(`${t}s`)));
}

/**
 * Compiles the credential-name rules once (work at construction, not per name). The match looks for the
 * last credential term in the name's words; words after it must not be metadata words, words before it
 * must not be qualifiers, and the first word must not be a flag prefix.
 */
export function createCredentialNameMatcher(options: CredentialNameOptions = {}): CredentialNameMatcher {
  const terms = [...DEFAULT_CREDENTIAL_TERMS, ...(options.names ?? [])]
    .map((t) => (t.includes(' ') ? t.split(' ') : splitIdentifier(t)))
    .filter((t) => t.length > 0);
  const singleTerms = terms.filter((t) => t.length === 1).map((t) => t[0]);
  const metadata = new Set(DEFAULT_METADATA_WORDS);
  const flags = new Set(DEFAULT_FLAG_PREFIXES);
  const qualifiers = new Set(DEFAULT_QUALIFIER_PREFIXES);
  const excluded = new Set([...DEFAULT_EXCLUDED_NAMES, ...(options.excludeNames ?? [])].map(normalizeName));
  const cache = new Map<string, boolean>();

  const decide = (name: string): boolean => {
    if (excluded.has(normalizeName(name))) return false;
    const words = splitIdentifier(name);
    let start = -1;
    let end = -1;
    for (let i = 0; i < words.length; i++) {
      for (const term of terms) {
        if (matchesAt(words, i, term) && i + term.length > end) {
          start = i;
          end = i + term.length;
        }
      }
      if (end <= i && endsWithTerm(words[i], singleTerms)) {
        start = i;
        end = i + 1;
      }
    }
    if (start < 0) return false;
    if (words.slice(end).some((w) => metadata.has(w))) return false;
    if (words.slice(0, start).some((w) => qualifiers.has(w))) return false;
    return !(start > 0 && flags.has(words[0]));
  };

  return (name) => {
    let hit = cache.get(name);
    if (hit === undefined) {
      hit = decide(name);
      cache.set(name, hit);
    }
    return hit;
  };
}

let defaultMatcher: CredentialNameMatcher | undefined;

/**
 * Whether `name` looks like it holds a credential: `password`, `dbPassword`, `API_KEY`, `x-auth-token`,
 * `clientSecret`, `privateKey`, `authorization`, `cookies`; but not `passwordPolicy`, `tokenCount`,
 * `secretName`, `isSecret`, `hashedPassword`, `tokenExpiry`. Without options the default matcher is reused.
 */
export function isCredentialName(name: string, options?: CredentialNameOptions): boolean {
  if (options === undefined || (options.names === undefined && options.excludeNames === undefined)) {
    defaultMatcher ??= createCredentialNameMatcher();
    return defaultMatcher(name);
  }
  return createCredentialNameMatcher(options)(name);
}
