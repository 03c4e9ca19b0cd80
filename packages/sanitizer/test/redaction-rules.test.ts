/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { ConfigError, configure, info, infof } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, DEFAULT_SECRET_KEYS, DETECTOR_NAMES, installSanitizer } from '../src/index.js';
import { captured, captureLogger, plainOptions, resetFilterAfterEach } from './capture.js';

/** Deep-frozen, so that any attempt to change the caller's value throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

const request = frozen({
  method: 'GET',
  headers: { authorization: 'Bearer abc', cookie: 'c=1', accept: 'json', 'x-trace': ['t'] },
  user: { name: 'alice', password: 'p1', profile: { password: 'p2' } },
  items: [{ id: 1, token: 't1' }, { id: 2 }],
});

describe('path redaction (pino\'s syntax; the first segment is the key)', () => {
  resetFilterAfterEach();

  it('redacts static, bracket, wildcard and array paths, copying only the containers on the way', () => {
    const { filter } = createSanitizer({ paths: ['req.headers.authorization', 'req["headers"].cookie', '*.password', 'req.items[*].token', 'req.items[1].missing'] });
    const kv = ['req', request, 'user', request.user, 'count', 3];
    const out = filter.filterValues!(kv) as typeof kv;
    expect(out).toEqual([
      'req',
      {
        method: 'GET',
        headers: { authorization: '[REDACTED:secret]', cookie: '[REDACTED:secret]', accept: 'json', 'x-trace': ['t'] },
        user: { name: 'alice', password: 'p1', profile: { password: 'p2' } },
        items: [{ id: 1, token: '[REDACTED:secret]' }, { id: 2 }],
      },
      'user',
      { name: 'alice', password: '[REDACTED:secret]', profile: { password: 'p2' } },
      'count',
      3,
    ]);
    const req = out[1] as typeof request;
    expect(req.user).toBe(request.user);
    expect(req.headers['x-trace']).toBe(request.headers['x-trace']);
    expect(req.items[1]).toBe(request.items[1]);
  });

  it('gives paths their own kinds, and applies wildcard paths to legacy operands', () => {
    const { filter } = createSanitizer({ paths: { 'req.headers.authorization': ['password', 'token'], '*.token': 'token' } });
    const [, req] = filter.filterValues!(['req', request]) as [string, typeof request];
    expect(req.headers.authorization).toBe('[REDACTED:password,token]');
    expect(filter.filterArgs!(['x', { token: 'abc' }])).toEqual(['x', { token: '[REDACTED:token]' }]);
  });

  it('applies a key\'s paths and the wildcard paths in one walk: one copy per container, one marker per value with every kind', () => {
    const sanitizer = installSanitizer({ paths: { 'req.user.password': 'password', '*.user.password': 'token', '*.user.pin': 'password', 'req.items[*].token': 'token', '*.items[0]': 'secret' } });
    const [, req] = sanitizer.filter.filterValues!(['req', request]) as [string, typeof request & { user: { pin?: string } }];
    expect(req.user).toEqual({ name: 'alice', password: '[REDACTED:password,token]', profile: { password: 'p2' } });
    // A whole-value path wins over a path below it.
    expect(req.items).toEqual(['[REDACTED:secret]', { id: 2 }]);
    expect(sanitizer.metrics().redacted).toEqual({ password: 1, token: 1, secret: 1 });
    const [, other] = sanitizer.filter.filterValues!(['other', { user: { password: 'x', pin: '1234' } }]) as [string, unknown];
    expect(other).toEqual({ user: { password: '[REDACTED:token]', pin: '[REDACTED:password]' } });
  });

  it('takes any key through brackets (compiled as quoted constants), and only own properties', () => {
    const { filter } = createSanitizer({ paths: ['req["x-api-key"]', '["odd key"].secret', 'req.toString'] });
    const inherited = Object.create({ 'x-api-key': 'inherited' }) as Record<string, unknown>;
    expect(filter.filterValues!(['req', { 'x-api-key': 'k', toString: 'own' }, 'odd key', { secret: 1 }, 'req', inherited])).toEqual([
      'req',
      { 'x-api-key': '[REDACTED:secret]', toString: '[REDACTED:secret]' },
      'odd key',
      { secret: '[REDACTED:secret]' },
      'req',
      inherited,
    ]);
  });

  it('changes nothing, and copies nothing, when no path matches', () => {
    const { filter } = createSanitizer({ paths: ['req.body.secret', '*.nothing'] });
    const kv = ['req', request, 'other', { a: 1 }];
    expect(filter.filterValues!(kv)).toBe(kv);
  });

  it('rejects a path that is not pino syntax, naming it', () => {
    expect(() => createSanitizer({ paths: ['a..b'] })).toThrow(ConfigError);
    expect(() => createSanitizer({ paths: ['a..b'] })).toThrow('invalid sanitizer path "a..b": is not a redaction path in pino\'s syntax');
    expect(() => createSanitizer({ paths: { 'a.b': 'Bad Kind' } })).toThrow('invalid sanitizer path "a.b" "Bad Kind"');
  });
});

describe('key-name redaction at any depth', () => {
  resetFilterAfterEach();

  it('redacts the default names at every depth and in every container, in both formats', () => {
    installSanitizer({ keys: true });
    const value = frozen({ deep: { deeper: [{ apiKey: 'k1', api_key: 'k2', 'API-KEY': 'k3' }] }, m: new Map([['clientSecret', 's1']]) });
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Keys', 'password', 'p0', 'value', value, 'headers', frozen({ Authorization: 'Basic eA==', 'Set-Cookie': ['a=1'] }));
      const out = take();
      for (const leaked of ['p0', 'k1', 'k2', 'k3', 's1', 'eA==', 'a=1']) expect(out).not.toContain(leaked);
      expect(out).toContain('[REDACTED:token]');
      expect(out).toContain('[REDACTED:security-key]');
      expect(out).toContain('[REDACTED:password,token]');
    }
  });

  it('rules out short keys by length only when no spelling of a name could be that short', () => {
    // `İ` lowercases to two code units: the key `İd` (2 units) normalizes to the 3-unit name of `İD`.
    const { filter } = createSanitizer({ keys: ['İD', 'pin'] });
    const value = { İd: 'dotted', pin: '1', PIN: '2', 'p-i-n': '3', pi: 'data', id: 'data' };
    expect(filter.filterValues!(['v', value])).toEqual([
      'v',
      { İd: '[REDACTED:secret]', pin: '[REDACTED:secret]', PIN: '[REDACTED:secret]', 'p-i-n': '[REDACTED:secret]', pi: 'data', id: 'data' },
    ]);
  });

  it('matches whole names only: passwordPolicy, tokenCount and secretName are data', () => {
    const sanitizer = createSanitizer({ keys: true });
    const value = { passwordPolicy: 'strong', tokenCount: 3, secretName: 'db-credentials', password: '' };
    expect(sanitizer.sanitize(value)).toBe(value);
  });

  it('takes a list (kinds from the defaults, else "secret") or { name: kinds }', () => {
    expect(createSanitizer({ keys: ['pin', 'password'] }).sanitize({ pin: 1, password: 'x' })).toEqual({ pin: '[REDACTED:secret]', password: '[REDACTED:password]' });
    expect(createSanitizer({ keys: { ssn: 'pii' } }).sanitize({ SSN: '123' })).toEqual({ SSN: '[REDACTED:pii]' });
    expect(() => createSanitizer({ keys: [''] })).toThrow('invalid sanitizer key name "": must be a non-empty string');
    expect(() => createSanitizer({ keys: 'password' as never })).toThrow('invalid sanitizer keys "password"');
  });

  it('counts a named key only when its value is not empty, at the top level as at any depth (block mode)', () => {
    const sanitizer = installSanitizer({ mode: 'block', keys: true, paths: ['*.pin'] });
    const { logger, take } = captureLogger('text');
    logger.infoS('Unset', 'password', [], 'token', '', 'user', { password: [], pin: '', apiKey: null });
    logger.infoS('Set', 'user', { pin: 1234 });
    expect(take()).toBe('"Unset" password=[] token="" user={"apiKey":null,"password":[],"pin":""}\n"Log message has been redacted." key="user" types=["secret"]\n');
    expect(sanitizer.metrics().blocked).toEqual({ secret: 1 });
  });

  it('documents its default list', () => {
    expect(Object.keys(DEFAULT_SECRET_KEYS)).toEqual(expect.arrayContaining(['password', 'token', 'apiKey', 'authorization', 'cookie', 'privateKey']));
  });
});

describe('string detectors (off by default)', () => {
  resetFilterAfterEach();

  const samples: Record<string, [string, string]> = {
    bearer: ['Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543', 'Authorization: Bearer [REDACTED:token]'],
    jwt: ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl done', 'jwt [REDACTED:token] done'],
    'pem-private-key': ['key: -----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY----- end', 'key: [REDACTED:security-key] end'],
    'aws-access-key': ['id=AKIAIOSFODNN7EXAMPLE.', 'id=[REDACTED:token].'],
    'github-token': ['ghp_abcdefghijklmnopqrstuvwxyz0123456789 x', '[REDACTED:token] x'],
    'slack-token': ['xoxb-1234567890-abcdefghij', '[REDACTED:token]'],
  };

  it('has one sample per detector here', () => {
    expect(Object.keys(samples).sort()).toEqual([...DETECTOR_NAMES].sort());
  });

  for (const [name, [input, expected]] of Object.entries(samples)) {
    it(`${name}: replaces the credential and keeps the rest of the string`, () => {
      expect(createSanitizer({ detectors: [name as never] }).sanitize({ s: input })).toEqual({ s: expected });
      expect(createSanitizer({}).sanitize({ s: input })).toEqual({ s: input });
    });
  }

  it('leaves ordinary strings alone, and can be enabled by kind', () => {
    const sanitizer = createSanitizer({ detectors: ['security-key'] });
    const value = { path: '/api/v1/namespaces/default/pods', note: 'Bearer of bad news', key: 'AKIAIOSFODNN7EXAMPLE' };
    expect(sanitizer.sanitize(value)).toBe(value);
    expect(createSanitizer({ detectors: true }).sanitize(value)).toEqual({ ...value, key: '[REDACTED:token]' });
    expect(() => createSanitizer({ detectors: ['jwtt' as never] })).toThrow('invalid sanitizer detector "jwtt": unknown');
  });

  it('bearer: finds the scheme as Bearer, bearer or BEARER, followed by a space or a tab', () => {
    const sanitizer = createSanitizer({ detectors: ['bearer'] });
    const token = '8f14e45fceea167a5a36dedd4bea2543';
    for (const scheme of ['Bearer ', 'bearer ', 'BEARER ', 'Bearer\t', 'bearer  ']) {
      expect(sanitizer.sanitize({ h: `authorization: ${scheme}${token}` })).toEqual({ h: `authorization: ${scheme}[REDACTED:token]` });
    }
  });

  it('looks at messages, errors and legacy operands too', () => {
    installSanitizer({ detectors: true });
    const { logger, take } = captureLogger('text');
    logger.errorS(new Error('bad token ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'Calling with Bearer 8f14e45fceea167a5a36dedd4bea2543');
    expect(take()).toBe('"Calling with Bearer [REDACTED:token]" err="bad token [REDACTED:token]"\n');
    const sink = captured();
    configure(plainOptions('text', sink.output));
    info('token: ', 'xoxb-1234567890-abcdefghij');
    infof('AWS key %s', 'AKIAIOSFODNN7EXAMPLE');
    expect(sink.take()).toBe('token: [REDACTED:token]\nAWS key [REDACTED:token]\n');
  });

  it('in block mode, names "msg" or "err" when that is where the credential was', () => {
    installSanitizer({ mode: 'block', detectors: ['jwt'] });
    const { logger, take } = captureLogger('json');
    logger.infoS('Token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl');
    logger.errorS('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl', 'Failed');
    expect(take()).toBe(
      '{"ts":0,"msg":"Log message has been redacted.","v":0,"key":"msg","types":["token"]}\n' +
        '{"ts":0,"msg":"Log message has been redacted.","key":"err","types":["token"]}\n',
    );
  });
});
