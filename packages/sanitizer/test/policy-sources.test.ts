/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { afterEach, describe, expect, it } from 'vitest';
import { datapolicy, installSanitizer, registerDataPolicy, sanitize } from '../src/index.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD } from './fixtures.js';

let unregister: (() => void)[] = [];
function register(...args: Parameters<typeof registerDataPolicy>): void {
  unregister.push(registerDataPolicy(...args));
}

/** A matcher for objects that carry an `apiKey`, whatever their class. */
const withApiKey = { name: 'with-api-key', test: (value: object) => Object.hasOwn(value, 'apiKey') };

describe('every source of tags applies to an object', () => {
  resetFilterAfterEach();
  afterEach(() => {
    for (const undo of unregister) undo();
    unregister = [];
  });

  it("a matching matcher adds its tags to the class's decorator tags instead of replacing them, in every output", () => {
    register(withApiKey, { apiKey: 'token' });
    installSanitizer();
    const creds = Object.assign(new Credentials(), { apiKey: 'tok-matched-1' });
    expect({ ...sanitize(creds) }).toEqual({ user: 'alice', password: '[REDACTED:password]', apiKey: '[REDACTED:token]' });
    const out = everyOutput((logger) => logger.infoS('Both', 'creds', creds));
    for (const written of Object.values(out)) {
      expect(written).not.toContain(PASSWORD);
      expect(written).not.toContain('tok-matched-1');
    }
  });

  it('every matching matcher applies, not only the first', () => {
    register({ name: 'first', test: (value) => 'a' in value }, { a: 'token' });
    register({ name: 'second', test: (value) => 'b' in value }, { b: 'password' });
    expect(sanitize({ a: 'tok-a', b: 'pw-b', c: 'visible' })).toEqual({ a: '[REDACTED:token]', b: '[REDACTED:password]', c: 'visible' });
  });

  it("a field tagged by several sources gets every source's kinds; class registrations and decorators merge too", () => {
    class Account {
      @datapolicy('password') secret = 's-1';
      pin = 'p-1';
    }
    register(Account, { secret: 'security-key', pin: 'password' });
    register({ name: 'account', test: (value) => value instanceof Account }, { secret: 'token' });
    expect({ ...sanitize(new Account()) }).toEqual({ secret: '[REDACTED:password,security-key,token]', pin: '[REDACTED:password]' });
  });

  it('a case-insensitive source and a case-sensitive one both apply to the same field', () => {
    class Env {
      DB_PASSWORD = 'pw-env';
      @datapolicy('security-key') DB_KEY = 'key-env';
    }
    register(Env, { db_password: 'password', db_key: 'token' }, { caseInsensitive: true });
    expect({ ...sanitize(new Env()) }).toEqual({ DB_PASSWORD: '[REDACTED:password]', DB_KEY: '[REDACTED:security-key,token]' });
  });

  it('a whole-value policy from any source wins over fields from the others', () => {
    register(withApiKey, 'security-key');
    expect(sanitize({ creds: Object.assign(new Credentials(), { apiKey: 'k' }) })).toEqual({ creds: '[REDACTED:security-key]' });
    class Vault {
      @datapolicy('password') password = 'pw-vault';
    }
    register(Vault, 'token');
    register({ name: 'vault', test: (value) => value instanceof Vault }, { other: 'password' });
    expect(sanitize([new Vault()])).toEqual(['[REDACTED:token]']);
  });
});
