// Pins path redaction (src/redaction-paths.ts): pino's path syntax, wildcards, copy-on-write and empty values.
import { configure, info } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, type PathsOption } from '../src/index.js';
import { captured, captureLogger, plainOptions, resetFilterAfterEach } from './capture.js';
import { expectConfigError } from './mutation-helpers.js';

/** The key/value list after the paths' sanitizer filtered it. */
function filtered(paths: PathsOption, kv: readonly unknown[]): readonly unknown[] {
  return createSanitizer({ paths }).filter.filterValues!(kv);
}

describe('paths: syntax', () => {
  it('reads dots, brackets with any quotes, indexes and the first segment as the key', () => {
    const value = { 'b-c': 1, d: 2, e: 3, f: 4, g: { h: 5 }, list: ['x', 'y', 'z'], keep: 6 };
    expect(filtered(['a["b-c"]', "a['d']", 'a[`e`]', 'a.f', 'a["g"]["h"]', 'a.list[1]'], ['a', value, 'b', value])).toStrictEqual([
      'a',
      { 'b-c': '[REDACTED:secret]', d: '[REDACTED:secret]', e: '[REDACTED:secret]', f: '[REDACTED:secret]', g: { h: '[REDACTED:secret]' }, list: ['x', '[REDACTED:secret]', 'z'], keep: 6 },
      'b',
      value,
    ]);
  });

  it('takes a bracketed first segment as the key, and a one-segment path redacts the whole value', () => {
    expect(filtered(['["odd key"].x', 'password'], ['odd key', { x: 1, y: 2 }, 'password', { any: 'thing' }, 'other', { x: 1 }])).toStrictEqual([
      'odd key',
      { x: '[REDACTED:secret]', y: 2 },
      'password',
      '[REDACTED:secret]',
      'other',
      { x: 1 },
    ]);
  });

  it('copies an array on the way as an array, and redacts by index', () => {
    const out = filtered(['list[0]', 'list[2].token'], ['list', ['a', 'b', { token: 't', id: 1 }]]);
    expect(out).toStrictEqual(['list', ['[REDACTED:secret]', 'b', { token: '[REDACTED:secret]', id: 1 }]]);
    expect(Array.isArray(out[1])).toBe(true);
  });

  it("keeps an array's own __proto__ field a field in its copy, by a named path and by a wildcard", () => {
    const list: unknown[] = ['a'];
    Object.defineProperty(list, '__proto__', { value: { password: 'hunter2' }, enumerable: true, writable: true, configurable: true });
    for (const path of ['list.__proto__.password', 'list.*.password']) {
      const copy = filtered([path], ['list', list])[1] as object;
      expect(Object.getPrototypeOf(copy)).toBe(Array.prototype);
      expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual({ password: '[REDACTED:secret]' });
    }
  });

  it('rejects what pino would reject, naming the path', () => {
    const reason = 'is not a redaction path in pino\'s syntax (a.b, a["b-c"], a[0], *.b, a.*)';
    for (const path of ['', 'a..b', 'a.', '[a]', 'a b']) {
      expectConfigError(() => createSanitizer({ paths: [path] }), 'sanitizer path', path, reason);
      expectConfigError(() => createSanitizer({ paths: { [path]: 'token' } }), 'sanitizer path', path, reason);
    }
  });

  it('gives a listed path the kind "secret" and a path of a record its own kinds; the same path twice: the last', () => {
    expect(filtered({ 'a.b': 'token', 'a.c': ['password', 'token'], 'a["d"]': 'security-key', 'a.d': 'password' }, ['a', { b: 1, c: 2, d: 3 }])).toStrictEqual([
      'a',
      { b: '[REDACTED:token]', c: '[REDACTED:password,token]', d: '[REDACTED:password]' },
    ]);
  });
});

describe('paths: wildcards', () => {
  it('* as the key applies to every value, and to sanitize()', () => {
    const sanitizer = createSanitizer({ paths: ['*.pin'] });
    expect(sanitizer.filter.filterValues!(['a', { pin: 1 }, 'b', { pin: 2, x: 3 }, 'c', 'pin'])).toStrictEqual(['a', { pin: '[REDACTED:secret]' }, 'b', { pin: '[REDACTED:secret]', x: 3 }, 'c', 'pin']);
    expect(sanitizer.sanitize({ pin: 1, x: { pin: 2 } })).toStrictEqual({ pin: '[REDACTED:secret]', x: { pin: 2 } });
  });

  it('* in the middle and at the end, with dots or brackets', () => {
    const value = { users: [{ pin: 1, name: 'a' }, { pin: 2, name: 'b' }], map: { x: { pin: 3 }, y: { pin: 4 } }, all: { p: 1, q: [2] } };
    expect(filtered(['v.users[*].pin', 'v.map.*.pin', 'v.all.*'], ['v', value])).toStrictEqual([
      'v',
      {
        users: [{ pin: '[REDACTED:secret]', name: 'a' }, { pin: '[REDACTED:secret]', name: 'b' }],
        map: { x: { pin: '[REDACTED:secret]' }, y: { pin: '[REDACTED:secret]' } },
        all: { p: '[REDACTED:secret]', q: '[REDACTED:secret]' },
      },
    ]);
  });

  it('a lone * redacts every value that is not empty', () => {
    expect(filtered(['*'], ['a', 1, 'b', '', 'c', { d: 1 }, 'e', null])).toStrictEqual(['a', '[REDACTED:secret]', 'b', '', 'c', '[REDACTED:secret]', 'e', null]);
  });

  it('wildcard paths apply to legacy operands; paths by key do not', () => {
    installSanitizer({ paths: ['*.token', 'req.pin'] });
    const sink = captured();
    configure(plainOptions('text', sink.output));
    info('Call ', { token: 't', pin: 1 });
    expect(sink.take()).toBe('Call map[pin:1 token:[REDACTED:secret]]\n');
  });

  it('a path that ends where another goes on redacts the whole value there', () => {
    expect(filtered(['a.b', 'a.b.c', 'x.y.z', 'x.y'], ['a', { b: { c: 1, d: 2 } }, 'x', { y: { z: 1, w: 2 } }])).toStrictEqual(['a', { b: '[REDACTED:secret]' }, 'x', { y: '[REDACTED:secret]' }]);
  });

  it('a wildcard next to named keys: each value is walked once, with the named path and the wildcard\'s', () => {
    const value = { b: { c: 1, d: 2, x: 3 }, e: { d: 5, y: 6 }, f: { d: 4, c: 6 }, g: 7 };
    expect(filtered(['a.b.c', 'a.e.y', 'a.*.d'], ['a', value])).toStrictEqual([
      'a',
      { b: { c: '[REDACTED:secret]', d: '[REDACTED:secret]', x: 3 }, e: { d: '[REDACTED:secret]', y: '[REDACTED:secret]' }, f: { d: '[REDACTED:secret]', c: 6 }, g: 7 },
    ]);
  });

  it('paths sharing their first segments all apply', () => {
    expect(filtered(['r.h.a', 'r.h.b', 'r.c', 'r["h"].d'], ['r', { h: { a: 1, b: 2, d: 3, e: 4 }, c: 5, f: 6 }])).toStrictEqual([
      'r',
      { h: { a: '[REDACTED:secret]', b: '[REDACTED:secret]', d: '[REDACTED:secret]', e: 4 }, c: '[REDACTED:secret]', f: 6 },
    ]);
  });
});

describe('paths: copy-on-write and empty values', () => {
  it('never changes the caller\'s value: containers on the way are copied, everything else is shared', () => {
    const shared = { deep: { z: 1 } };
    const list = [{ pin: 1 }, shared];
    const value = Object.freeze({ a: Object.freeze({ pin: 2, other: shared }), list: Object.freeze(list), untouched: shared });
    const out = filtered(['v.a.pin', 'v.list[*].pin'], ['v', value])[1] as typeof value;
    expect(out).toStrictEqual({ a: { pin: '[REDACTED:secret]', other: shared }, list: [{ pin: '[REDACTED:secret]' }, shared], untouched: shared });
    expect(out).not.toBe(value);
    expect(out.a.other).toBe(shared);
    expect(out.list[1]).toBe(shared);
    expect(out.untouched).toBe(shared);
    expect(value).toStrictEqual({ a: { pin: 2, other: shared }, list: [{ pin: 1 }, shared], untouched: shared });
  });

  it('copies nothing when nothing matched, or only empty values did', () => {
    const kv = ['a', { b: '', c: null, d: [], e: new Map(), f: undefined }, 'n', { b: 1 }, 's', 'text', 'x', null];
    const out = filtered(['a.b', 'a.c', 'a.d', 'a.e', 'a.f', 'a.missing', 'n.c', 's.b', 'x.b', 'a.b.c.d'], kv);
    expect(out).toBe(kv);
  });

  it('keeps a class instance\'s class in the copy', () => {
    class Request {
      pin = 1;
      path = '/';
    }
    const out = filtered(['req.pin'], ['req', new Request()])[1];
    expect(out).toBeInstanceOf(Request);
    expect({ ...(out as object) }).toStrictEqual({ pin: '[REDACTED:secret]', path: '/' });
  });

  it('only own properties count', () => {
    const inherited = Object.create({ pin: 1 }) as { pin: number };
    const kv = ['a', inherited];
    expect(filtered(['a.pin', '*.pin'], kv)).toBe(kv);
  });

  it('in a logger line, in both formats', () => {
    installSanitizer({ paths: { 'req.headers.authorization': ['password', 'token'] } });
    for (const [format, line] of [
      ['text', '"Request" req={"headers":{"accept":"json","authorization":"[REDACTED:password,token]"}}\n'],
      ['json', '{"ts":0,"msg":"Request","v":0,"req":{"headers":{"accept":"json","authorization":"[REDACTED:password,token]"}}}\n'],
    ] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Request', 'req', { headers: { accept: 'json', authorization: 'Basic eA==' } });
      expect(take()).toBe(line);
    }
  });
});

describe('paths: the option', () => {
  resetFilterAfterEach();

  it('keys that are not strings take no path by key', () => {
    const key = { toString: () => 'a' };
    const kv = [key, { b: 1 }, 1, { b: 1 }];
    expect(filtered(['a.b', '["1"].b'], kv)).toBe(kv);
  });
});
