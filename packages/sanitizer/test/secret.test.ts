import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import { infof, infoS, configure, marshalLog } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { installSanitizer, isSecret, redactionMarker, Secret, secret } from '../src/index.js';
import { captured, captureLogger, FORMATS, plainOptions, resetFilterAfterEach } from './capture.js';

const VALUE = 'hunter2-s3cr3t';
const MARKER = '[REDACTED:password]';

function consoleOutput(write: (c: Console) => void): string {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  write(new Console({ stdout: stream, stderr: stream, colorMode: false }));
  return text;
}

describe('Secret', () => {
  resetFilterAfterEach();
  const s = secret(VALUE, 'password');

  it('reveals its content only through reveal()', () => {
    expect(s.reveal()).toBe(VALUE);
    expect(s.kind).toBe('password');
    expect(secret({ nested: VALUE }, 'token').reveal()).toEqual({ nested: VALUE });
  });

  it('renders the marker through every JavaScript stringification', () => {
    const renderings: Record<string, string> = {
      String: String(s),
      // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the point of the test.
      template: `${s}`,
      concat: '' + (s as unknown as string),
      toString: s.toString(),
      'JSON.stringify': JSON.stringify(s),
      'JSON.stringify nested': JSON.stringify({ a: [s] }),
      'util.inspect': inspect(s),
      'util.inspect nested': inspect({ a: { b: s } }, { depth: 5 }),
      'util.format': format('%s %o %O %j %v', s, s, s, s, s),
      'console.log': consoleOutput((c) => c.log(s, { s })),
      'console.table': consoleOutput((c) => c.table([{ s }])),
      marshalLog: String(s[marshalLog]()),
    };
    for (const [how, text] of Object.entries(renderings)) {
      expect(text, how).not.toContain(VALUE);
      expect(text, how).toContain(MARKER);
    }
    expect(Number(s)).toBeNaN();
    // console.dir skips custom inspection: it shows the class, and the private field stays private.
    expect(consoleOutput((c) => c.dir(s))).toBe('Secret {}\n');
  });

  it('has no enumerable or reflectable content: spread, keys, structuredClone, descriptors', () => {
    expect({ ...s }).toEqual({});
    expect(Object.keys(s)).toEqual([]);
    expect(Object.entries(s)).toEqual([]);
    expect(Reflect.ownKeys(s)).toEqual([]);
    expect(Object.getOwnPropertyDescriptors(s)).toEqual({});
    const clone: unknown = structuredClone(s);
    expect(JSON.stringify(clone)).toBe('{}');
    expect(inspect(clone)).not.toContain(VALUE);
    expect(inspect(Object.assign({}, s))).not.toContain(VALUE);
  });

  it('is recognized by isSecret, including a Secret of another copy of the package (the registered brand)', () => {
    expect(isSecret(s)).toBe(true);
    expect(isSecret({ kind: 'password' })).toBe(false);
    expect(isSecret(VALUE)).toBe(false);
  });

  it('validates its kind', () => {
    expect(() => secret(VALUE, 'Pass Word')).toThrow(/secret\(\): invalid datapolicy kind "Pass Word"/);
    expect(new Secret(VALUE).kind).toBe('secret');
    expect(String(new Secret(VALUE))).toBe('[REDACTED:secret]');
  });

  for (const installed of [false, true]) {
    describe(installed ? 'with the sanitizer installed' : 'without the sanitizer', () => {
      for (const fmt of FORMATS) {
        it(`writes the marker in the ${fmt} format, at the top level and nested`, () => {
          if (installed) installSanitizer();
          const { logger, take } = captureLogger(fmt);
          logger.infoS('Login', 'pw', s, 'nested', { a: [s], m: new Map([['k', s]]) }, 'set', new Set([s]));
          logger.withValues('bound', s).errorS(new Error('failed'), 'Bound', 'x', s);
          const out = take();
          expect(out).not.toContain(VALUE);
          expect(out.split(MARKER).length - 1).toBe(6);
        });
      }

      it('writes the marker through a legacy printf call, with every verb', () => {
        if (installed) installSanitizer();
        const sink = captured();
        configure(plainOptions('text', sink.output));
        infof('%s %v %+v %q %d %x', s, s, { s }, s, s, s);
        infoS('Global', 'pw', s);
        const out = sink.take();
        expect(out).not.toContain(VALUE);
        expect(out).not.toContain(Buffer.from(VALUE).toString('hex'));
        expect(out).toContain(MARKER);
      });
    });
  }

  it('uses one marker format for every kind', () => {
    expect(redactionMarker('token')).toBe('[REDACTED:token]');
    expect(redactionMarker(['password', 'token'])).toBe('[REDACTED:password,token]');
    expect(String(secret(1234, 'security-key'))).toBe('[REDACTED:security-key]');
  });
});
