/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { Format, KObj } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy, installSanitizer, sanitize, secret } from '../src/index.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials, PASSWORD } from './fixtures.js';

interface Node {
  name: string;
  self?: Node;
  parent?: Node;
  children: Node[];
  creds?: Credentials;
}

function cyclic(withSecret: boolean): Node {
  const root: Node = { name: 'root', children: [] };
  root.self = root;
  const child: Node = { name: 'child', parent: root, children: [] };
  if (withSecret) child.creds = new Credentials();
  root.children.push(child);
  return root;
}

describe('cycles', () => {
  resetFilterAfterEach();

  it('a cyclic value without secrets is returned as it is', () => {
    const value = cyclic(false);
    expect(sanitize(value)).toBe(value);
  });

  it('a cyclic value with a secret is copied with the back-references cut, so no path leads back to the original', () => {
    const value = cyclic(true);
    const clean = sanitize(value);
    expect(JSON.stringify(clean)).toBe('{"name":"root","children":[{"name":"child","parent":"[Circular]","children":[],"creds":{"user":"alice","password":"[REDACTED:password]"}}],"self":"[Circular]"}');
    expect(value.children[0].creds?.password).toBe(PASSWORD);
    expect(value.self).toBe(value);
  });

  it('logging a cyclic value never loops and never leaks, in both formats and both scans', () => {
    for (const scan of ['entry', 'objects'] as const) {
      installSanitizer({ scan });
      for (const format of ['text', 'json'] as const) {
        const { logger, take } = captureLogger(format);
        logger.infoS('Tree', 'tree', cyclic(true), 'plain', cyclic(false));
        const out = take();
        expect(out).not.toContain(PASSWORD);
        // The entry scan cuts the cycle in its copy; with scan: 'objects' the encoders report the cycle.
        expect(out).toContain(scan === 'entry' ? '[REDACTED:password]' : 'encountered a cycle');
      }
    }
  });
});

describe('fail closed', () => {
  resetFilterAfterEach();

  it('a throwing getter is redacted as unreadable (scan: entry); the rest of the value and the entry survive', () => {
    const sanitizer = installSanitizer({ scan: 'entry' });
    const value = {
      ok: 1,
      get broken(): never {
        throw new Error('getter exploded');
      },
      creds: new Credentials(),
    };
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Getter', 'value', value, 'after', 'still here');
      const out = take();
      expect(out).toContain('"broken":"[REDACTED:unreadable]"');
      expect(out).toContain('"ok":1');
      expect(out).toContain('"password":"[REDACTED:password]"');
      expect(out).toContain('still here');
      expect(out).not.toContain('exploded');
    }
    expect(sanitizer.metrics().redacted).toEqual({ unreadable: 2, password: 2 });
  });

  it('a Proxy whose traps throw, or a revoked one, is redacted whole', () => {
    const hostile = new Proxy({}, {
      getPrototypeOf() {
        throw new Error('trap');
      },
    });
    const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
    revoke();
    expect(sanitize({ hostile, revoked: proxy, fine: 2 })).toEqual({ hostile: '[REDACTED:unreadable]', revoked: '[REDACTED:unreadable]', fine: 2 });
    expect(sanitize(proxy)).toBe('[REDACTED:unreadable]');
  });

  it('a value nested deeper than maxDepth is redacted as too-deep', () => {
    const sanitizer = createSanitizer({ maxDepth: 3 });
    expect(sanitizer.sanitize({ a: { b: { c: 1 } } })).toEqual({ a: { b: { c: 1 } } });
    expect(sanitizer.sanitize({ a: { b: { c: { d: 1 } } }, ok: true })).toEqual({ a: { b: { c: '[REDACTED:too-deep]' } }, ok: true });
    let deep: unknown = { end: true };
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(JSON.stringify(createSanitizer().sanitize(deep))).toContain('[REDACTED:too-deep]');
  });

  it('a getter that logs while the sanitizer inspects it gets its own pass', () => {
    installSanitizer({ scan: 'entry' });
    const { logger, take } = captureLogger('text');
    const value = {
      get inner() {
        logger.infoS('Inner', 'creds', new Credentials());
        return 'x';
      },
    };
    logger.infoS('Outer', 'value', value, 'creds', new Credentials());
    const out = take();
    expect(out).not.toContain(PASSWORD);
    // The getter runs twice (the sanitizer's read, then the encoder's): two inner entries, one outer.
    expect(out.match(/"Inner" creds=\{"user":"alice","password":"\[REDACTED:password\]"\}/g)).toHaveLength(2);
    expect(out).toContain('"Outer" value={"inner":"x"} creds={"user":"alice","password":"[REDACTED:password]"}');
  });
});

describe('the caller\'s objects are never changed', () => {
  it('frozen input is copied, not written; setters are not called', () => {
    let setterCalls = 0;
    const input = Object.freeze({
      creds: Object.freeze(new Credentials()),
      list: Object.freeze([Object.freeze(new Credentials())]),
      set trap(_v: unknown) {
        setterCalls++;
      },
    });
    const out = createSanitizer({ keys: true, paths: ['*.creds'] }).sanitize(input);
    expect(out).not.toBe(input);
    expect(input.creds.password).toBe(PASSWORD);
    expect(input.list[0].password).toBe(PASSWORD);
    expect(setterCalls).toBe(0);
    expect((out as unknown as { list: Credentials[] }).list[0].password).toBe('[REDACTED:password]');
  });

  it('a "__proto__" key stays a key', () => {
    const value = JSON.parse('{"__proto__": {"password": "p"}, "ok": 1}') as Record<string, unknown>;
    const out = createSanitizer({ keys: true }).sanitize(value);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"password":"[REDACTED:password]"},"ok":1}');
  });
});

describe('containers and special values', () => {
  resetFilterAfterEach();

  it('looks inside arrays, Maps, Sets, null-prototype objects and errors (own fields, cause, AggregateError)', () => {
    const creds = new Credentials();
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { creds });
    const error = Object.assign(new Error('request failed', { cause: new Error('inner', { cause: { creds } }) }), { config: { creds } });
    const aggregate = new AggregateError([new Error('a'), Object.assign(new Error('b'), { creds })], 'many');
    const out = sanitize({ list: [creds], map: new Map([[1, creds]]), set: new Set([creds]), nullProto, error, aggregate });
    const json = JSON.stringify(out, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v));
    expect(json).not.toContain(PASSWORD);
    expect(Object.getPrototypeOf(out.nullProto)).toBe(null);
    expect(out.error).toBeInstanceOf(Error);
    expect(out.error.message).toBe('request failed');
    expect(Object.keys(out.error)).toEqual(['config']);
    expect((((out.error.cause as Error).cause as { creds: Credentials }).creds).password).toBe('[REDACTED:password]');
    expect(((out.aggregate.errors[1] as { creds: Credentials }).creds).password).toBe('[REDACTED:password]');
  });

  it('looks inside klog\'s Format(value) and keeps it a Format; KObj and Dates are left alone', () => {
    installSanitizer();
    const { logger, take } = captureLogger('text');
    logger.infoS('Formatted', 'f', Format({ creds: new Credentials() }), 'pod', KObj({ metadata: { name: 'p', namespace: 'ns' } }), 'when', new Date(0));
    expect(take()).toBe('"Formatted" f=<\n\t{\n\t  "creds": {\n\t    "user": "alice",\n\t    "password": "[REDACTED:password]"\n\t  }\n\t}\n >' + ' pod="ns/p" when="1970-01-01 00:00:00 +0000 UTC"\n');
  });

  it('scans a Map\'s object keys, which the encoders write through their String(), in both formats', () => {
    class Dsn {
      host = 'db';
      @datapolicy('password') password = PASSWORD;

      toString(): string {
        return `${this.host}:${this.password}`;
      }
    }
    const key = new Dsn();
    const map = new Map<unknown, unknown>([[key, 1], ['plain', 2], [secret('k1', 'token'), 3]]);
    installSanitizer();
    for (const format of ['text', 'json'] as const) {
      const { logger, take } = captureLogger(format);
      logger.infoS('Pools', 'pools', map, 'nested', { byDsn: new Map([[new Dsn(), 'up']]) });
      const out = take();
      expect(out).not.toContain(PASSWORD);
      expect(out).toContain('"db:[REDACTED:password]":1');
      expect(out).toContain('"[REDACTED:token]":3');
      expect(out).toContain('"db:[REDACTED:password]":"up"');
    }
    expect(map.has(key)).toBe(true);
    expect(key.password).toBe(PASSWORD);
    const clean = new Map([[{ id: 1 }, 'x']]);
    expect(sanitize(clean)).toBe(clean);
  });

  it('a Secret used anywhere, even as a Map value or a Set member, becomes its marker', () => {
    expect(sanitize(new Map([['k', secret('v', 'token')]]))).toEqual(new Map([['k', '[REDACTED:token]']]));
    expect(sanitize(new Set([secret('v', 'token')]))).toEqual(new Set(['[REDACTED:token]']));
  });
});
