import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  createCredentialNameMatcher,
  findSink,
  isCredentialName,
  isFullMaskPattern,
  isSanitizerName,
  parseConfig,
  resolveDefinitions,
  splitIdentifier,
  validateConfig,
} from '../src/definitions/index.js';

describe('splitIdentifier', () => {
  it.each([
    ['APIKey', ['api', 'key']],
    ['x-auth-token', ['x', 'auth', 'token']],
    ['db_password2', ['db', 'password', '2']],
    ['HTTPAuthToken', ['http', 'auth', 'token']],
  ])('%s', (name, words) => expect(splitIdentifier(name)).toEqual(words));
});

describe('isCredentialName', () => {
  it.each([
    'password', 'dbPassword', 'PASSWORD', 'db_password', 'passwd', 'passphrase', 'token', 'accessToken',
    'refresh_token', 'x-auth-token', 'secret', 'clientSecret', 'apiKey', 'API_KEY', 'x-api-key', 'apikey',
    'privateKey', 'authorization', 'Authorization', 'cookie', 'cookies', 'set-cookie', 'bearer', 'bearerToken',
    'credentials', 'creds', 'secretAccessKey', 'newPassword', 'userpassword', 'passwords', 'authHeader',
  ])('%s is credential-like', (name) => expect(isCredentialName(name)).toBe(true));

  it.each([
    'passwordPolicy', 'tokenCount', 'secretName', 'isSecret', 'hashedPassword', 'tokenExpiry', 'passwordHash',
    'tokenType', 'apiKeyId', 'secretRef', 'secretKeyRef', 'maxTokens', 'hasPassword', 'passwordLength',
    'tokenizer', 'nextToken', 'imagePullSecrets', 'username', 'name', 'key', 'passwordFile', 'tokenUrl',
    'accessKeyId', 'author', 'authorized', 'encryptedPassword',
  ])('%s is not', (name) => expect(isCredentialName(name)).toBe(false));

  it('takes extra names and exclusions', () => {
    const match = createCredentialNameMatcher({ names: ['pin', 'sessionId'], excludeNames: ['clientSecret'] });
    expect(match('userPin')).toBe(true);
    expect(match('session_id')).toBe(true);
    expect(match('clientSecret')).toBe(false);
    expect(match('password')).toBe(true);
    expect(isCredentialName('userPin', { names: ['pin'] })).toBe(true);
    expect(isCredentialName('userPin')).toBe(false);
  });
});

describe('sanitizers', () => {
  it.each(['createHash', 'createHmac', 'redact', 'maskSecret', 'sanitizeHeaders', 'hashPassword', 'KObj', 'KRef'])(
    '%s stops taint',
    (name) => expect(isSanitizerName(name)).toBe(true),
  );
  it.each(['format', 'toUpperCase', 'stringify', 'unmask'])('%s does not', (name) =>
    expect(isSanitizerName(name)).toBe(false),
  );
  it('takes user-named functions', () => expect(isSanitizerName('scramble', ['scramble'])).toBe(true));
});

describe('isFullMaskPattern', () => {
  it.each(['/./g', '/[\\s\\S]/g', '/\\w/g', '/[^*]/g', '/.+/g', '/[\\d\\D]*/gu'])('%s masks every character', (literal) =>
    expect(isFullMaskPattern(literal)).toBe(true),
  );
  it.each(['/./', '/a/g', '/\\d/g', '/.{4}$/g', "'.'"])('%s does not', (literal) => expect(isFullMaskPattern(literal)).toBe(false));
});

describe('findSink', () => {
  const { sinks } = resolveDefinitions({ sinks: [{ module: './lib/audit.ts', methods: ['record'] }] }, '/repo');
  it('finds klog, console, pino and winston methods', () => {
    expect(findSink(sinks, '@klog-ts/core', 'infoS')?.role).toBe('log');
    expect(findSink(sinks, '@klog-ts/core', 'withValues')?.role).toBe('binding');
    expect(findSink(sinks, 'console', 'log', { global: true })?.role).toBe('log');
    expect(findSink(sinks, 'console', 'log')).toBeUndefined();
    expect(findSink(sinks, 'pino', 'child')?.role).toBe('binding');
    expect(findSink(sinks, 'winston', 'silly')?.role).toBe('log');
    expect(findSink(sinks, '@klog-ts/core', 'withName')).toBeUndefined();
  });
  it('resolves config paths against the config directory, with or without extension', () => {
    expect(findSink(sinks, '/repo/lib/audit.ts', 'record')?.role).toBe('log');
    expect(findSink(sinks, '/repo/lib/audit', 'record')?.role).toBe('log');
    expect(findSink(sinks, '/repo/lib/other.ts', 'record')).toBeUndefined();
    const dir = resolveDefinitions({ sinks: [{ module: './lib/logging', methods: ['record'] }] }, '/repo').sinks;
    expect(findSink(dir, '/repo/lib/logging/index.ts', 'record')?.role).toBe('log');
    expect(findSink(dir, '/repo/lib/logging/other.ts', 'record')).toBeUndefined();
  });
});

describe('config validation', () => {
  it('accepts a full config', () => {
    const config = validateConfig({
      sinks: [{ module: 'my-log', methods: ['audit'] }],
      sources: { names: ['pin'], excludeNames: ['tokenizer'] },
      sanitizers: ['scramble'],
    });
    expect(config.sinks?.[0]?.methods).toEqual(['audit']);
  });
  it.each([
    [[], ' must be a JSON object, got an array', ''],
    [{ sink: [] }, 'sink is not a known field', 'sink'],
    [{ sinks: {} }, 'sinks must be an array, got a object', 'sinks'],
    [{ sinks: [{ module: 'x', methods: 'info' }] }, 'sinks[0].methods must be an array of strings', 'sinks[0].methods'],
    [{ sinks: [{ module: '', methods: ['info'] }] }, 'sinks[0].module must be a non-empty string', 'sinks[0].module'],
    [{ sinks: [{ module: 'x', methods: [] }] }, 'sinks[0].methods must not be empty', 'sinks[0].methods'],
    [{ sources: { names: [3] } }, 'sources.names[0] must be a non-empty string, got a number', 'sources.names[0]'],
    [{ sources: { exclude: [] } }, 'sources.exclude is not a known field', 'sources.exclude'],
    [{ sanitizers: 'hash' }, 'sanitizers must be an array of strings', 'sanitizers'],
  ])('rejects %j', (raw, message, field) => {
    const error = (() => {
      try {
        validateConfig(raw, 'klog-check.config.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(message);
    expect((error as ConfigError).field).toBe(field);
    expect((error as ConfigError).code).toBe('KLOG_CHECK_BAD_CONFIG');
  });
  it('reports invalid JSON with the file name', () => {
    expect(() => parseConfig('{', 'a/klog-check.config.json')).toThrow(/^a\/klog-check.config.json: is not valid JSON/);
  });
});
