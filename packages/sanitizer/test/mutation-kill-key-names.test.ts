// Pins key-name redaction (src/key-names.ts) exactly, so that mutation testing can tell a change of behaviour.
import { describe, expect, it, vi } from 'vitest';
import { createSanitizer, DEFAULT_SECRET_KEYS, installSanitizer } from '../src/index.js';
import { normalizeKey } from '../src/key-names.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { expectConfigError } from './mutation-helpers.js';

describe('key names: the default list', () => {
  it('is exactly this table of names and kinds, frozen', () => {
    expect(DEFAULT_SECRET_KEYS).toStrictEqual({
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
    expect(Object.isFrozen(DEFAULT_SECRET_KEYS)).toBe(true);
  });

  it('redacts every default name with its kinds, as written in the table', () => {
    const sanitizer = createSanitizer({ keys: true });
    const value = Object.fromEntries(Object.keys(DEFAULT_SECRET_KEYS).map((name) => [name, `v-${name}`]));
    expect(sanitizer.sanitize(value)).toStrictEqual({
      password: '[REDACTED:password]',
      passwd: '[REDACTED:password]',
      passphrase: '[REDACTED:password]',
      token: '[REDACTED:token]',
      accessToken: '[REDACTED:token]',
      refreshToken: '[REDACTED:token]',
      idToken: '[REDACTED:token]',
      authToken: '[REDACTED:token]',
      bearerToken: '[REDACTED:token]',
      sessionToken: '[REDACTED:token]',
      apiKey: '[REDACTED:token]',
      'x-api-key': '[REDACTED:token]',
      'x-auth-token': '[REDACTED:token]',
      authorization: '[REDACTED:password,token]',
      'proxy-authorization': '[REDACTED:password,token]',
      cookie: '[REDACTED:token]',
      'set-cookie': '[REDACTED:token]',
      secret: '[REDACTED:security-key]',
      clientSecret: '[REDACTED:security-key]',
      privateKey: '[REDACTED:security-key]',
      secretKey: '[REDACTED:security-key]',
      secretAccessKey: '[REDACTED:security-key]',
    });
  });
});

describe('key names: normalization', () => {
  it('lowercases and drops every -, _, . and white-space character', () => {
    expect(normalizeKey('api.key')).toBe('apikey');
    expect(normalizeKey('API KEY')).toBe('apikey');
    expect(normalizeKey('client.secret')).toBe('clientsecret');
    expect(normalizeKey('x-api-key')).toBe('xapikey');
    expect(normalizeKey('X_Api__Key')).toBe('xapikey');
    expect(normalizeKey(' a\tb\nc-d_e.f ')).toBe('abcdef');
    expect(normalizeKey('a+b/c:d')).toBe('a+b/c:d');
    expect(normalizeKey('')).toBe('');
  });

  it('matches a spelled-differently key to its default name and kinds', () => {
    const sanitizer = createSanitizer({ keys: true });
    const value = {
      'api.key': 'a1',
      'API KEY': 'a2',
      API_KEY: 'a3',
      'client.secret': 'c1',
      'CLIENT-SECRET': 'c2',
      'X-API-KEY': 'x1',
      xApiKey: 'x2',
      'Set-Cookie': 's1',
      Authorization: 'z1',
      'PROXY_AUTHORIZATION': 'z2',
      'private key': 'p1',
      'api-keys': 'kept: not a whole name',
      'x api key id': 'kept too',
    };
    expect(sanitizer.sanitize(value)).toStrictEqual({
      'api.key': '[REDACTED:token]',
      'API KEY': '[REDACTED:token]',
      API_KEY: '[REDACTED:token]',
      'client.secret': '[REDACTED:security-key]',
      'CLIENT-SECRET': '[REDACTED:security-key]',
      'X-API-KEY': '[REDACTED:token]',
      xApiKey: '[REDACTED:token]',
      'Set-Cookie': '[REDACTED:token]',
      Authorization: '[REDACTED:password,token]',
      'PROXY_AUTHORIZATION': '[REDACTED:password,token]',
      'private key': '[REDACTED:security-key]',
      'api-keys': 'kept: not a whole name',
      'x api key id': 'kept too',
    });
  });

  it('matches a key whose first character is a separator (the first-character pre-filter lets them all through)', () => {
    const sanitizer = createSanitizer({ keys: true });
    const value = { _token: 1, '-password': 2, '.secret': 3, ' cookie': 4, '\tapiKey': 5, __proto_token: 6 };
    expect(sanitizer.sanitize(value)).toStrictEqual({
      _token: '[REDACTED:token]',
      '-password': '[REDACTED:password]',
      '.secret': '[REDACTED:security-key]',
      ' cookie': '[REDACTED:token]',
      '\tapiKey': '[REDACTED:token]',
      __proto_token: 6,
    });
  });

  it('matches an upper-case first letter, A and Z included, whatever names the table holds', () => {
    const sanitizer = createSanitizer({ keys: ['alpha', 'zulu', 'mid'] });
    expect(sanitizer.sanitize({ ALPHA: 1, Alpha: 2, ZULU: 3, Zulu: 4, MID: 5, alpha: 6, zulu: 7 })).toStrictEqual({
      ALPHA: '[REDACTED:secret]',
      Alpha: '[REDACTED:secret]',
      ZULU: '[REDACTED:secret]',
      Zulu: '[REDACTED:secret]',
      MID: '[REDACTED:secret]',
      alpha: '[REDACTED:secret]',
      zulu: '[REDACTED:secret]',
    });
  });

  it('rules keys out by their first character without losing one that normalizes to a name', () => {
    // `K` (U+212A, Kelvin sign) lowercases to `k`: a key that starts outside ASCII skips the pre-filter.
    const sanitizer = createSanitizer({ keys: ['key'] });
    const value = { '\u212Aey': 1, nothing: 2, '{key}': 3, '@key': 4, '[key': 5, 'Key': 6 };
    expect(sanitizer.sanitize(value)).toStrictEqual({ '\u212Aey': '[REDACTED:secret]', nothing: 2, '{key}': 3, '@key': 4, '[key': 5, Key: '[REDACTED:secret]' });
  });

  it('rules keys out by their first two characters without losing a separator, capital or digit in second place', () => {
    const sanitizer = createSanitizer({ keys: ['password', '2fa', 'x'] });
    const value = { p_assword: 1, 'p.assword': 2, pAssword: 3, 'pa ssword': 4, '2FA': 5, '2-fa': 6, pastword: 7, paper: 8, x: 9, xy: 10, '22fa': 11 };
    expect(sanitizer.sanitize(value)).toStrictEqual({
      p_assword: '[REDACTED:password]',
      'p.assword': '[REDACTED:password]',
      pAssword: '[REDACTED:password]',
      'pa ssword': '[REDACTED:password]',
      '2FA': '[REDACTED:secret]',
      '2-fa': '[REDACTED:secret]',
      pastword: 7,
      paper: 8,
      x: '[REDACTED:secret]',
      xy: 10,
      '22fa': 11,
    });
  });

  it('matches a key whose second character is outside ASCII and normalizes away or into ASCII', () => {
    // U+00A0 (no-break space) is white space, which normalizing drops; `İ` (U+0130) lowercases to `i` and
    // U+0307. Neither is a character normalizing keeps as it is, so neither may let the pre-filter rule a key out.
    const sanitizer = createSanitizer({ keys: ['password', '2fa', 'GİZLİ'] });
    const value = { 'p\u00A0assword': 1, '2\u00A0fa': 2, 'gİzlİ': 3, 'g\u00A0izli': 4 };
    expect(sanitizer.sanitize(value)).toStrictEqual({
      'p\u00A0assword': '[REDACTED:password]',
      '2\u00A0fa': '[REDACTED:secret]',
      'gİzlİ': '[REDACTED:secret]',
      'g\u00A0izli': 4,
    });
  });

  it('gives the same verdict for a key seen again (cached), and for a new spelling of it', () => {
    const sanitizer = createSanitizer({ keys: true });
    for (let i = 0; i < 3; i++) {
      expect(sanitizer.sanitize({ apiKey: 'k', note: 'n' })).toStrictEqual({ apiKey: '[REDACTED:token]', note: 'n' });
      expect(sanitizer.sanitize({ API_KEY: 'k', NOTE: 'n' })).toStrictEqual({ API_KEY: '[REDACTED:token]', NOTE: 'n' });
    }
  });

  it('keeps its verdicts right past the cache limit (4096 distinct keys)', () => {
    const sanitizer = createSanitizer({ keys: ['pin'] });
    const many: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) many[`pin${i}`] = i;
    many.pin = -1;
    const out = sanitizer.sanitize(many);
    expect(Object.keys(out)).toHaveLength(5001);
    expect(out.pin).toBe('[REDACTED:secret]');
    expect(out.pin4999).toBe(4999);
    expect(sanitizer.sanitize({ pin: 1, pin0: 0, 'PIN ': 2 })).toStrictEqual({ pin: '[REDACTED:secret]', pin0: 0, 'PIN ': '[REDACTED:secret]' });
  });

  it('holds at most 4096 verdicts however many distinct keys it sees (log keys can come from request data)', () => {
    const sanitizer = createSanitizer({ keys: ['pin'] });
    const many: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) many[`pin-${i}`] = i;
    // The verdict cache is a Map: watch every Map given one of these keys (they pass the pre-filter: `pi`, long enough).
    const set = vi.spyOn(Map.prototype, 'set');
    let largest = 0;
    let cached = 0;
    try {
      sanitizer.sanitize(many);
      for (const [index, [key]] of set.mock.calls.entries()) {
        if (typeof key !== 'string' || !key.startsWith('pin-')) continue;
        cached++;
        largest = Math.max(largest, (set.mock.contexts[index] as Map<unknown, unknown>).size);
      }
    } finally {
      set.mockRestore();
    }
    expect(cached).toBe(5000);
    expect(largest).toBeLessThanOrEqual(4096);
  });
});

describe('key names: the option', () => {
  resetFilterAfterEach();

  it('is off when undefined or false: the value comes back as it is', () => {
    const value = { password: 'p', token: 't' };
    expect(createSanitizer({}).sanitize(value)).toBe(value);
    expect(createSanitizer({ keys: false }).sanitize(value)).toBe(value);
    expect(createSanitizer({ keys: undefined }).sanitize(value)).toBe(value);
  });

  it('takes a list: a default name keeps its kinds (however it is spelled), any other name is "secret"', () => {
    const sanitizer = createSanitizer({ keys: ['API_KEY', 'Authorization', 'pin'] });
    expect(sanitizer.sanitize({ apiKey: 1, authorization: 2, PIN: 3, password: 4 })).toStrictEqual({
      apiKey: '[REDACTED:token]',
      authorization: '[REDACTED:password,token]',
      PIN: '[REDACTED:secret]',
      password: 4,
    });
  });

  it('takes { name: kinds }, the last spelling of a name winning', () => {
    const sanitizer = createSanitizer({ keys: { pin: ['token', 'password', 'token'], PIN: 'security-key', ssn: 'pii' } });
    expect(sanitizer.sanitize({ pin: 1, ssn: 2, password: 3 })).toStrictEqual({ pin: '[REDACTED:security-key]', ssn: '[REDACTED:pii]', password: 3 });
    expect(createSanitizer({ keys: { pin: ['token', 'password', 'token'] } }).sanitize({ pin: 1 })).toStrictEqual({ pin: '[REDACTED:password,token]' });
  });

  it('is off with an empty list or an empty record', () => {
    const value = { password: 'p', nested: { token: 't' } };
    expect(createSanitizer({ keys: [] }).sanitize(value)).toBe(value);
    expect(createSanitizer({ keys: {} }).sanitize(value)).toBe(value);
  });

  it('rejects a name that is not a string, or that normalizes to nothing, naming it', () => {
    const reason = 'must be a non-empty string';
    expectConfigError(() => createSanitizer({ keys: [42 as never] }), 'sanitizer key name', 42, reason);
    expectConfigError(() => createSanitizer({ keys: ['-_. '] }), 'sanitizer key name', '-_. ', reason);
    expectConfigError(() => createSanitizer({ keys: { '': 'token' } }), 'sanitizer key name', '', reason);
    expectConfigError(() => createSanitizer({ keys: { '\t': 'token' } }), 'sanitizer key name', '\t', reason);
  });

  it('rejects bad kinds, naming the key', () => {
    expectConfigError(
      () => createSanitizer({ keys: { pin: 'Bad' } }),
      'sanitizer key "pin"',
      'Bad',
      'invalid datapolicy kind "Bad" (expected "password", "token", "security-key" or a lowercase name such as "api-key")',
    );
    const empty: string[] = [];
    expectConfigError(() => createSanitizer({ keys: { pin: empty } }), 'sanitizer key "pin"', empty, 'at least one datapolicy kind is required');
  });

  it('rejects anything but true, a list or a record', () => {
    const reason = 'must be true, a list of key names or { name: kinds }';
    expectConfigError(() => createSanitizer({ keys: 'password' as never }), 'sanitizer keys', 'password', reason);
    const map = new Map([['password', 'password']]);
    expectConfigError(() => createSanitizer({ keys: map as never }), 'sanitizer keys', map, reason);
    expectConfigError(() => createSanitizer({ keys: 1 as never }), 'sanitizer keys', 1, reason);
  });

  it('applies to the keys of a logger\'s key/value pairs and at any depth, empty values kept', () => {
    const sanitizer = installSanitizer({ keys: true });
    const { logger, take } = captureLogger('text');
    logger.infoS('Keys', 'API_KEY', 'k', 'note', 'n', 'client.secret', '', 'user', { 'x-api-key': 'x', name: 'alice', passwd: null });
    expect(take()).toBe('"Keys" API_KEY="[REDACTED:token]" note="n" client.secret="" user={"name":"alice","passwd":null,"x-api-key":"[REDACTED:token]"}\n');
    expect(sanitizer.metrics().redacted).toStrictEqual({ token: 2 });
  });
});
