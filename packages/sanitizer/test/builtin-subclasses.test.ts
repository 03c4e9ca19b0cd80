/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { afterEach, describe, expect, it } from 'vitest';
import { datapolicy, installSanitizer, registerDataPolicy, sanitize } from '../src/index.js';
import { registry } from '../src/registry-slot.js';
import { everyOutput, resetFilterAfterEach } from './capture.js';

/** Types a library might hand out, built on built-ins; none can be decorated by the user. */
class ApiKeyText extends String {}
class PinNumber extends Number {}
class KeyBytes extends Uint8Array {}
class TokenList extends Array<string> {
  owner = '';

  /** Prints its fields, as a library's serializer might: a tagged field must reach it redacted. */
  toJSON(): unknown {
    return { owner: this.owner, items: [...this] };
  }
}
class Expiry extends Date {
  token = '';

  override toJSON(): string {
    return `${this.toISOString()} ${this.token}`;
  }
}

let unregister: (() => void)[] = [];
function register(...args: Parameters<typeof registerDataPolicy>): void {
  unregister.push(registerDataPolicy(...args));
}

describe('registrations on built-ins and their subclasses', () => {
  resetFilterAfterEach();
  afterEach(() => {
    for (const undo of unregister) undo();
    unregister = [];
  });

  it('a whole-value registration on a subclass of String, Number, Uint8Array or Array redacts its instances, in every output', () => {
    register(ApiKeyText, 'token');
    register(PinNumber, 'password');
    register(KeyBytes, 'security-key');
    register(TokenList, 'token');
    installSanitizer();
    const list = TokenList.from(['tok-list-1']) as TokenList;
    const values = ['text', new ApiKeyText('tok-text-1'), 'pin', new PinNumber(480_913), 'bytes', new KeyBytes([107, 101, 121, 45, 98]), 'list', list];
    const out = everyOutput((logger) => logger.infoS('Subclasses', ...values));
    for (const written of Object.values(out)) {
      expect(written).not.toMatch(/tok-text-1|480913|tok-list-1|107/);
      expect(written.split('[REDACTED:').length - 1).toBe(4);
    }
    expect(out.json).toContain('"text":"[REDACTED:token]","pin":"[REDACTED:password]","bytes":"[REDACTED:security-key]","list":"[REDACTED:token]"');
    expect(sanitize({ nested: [list] })).toEqual({ nested: ['[REDACTED:token]'] });
  });

  it('a registration on Buffer or Uint8Array itself applies to its instances and subclasses', () => {
    register(Buffer, 'security-key');
    expect(sanitize({ key: Buffer.from('key-material') })).toEqual({ key: '[REDACTED:security-key]' });
    expect(sanitize(new Uint8Array([1]))).toBeInstanceOf(Uint8Array);
    register(Uint8Array, 'token');
    expect(sanitize([new Uint8Array([1]), new KeyBytes([2])])).toEqual(['[REDACTED:token]', '[REDACTED:token]']);
  });

  it('a whole-value registration on a Date subclass redacts it, in every output', () => {
    class SessionExpiry extends Date {}
    register(SessionExpiry, 'token');
    installSanitizer();
    const out = everyOutput((logger) => logger.infoS('Session', 'expires', new SessionExpiry(0)));
    for (const written of Object.values(out)) {
      expect(written).not.toContain('1970');
      expect(written).toContain('[REDACTED:token]');
    }
  });

  it('a field registration on an Array subclass redacts the field in a copy that is still an array of that class', () => {
    register(TokenList, { owner: 'token' });
    installSanitizer();
    const list = TokenList.from(['a', 'b']) as TokenList;
    list.owner = 'tok-owner-1';
    const clean = sanitize(list);
    expect(Array.isArray(clean)).toBe(true);
    expect(clean).toBeInstanceOf(TokenList);
    expect([...clean]).toEqual(['a', 'b']);
    expect(clean.owner).toBe('[REDACTED:token]');
    expect(list.owner).toBe('tok-owner-1');
    const out = everyOutput((logger) => logger.infoS('List', 'list', list));
    for (const written of Object.values(out)) {
      expect(written).not.toContain('tok-owner-1');
      expect(written).toContain('"owner":"[REDACTED:token]"');
    }
  });

  it('a decorated field of an Array subclass is redacted: its first instance makes arrays be told apart by prototype', () => {
    class OwnedList extends Array<string> {
      @datapolicy('token') owner = '';

      toJSON(): unknown {
        return { owner: this.owner, items: [...this] };
      }
    }
    // Until a class derived from Array is tagged, the scanner does not read an array's prototype.
    registry.arrayClassesTagged = false;
    const list = OwnedList.from(['a']) as OwnedList;
    expect(registry.arrayClassesTagged).toBe(true);
    list.owner = 'tok-owned-1';
    expect(sanitize({ list }).list.owner).toBe('[REDACTED:token]');
    installSanitizer();
    const out = everyOutput((logger) => logger.infoS('Owned', 'list', list));
    for (const written of Object.values(out)) expect(written).not.toContain('tok-owned-1');
  });

  it('a tagged field of a built-in that is not copied (a Date, bytes, a RegExp) redacts the whole value while it holds something', () => {
    register(Expiry, { token: 'token' });
    class Stamp extends Date {
      @datapolicy('password') pin = '';
    }
    class SignedBytes extends Uint8Array {
      @datapolicy('security-key') signingKey = 'key-bytes-1';
    }
    class Pattern extends RegExp {
      @datapolicy('token') token = 'tok-pattern-1';
    }
    installSanitizer();
    const expiry = new Expiry(0);
    expect(sanitize(expiry)).toBe(expiry);
    expiry.token = 'tok-expiry-1';
    const stamp = new Stamp(0);
    stamp.pin = 'pin-1';
    expect(sanitize({ expiry, stamp, bytes: new SignedBytes([1, 2]), pattern: new Pattern('a+') })).toEqual({
      expiry: '[REDACTED:token]',
      stamp: '[REDACTED:password]',
      bytes: '[REDACTED:security-key]',
      pattern: '[REDACTED:token]',
    });
    const out = everyOutput((logger) => logger.infoS('Expiry', 'expiry', expiry));
    for (const written of Object.values(out)) expect(written).not.toContain('tok-expiry-1');
  });
});
