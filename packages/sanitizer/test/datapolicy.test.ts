/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { describe, expect, it } from 'vitest';
import { datapolicy, installSanitizer, sanitize } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD } from './fixtures.js';

class Admin extends Credentials {
  @datapolicy('token') apiToken = 'tok-123';
  role = 'admin';
}

class Plain extends Credentials {}

class Keys {
  @datapolicy('password', 'token') both = 'b';
  @datapolicy('api-key') custom = 'c';
  @datapolicy('password') empty = '';
  @datapolicy('password') missing: string | undefined = undefined;
  @datapolicy('password') none: string | null = null;
  @datapolicy('password') list: string[] = [];
  @datapolicy('password') zero = 0;
  @datapolicy('password') flag = false;
}

class Hidden {
  @datapolicy('password') static shared = 's';
  @datapolicy('password') #pin = 'h';
  visible = 'v';

  pin(): string {
    return this.#pin;
  }
}

class Described {
  name = 'db';
  @datapolicy('password') password = PASSWORD;

  toString(): string {
    return `${this.name}:${this.password}`;
  }
}

class Serialized {
  @datapolicy('token') token = 'abc';

  toJSON(): unknown {
    return { token: this.token, length: this.token.length };
  }
}

describe('@datapolicy', () => {
  resetFilterAfterEach();

  it('tags fields; the sanitizer replaces a tagged non-empty value with the marker of its kinds', () => {
    expect(sanitize(new Credentials())).toEqual(Object.assign(Object.create(Credentials.prototype) as object, { user: 'alice', password: '[REDACTED:password]' }));
    const keys = sanitize(new Keys());
    expect({ ...keys }).toEqual({
      both: '[REDACTED:password,token]',
      custom: '[REDACTED:api-key]',
      empty: '',
      missing: undefined,
      none: null,
      list: [],
      zero: '[REDACTED:password]',
      flag: '[REDACTED:password]',
    });
    expect(keys).toBeInstanceOf(Keys);
  });

  it('is inherited: a subclass keeps its parent\'s tags and adds its own', () => {
    expect({ ...sanitize(new Admin()) }).toEqual({ user: 'alice', password: '[REDACTED:password]', apiToken: '[REDACTED:token]', role: 'admin' });
    expect({ ...sanitize(new Plain()) }).toEqual({ user: 'alice', password: '[REDACTED:password]' });
    expect(Object.keys(sanitize(new Credentials()))).toEqual(['user', 'password']);
  });

  it('leaves the instance itself untouched', () => {
    const admin = new Admin();
    sanitize(admin);
    expect(admin.password).toBe(PASSWORD);
    expect(admin.apiToken).toBe('tok-123');
  });

  it('redacts through a class\'s own toString and toJSON, which run on the redacted copy', () => {
    installSanitizer();
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Connect', 'db', new Described(), 'nested', { db: new Described() }, 'serialized', [new Serialized()]);
      const out = take();
      expect(out).not.toContain(PASSWORD);
      expect(out).not.toContain('abc');
      expect(out).toContain('db:[REDACTED:password]');
      // toJSON returned a plain object: a Go map, keys sorted.
      expect(out).toContain('{"length":16,"token":"[REDACTED:token]"}');
    }
  });

  it('rejects a bad kind when the class is defined, and anything but a field', () => {
    expect(() => datapolicy('Password')).toThrow('@datapolicy: invalid datapolicy kind "Password"');
    expect(() => datapolicy()).toThrow('@datapolicy: at least one datapolicy kind is required');
    const method = { kind: 'method', name: 'm', static: false, private: false } as unknown as ClassFieldDecoratorContext;
    expect(() => datapolicy('token')(undefined, method)).toThrow('@datapolicy(token) applies to class fields only, not to a method');
  });

  it('accepts static and private fields, which the encoders never write, without effect', () => {
    const hidden = new Hidden();
    expect(sanitize(hidden)).toBe(hidden);
    expect(hidden.pin()).toBe('h');
    expect(Hidden.shared).toBe('s');
  });

  it('tags the class from its first instance when the compiler provides no decorator metadata', () => {
    const initializers: ((this: unknown) => void)[] = [];
    const context = {
      kind: 'field',
      name: 'pin',
      static: false,
      private: false,
      metadata: undefined,
      addInitializer: (fn: (this: unknown) => void) => initializers.push(fn),
    } as unknown as ClassFieldDecoratorContext;
    class Legacy {
      pin = '1234';
    }
    datapolicy('password')(undefined, context);
    const legacy = new Legacy();
    expect(sanitize(legacy).pin).toBe('1234');
    for (const init of initializers) init.call(legacy);
    expect(sanitize(legacy).pin).toBe('[REDACTED:password]');
  });
});
