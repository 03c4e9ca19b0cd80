import { inherits } from 'node:util';
import { Format } from '@klog-ts/core';
import { datapolicy, registerDataPolicy, secret } from '../../src/index.js';

/**
 * Every way a tagged secret can sit in a logged value, as the red-team matrix and the property test try
 * them: a holder builds a value carrying `secret` (tagged by one source or another), and registers
 * whatever tag it needs for as long as it is in use.
 */
export interface Holder {
  readonly name: string;
  /** Registers the holder's tags; returns their removal. */
  register?(): () => void;
  /** A value that carries the secret. */
  make(secret: string): unknown;
  /** A value carrying no secret yet, and how to fill it in later (a password a vault delivers after binding). */
  later?(secret: string): { value: unknown; fill(): void };
  /** Only with string detectors on (the secret hides in free text). */
  readonly needsDetectors?: true;
}

export class Decorated {
  user = 'alice';
  @datapolicy('password') password: string;

  constructor(password = '') {
    this.password = password;
  }
}

class DecoratedChild extends Decorated {
  role = 'admin';
}

export class ApiClient {
  endpoint = 'https://api.example.com';
  apiToken: string;

  constructor(token: string) {
    this.apiToken = token;
  }
}

class Mixed {
  @datapolicy('password') password: string;
  apiKey: string;

  constructor(password: string, apiKey: string) {
    this.password = password;
    this.apiKey = apiKey;
  }
}

class PasswordString extends String {}
class KeyBytes extends Uint8Array {}
class TokenList extends Array<string> {}
class AuthError extends Error {}
class TaggedMap extends Map<string, string> {}

/** ES5-style subclass of a decorated class, through util.inherits. */
interface LegacyCredentials {
  password: string;
}
const LegacyCredentials = function (this: LegacyCredentials, password: string) {
  this.password = password;
} as unknown as new (password: string) => LegacyCredentials;
inherits(LegacyCredentials, Decorated);

class Other {}

const registration = (target: Parameters<typeof registerDataPolicy>[0], policy: Parameters<typeof registerDataPolicy>[1]) => () => registerDataPolicy(target, policy);

export const HOLDERS: readonly Holder[] = [
  { name: 'decorated field', make: (s) => new Decorated(s), later: (s) => filled(new Decorated(''), (v) => (v.password = s)) },
  { name: 'decorated parent', make: (s) => new DecoratedChild(s) },
  { name: 'registered class', register: registration(ApiClient, { apiToken: 'token' }), make: (s) => new ApiClient(s), later: (s) => filled(new ApiClient(''), (v) => (v.apiToken = s)) },
  { name: 'Secret', make: (s) => secret(s, 'token') },
  {
    name: 'matcher on plain data',
    register: registration({ name: 'basic-auth', test: (v) => (v as { kind?: unknown }).kind === 'basic-auth' }, { pass: 'password' }),
    make: (s) => ({ kind: 'basic-auth', user: 'u', pass: s }),
    later: (s) => filled({ kind: 'basic-auth', user: 'u', pass: '' }, (v) => (v.pass = s)),
  },
  {
    name: 'matcher merged with decorator tags',
    register: registration({ name: 'mixed', test: (v) => v instanceof Mixed }, { apiKey: 'token' }),
    make: (s) => new Mixed(s, `${s}-key`),
  },
  {
    name: 'two matchers on one object',
    register: () => {
      const a = registerDataPolicy({ name: 'a', test: (v) => 'alpha' in v }, { alpha: 'token' });
      const b = registerDataPolicy({ name: 'b', test: (v) => 'beta' in v }, { beta: 'token' });
      return () => (a(), b());
    },
    make: (s) => ({ alpha: s, beta: `${s}-b` }),
  },
  { name: 'util.inherits subclass', make: (s) => new LegacyCredentials(s) },
  {
    name: 'Object.create(instance)',
    make: (s) => {
      const derived = Object.create(new Decorated('')) as Decorated;
      derived.password = s;
      return derived;
    },
  },
  { name: 'Reflect.construct with another new.target', make: (s) => Reflect.construct(Decorated, [s], Other) },
  { name: 'String subclass registered whole', register: registration(PasswordString, 'password'), make: (s) => new PasswordString(s) },
  { name: 'Uint8Array subclass registered whole', register: registration(KeyBytes, 'security-key'), make: (s) => new KeyBytes(Buffer.from(s)) },
  { name: 'Array subclass registered whole', register: registration(TokenList, 'token'), make: (s) => TokenList.from([s]) },
  { name: 'Error message registered', register: registration(AuthError, { message: 'token' }), make: (s) => new AuthError(s) },
  { name: 'Error cause tagged', make: (s) => new Error('request failed', { cause: new Decorated(s) }) },
  { name: 'Map subclass own field tagged', register: registration(TaggedMap, { token: 'token' }), make: (s) => Object.assign(new TaggedMap([['k', 'v']]), { token: s }) },
  { name: 'Map own field holding a tagged instance', make: (s) => Object.assign(new Map([['k', 'v']]), { creds: new Decorated(s) }) },
  { name: 'Set of tagged instances', make: (s) => new Set([new Decorated(s)]) },
  { name: 'tagged value shaped like a marker', make: (s) => new Decorated(`[REDACTED:${s}]`) },
  { name: 'Format(value)', make: (s) => Format({ creds: new Decorated(s) }) },
  { name: 'boxed bearer string', needsDetectors: true, make: (s) => new String(`Bearer ${s}`) },
  { name: 'bearer in an error message', needsDetectors: true, make: (s) => new Error(`upstream said: Authorization: Bearer ${s}`) },
];

function filled<T>(value: T, fill: (value: T) => void): { value: T; fill(): void } {
  return { value, fill: () => fill(value) };
}

/** Containers a holder can be nested in, at any depth. */
export const WRAPPERS: readonly { readonly name: string; wrap(value: unknown): unknown }[] = [
  { name: 'object', wrap: (v) => ({ nested: v, other: 1 }) },
  { name: 'array', wrap: (v) => ['x', v] },
  { name: 'Map value', wrap: (v) => new Map([['k', v]]) },
  { name: 'Set', wrap: (v) => new Set([v]) },
  { name: 'Error cause', wrap: (v) => new Error('wrapped', { cause: v }) },
  { name: 'class field', wrap: (v) => new Box(v) },
];

class Box {
  constructor(readonly content: unknown) {}
}
