/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSanitizer, installSanitizer, secret, type SanitizerOptions } from '../src/index.js';
import { isEmpty } from '../src/is-empty.js';
import { RedactionPaths } from '../src/redaction-paths.js';
import { Scanner } from '../src/scanner.js';
import { captureLogger, resetFilterAfterEach } from './capture.js';
import { Credentials } from './fixtures.js';

const SECRET = 'hunter2-hostile';
const UNREADABLE = '[REDACTED:unreadable]';

function thrower(): never {
  throw new Error('hostile');
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({ password: SECRET }, {});
  revoke();
  return proxy;
}

/** A Proxy of `target` with one trap that throws. */
function trapping(target: object, trap: keyof ProxyHandler<object>): object {
  return new Proxy(target, { [trap]: thrower });
}

/** An object whose prototype chain never ends (a Proxy that is its own prototype). */
function endlessChain(): object {
  const proxy: object = new Proxy({}, { getPrototypeOf: () => proxy });
  return proxy;
}

/** Values that cannot be read, built fresh for each run (each may hide a secret behind what throws). */
const hostile: fc.Arbitrary<() => unknown> = fc.constantFrom(
  () => ({ get password(): never { return thrower(); }, creds: new Credentials('a', SECRET) }),
  () => revoked(),
  () => trapping({ creds: new Credentials('a', SECRET) }, 'get'),
  () => trapping({ creds: new Credentials('a', SECRET) }, 'ownKeys'),
  () => trapping({ creds: new Credentials('a', SECRET) }, 'getPrototypeOf'),
  () => trapping({ creds: new Credentials('a', SECRET) }, 'getOwnPropertyDescriptor'),
  () => trapping([new Credentials('a', SECRET)], 'get'),
  () => Object.defineProperty(new Error('x'), 'message', { get: thrower }),
  () => Object.assign(new Map([['creds', new Credentials('a', SECRET)]]), { [Symbol.iterator]: thrower }),
  () => Object.assign(new Set([new Credentials('a', SECRET)]), { [Symbol.iterator]: thrower }),
  () => endlessChain(),
  () => Object.create(endlessChain()) as object,
);

const readable: fc.Arbitrary<() => unknown> = fc.constantFrom(
  () => new Credentials('a', SECRET),
  () => secret(SECRET, 'token'),
  () => Object.assign(new Error('failed'), { creds: new Credentials('a', SECRET) }),
  () => 'plain text',
  () => 42,
  () => null,
);

/** Trees of containers (objects, arrays, Maps, Sets, errors with causes) with readable and hostile leaves. */
const tree: fc.Arbitrary<() => unknown> = fc.letrec<{ node: () => unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    readable,
    hostile,
    fc.dictionary(fc.constantFrom('a', 'b', 'password', 'token'), tie('node'), { maxKeys: 3 }).map((fields) => () => Object.fromEntries(Object.entries(fields).map(([k, build]) => [k, build()]))),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => () => items.map((build) => build())),
    fc.array(tie('node'), { maxLength: 2 }).map((items) => () => new Map(items.map((build, i) => [`k${i}`, build()]))),
    fc.array(tie('node'), { maxLength: 2 }).map((items) => () => new Set(items.map((build) => build()))),
    tie('node').map((build) => () => new Error('wrapped', { cause: build() })),
  ),
})).node;

const options: fc.Arbitrary<SanitizerOptions> = fc.record({
  keys: fc.boolean(),
  detectors: fc.boolean(),
  paths: fc.constantFrom(undefined, ['value.password', '*.token', 'value[*].creds', 'value.a.b']),
}, { requiredKeys: [] });

describe('fail closed: nothing the scanner or a compiled path reads can make it throw', () => {
  resetFilterAfterEach();

  it('unreadable values at the top: a revoked Proxy, an Error whose message getter throws, a Map whose iterator throws', () => {
    const scanner = new Scanner({ keyNames: undefined, detectors: undefined, maxDepth: 32 });
    expect(scanner.scan(revoked())).toBe(UNREADABLE);
    const err = Object.defineProperty(new Error('x'), 'message', { get: thrower });
    expect((scanner.scan(err) as Error).message).toBe(UNREADABLE);
    const map = Object.assign(new Map([['k', 1]]), { [Symbol.iterator]: thrower });
    expect(scanner.scan(map)).toBe(UNREADABLE);
    expect(scanner.scan({ map, ok: 1 })).toEqual({ map: UNREADABLE, ok: 1 });
    expect(scanner.scan(endlessChain())).toBe(UNREADABLE);
  });

  it('isEmpty on a revoked Proxy says "not empty", so a key name or tag still redacts it', () => {
    expect(isEmpty(revoked())).toBe(false);
    expect(createSanitizer({ keys: true }).sanitize({ password: revoked(), ok: 1 })).toEqual({ password: '[REDACTED:password]', ok: 1 });
    installSanitizer({ keys: true });
    const { logger, take } = captureLogger('json');
    logger.infoS('Revoked', 'password', revoked(), 'ok', 1);
    expect(take()).toBe('{"ts":0,"msg":"Revoked","v":0,"password":"[REDACTED:password]","ok":1}\n');
  });

  it("a path's compiled code that reads a throwing getter or a revoked Proxy redacts that value only", () => {
    const paths = new RedactionPaths(['req.headers.authorization', '*.password', 'list[*].token']);
    const scanner = new Scanner({ keyNames: undefined, detectors: undefined, maxDepth: 32 });
    const req = { method: 'GET', get headers(): never { return thrower(); } };
    expect(paths.forKey('req')!(req, scanner)).toEqual({ method: 'GET', headers: UNREADABLE });
    expect(paths.forKey('req')!({ headers: revoked() }, scanner)).toEqual({ headers: UNREADABLE });
    expect(paths.forKey('req')!(revoked(), scanner)).toBe(UNREADABLE);
    expect(paths.wildcard!({ get password(): never { return thrower(); }, name: 'n' }, scanner)).toEqual({ password: UNREADABLE, name: 'n' });
    expect(paths.forKey('list')!([{ token: 't' }, trapping({ token: 't' }, 'get'), revoked()], scanner)).toEqual([{ token: '[REDACTED:secret]' }, { token: UNREADABLE }, UNREADABLE]);
    installSanitizer({ paths: ['req.headers.authorization'] });
    const { logger, take } = captureLogger('json');
    logger.infoS('Hostile path', 'req', req);
    expect(take()).toBe('{"ts":0,"msg":"Hostile path","v":0,"req":{"headers":"[REDACTED:unreadable]","method":"GET"}}\n');
  });

  it('for any tree of hostile and secret values: the scanner and paths never throw, and no line reveals a secret', () => {
    const property = fc.property(tree, options, (build, rules) => {
      const sanitizer = installSanitizer(rules);
      const clean = sanitizer.sanitize({ value: build() });
      const paths = new RedactionPaths(['value.password', '*.token', 'value[*].creds']);
      const scanner = new Scanner({ keyNames: undefined, detectors: undefined, maxDepth: 8 });
      paths.forKey('value')!(build(), scanner);
      paths.wildcard!(build(), scanner);
      scanner.scan(build());
      for (const format of ['text', 'json'] as const) {
        const { logger, take } = captureLogger(format);
        logger.infoS('Tree', 'value', build(), 'clean', clean);
        expect(take()).not.toContain(SECRET);
      }
    });
    fc.assert(property, { seed: 20_260_914, numRuns: 200 });
  });
});
