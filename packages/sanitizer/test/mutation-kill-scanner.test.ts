// Pins the scanner's bookkeeping (src/scanner.ts): a value that throws when inspected is withheld without a
// second look, a throw on the tracked pass is withheld too, the depth is restored after a throw deep in a
// record, cycles are cut only in copies, and an Error's stack is not read when nothing asks for it.
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy, installSanitizer, registerDataPolicy } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

const UNREADABLE = '[REDACTED:unreadable]';
const TOO_DEEP = '[REDACTED:too-deep]';
const PASSWORD_MARKER = '[REDACTED:password]';
const BEARER = 'Bearer abcdefghijklmnopqrstuvwxyz012345';
const BEARER_MARKER = 'Bearer [REDACTED:token]';

/** Runs `fn` while a matcher is registered (objects are then scanned by their policy, not on the hot path). */
function withMatcher(fn: () => void): void {
  const unregister = registerDataPolicy({ name: 'never', test: () => false }, 'token');
  try {
    fn();
  } finally {
    unregister();
  }
}

/** A value whose prototype cannot be read: scanning it throws. */
function unreadableProxy(): object {
  return new Proxy(
    {},
    {
      getPrototypeOf(): never {
        throw new Error('no prototype');
      },
    },
  );
}

/** An object with String.prototype as its prototype but no string inside: reading its primitive throws. */
function boxedImpostor(): object {
  return Object.create(String.prototype) as object;
}

describe('the scanner', () => {
  it('withholds a value whose prototype cannot be read, and does not ask again', () => {
    let calls = 0;
    const value = new Proxy(
      { a: 1 },
      {
        getPrototypeOf(): object | null {
          calls++;
          throw new Error('no prototype');
        },
      },
    );
    expect(createSanitizer().sanitize(value)).toBe(UNREADABLE);
    expect(calls).toBe(1);
  });

  it('withholds a value that throws only on the tracked pass (after a restart for depth)', () => {
    const top = { a: { b: { c: 1 } } };
    let calls = 0;
    const unregister = registerDataPolicy(
      {
        name: 'throws-on-second-look',
        test: (value) => {
          if (value === top && ++calls === 2) throw new Error('second look');
          return false;
        },
      },
      'token',
    );
    try {
      const sanitizer = createSanitizer({ maxDepth: 1 });
      expect(sanitizer.sanitize(top)).toBe(UNREADABLE);
      expect(calls).toBe(2);
    } finally {
      unregister();
    }
  });

  it('restores the depth after a throw deep inside a record: later siblings get the full maxDepth', () => {
    for (const scan of ['entry', 'objects'] as const) {
      const sanitizer = createSanitizer({ maxDepth: 3, scan });
      const value = { a: boxedImpostor(), b: { c: { d: { e: 1 } } }, f: { g: { h: 1 } } };
      const expected = { a: UNREADABLE, b: { c: { d: TOO_DEEP } }, f: { g: { h: 1 } } };
      expect(sanitizer.sanitize(value)).toStrictEqual(expected);
      // The next scan by the same sanitizer starts at the top again.
      expect(sanitizer.sanitize({ f: { g: { h: 1 } } })).toStrictEqual({ f: { g: { h: 1 } } });
      expect(sanitizer.sanitize(value)).toStrictEqual(expected);
    }
  });

  it('returns a clean cyclic value itself, before and after cutting the cycles of one with a secret', () => {
    const sanitizer = createSanitizer({ keys: true });
    const clean: Record<string, unknown> = { name: 'a' };
    clean.self = clean;
    expect(sanitizer.sanitize(clean)).toBe(clean);
    const dirty: Record<string, unknown> = { password: 'p' };
    dirty.self = dirty;
    expect(sanitizer.sanitize(dirty)).toStrictEqual({ password: '[REDACTED:password]', self: '[Circular]' });
    expect(sanitizer.sanitize(clean)).toBe(clean);
    expect(sanitizer.sanitize(clean)).toBe(clean);
  });

  it("does not read an Error's stack when no detector, tag or key name could change it", () => {
    let reads = 0;
    const error = new Error('failed');
    Object.defineProperty(error, 'stack', {
      get(): string {
        reads++;
        throw new Error('stack getter');
      },
      configurable: true,
    });
    expect(createSanitizer({ scan: 'entry' }).sanitize(error)).toBe(error);
    expect(createSanitizer({ keys: ['pin'] }).sanitize(error)).toBe(error);
    expect(reads).toBe(0);
    // With detectors it is read (and withheld, since the read throws).
    const out = createSanitizer({ detectors: true }).sanitize(error);
    expect(reads).toBe(1);
    expect(Object.getOwnPropertyDescriptor(out, 'stack')?.value).toBe(UNREADABLE);
  });

  it('keeps null items, members and fields as they are, on the hot path and by policy', () => {
    const value = { list: [null, 'x'], map: new Map([['k', null]]), set: new Set([null]), creds: Object.assign(new Credentials(), { extra: null }) };
    const check = (): void => {
      const out = createSanitizer().sanitize(value);
      expect(out.list).toBe(value.list);
      expect(out.map).toBe(value.map);
      expect(out.set).toBe(value.set);
      expect({ ...out.creds }).toStrictEqual({ user: 'alice', password: PASSWORD_MARKER, extra: null });
    };
    check();
    withMatcher(check);
  });

  it('a null-prototype object is scanned by policy like a plain one', () => {
    withMatcher(() => {
      const value = Object.assign(Object.create(null) as object, { password: 'p', ok: 1 });
      const out = createSanitizer({ keys: true }).sanitize({ value });
      expect(Object.getPrototypeOf(out.value)).toBe(null);
      expect({ ...out.value }).toStrictEqual({ password: PASSWORD_MARKER, ok: 1 });
    });
  });

  it('a Date or bytes are kept whole: at the depth limit, and with a field named like a secret', () => {
    const when = new Date(0);
    expect(createSanitizer({ maxDepth: 1 }).sanitize({ when })).toStrictEqual({ when });
    expect(createSanitizer({ maxDepth: 1 }).sanitize({ when }).when).toBe(when);
    const bytes = Object.assign(Buffer.from('ab'), { password: 'p' });
    expect(createSanitizer({ keys: true }).sanitize({ bytes }).bytes).toBe(bytes);
  });

  it('a null-prototype object keeps its null prototype in the copy (hot path)', () => {
    const value = Object.assign(Object.create(null) as object, { password: 'p', ok: 1 });
    const out = createSanitizer({ keys: true }).sanitize(value);
    expect(Object.getPrototypeOf(out)).toBe(null);
    expect({ ...out }).toStrictEqual({ password: PASSWORD_MARKER, ok: 1 });
  });

  it('a tagged array whose fields cannot be listed is withheld whole', () => {
    class Batch extends Array<unknown> {
      @datapolicy('token') owner = 'o';
    }
    const batch = new Batch();
    batch.push('item');
    const hidden = new Proxy(batch, {
      ownKeys(): never {
        throw new Error('no keys');
      },
    });
    expect(createSanitizer().sanitize({ hidden, ok: 1 })).toStrictEqual({ hidden: UNREADABLE, ok: 1 });
  });

  it("does not scan a plain array's named fields: only a tagged class's are written", () => {
    const list = Object.assign(['a'], { password: 'p' });
    expect(createSanitizer({ keys: true }).sanitize(list)).toBe(list);
  });

  it("redacts the items of a tagged array whose fields hold nothing, in a copy (the caller's array is unchanged)", () => {
    class Batch extends Array<unknown> {
      @datapolicy('token') owner = '';
    }
    const batch = new Batch();
    batch.push(BEARER, 'ok');
    const out = createSanitizer({ detectors: true }).sanitize(batch);
    expect([...out]).toStrictEqual([BEARER_MARKER, 'ok']);
    expect(out).toBeInstanceOf(Batch);
    expect([...batch]).toStrictEqual([BEARER, 'ok']);
  });

  it('withholds a Map value that cannot be inspected, and keeps the other members', () => {
    const map = new Map<string, unknown>([
      ['bad', unreadableProxy()],
      ['ok', 1],
    ]);
    const out = createSanitizer().sanitize({ map }).map;
    expect([...out]).toStrictEqual([
      ['bad', UNREADABLE],
      ['ok', 1],
    ]);
  });

  it('returns a value itself when a getter threw once but gave a clean value on the careful second look', () => {
    let reads = 0;
    const value = {
      get flaky(): string {
        if (reads++ === 0) throw new Error('first read');
        return 'fine';
      },
    };
    expect(createSanitizer().sanitize(value)).toBe(value);
  });

  it("lists a class instance's own fields only, not enumerable fields of its prototype", () => {
    class Account {
      name = 'a';
    }
    (Account.prototype as unknown as Record<string, unknown>).password = 'inherited';
    const account = new Account();
    expect(createSanitizer({ keys: true }).sanitize(account)).toBe(account);
  });

  it("reads no field past an instance's own keys, nor an item past an array's length", () => {
    // A prototype that answers for the key `undefined` and for the index after the last item.
    class Odd {
      name = 'a';
      get undefined(): string {
        return BEARER;
      }
    }
    const odd = new Odd();
    const list = ['a'];
    Object.setPrototypeOf(list, Object.create(Array.prototype, { 1: { value: BEARER } }) as object);
    const sanitizer = createSanitizer({ detectors: true });
    expect(sanitizer.sanitize(odd)).toBe(odd);
    expect(sanitizer.sanitize(list)).toBe(list);
  });

  it('asks a Proxy whose keys cannot be listed twice (the fast and the careful pass), not again for its parent', () => {
    let asks = 0;
    const hidden = new Proxy(
      { a: 1 },
      {
        ownKeys(): never {
          asks++;
          throw new Error('no keys');
        },
      },
    );
    expect(createSanitizer().sanitize({ hidden, ok: 1 })).toStrictEqual({ hidden: UNREADABLE, ok: 1 });
    expect(asks).toBe(2);
  });

  it('reads a getter of a redacted object twice at most (to scan it, then to copy it), on the hot path and by policy', () => {
    for (const policy of [false, true]) {
      let reads = 0;
      const plain = {
        get name(): string {
          reads++;
          return 'n';
        },
        password: 'p',
      };
      class Account {}
      const account = new Account() as Record<string, unknown>;
      // The getter comes first, so it is read before the field that is redacted.
      Object.defineProperty(account, 'name', {
        enumerable: true,
        get(): string {
          reads++;
          return 'n';
        },
      });
      account.password = 'p';
      const run = (): void => {
        const sanitizer = createSanitizer({ keys: true });
        expect(sanitizer.sanitize(plain)).toStrictEqual({ name: 'n', password: PASSWORD_MARKER });
        expect(reads).toBe(2);
        expect({ ...sanitizer.sanitize(account) }).toStrictEqual({ name: 'n', password: PASSWORD_MARKER });
        expect(reads).toBe(4);
      };
      if (policy) withMatcher(run);
      else run();
    }
  });
});

describe("the scanner's copies of plain data", () => {
  resetFilterAfterEach();

  it('are not recorded as clean: a marker in one logged again counts again (plain and null-prototype, hot path and by policy)', () => {
    const sanitizer = installSanitizer({ keys: true });
    const { logger } = captureLogger('text');
    const copies = [sanitizer.sanitize(Object.assign(Object.create(null) as object, { password: 'p' }))];
    withMatcher(() => {
      copies.push(sanitizer.sanitize({ password: 'p' }));
      // Logged with a value that is redacted now, so the entry counts; by policy, fields are checked for the marker.
      for (const copy of copies) logger.infoS('Again', 'copy', copy, 'other', { password: 'q' });
    });
    expect(sanitizer.metrics().redacted).toStrictEqual({ password: 4 });
  });
});
