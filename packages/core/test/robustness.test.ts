import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { configure, error, errorf, errorln, Format, info, infof, infoln, KObj, KObjSlice, KRef, marshalLog, V, warning, warningf, warningln } from '@klog-ts/core';
import { captureLogger } from './capture.js';

/** Values that have broken loggers: throwing getters and toString, cycles, Proxies, exotic primitives. */
function hostileValue(): fc.Arbitrary<unknown> {
  const throwing = fc.string().map((message) => {
    const thrower = (): never => {
      throw new Error(message);
    };
    return [
      { get boom(): unknown { return thrower(); } },
      { toString: thrower },
      { toJSON: thrower },
      { [marshalLog]: thrower },
      Object.defineProperty(new Error('x'), 'message', { get: thrower }),
      new Proxy({}, { ownKeys: thrower, get: thrower, getPrototypeOf: thrower }),
      new Proxy([], { get: thrower }),
      { metadata: { get name(): unknown { return thrower(); } } },
    ];
  });
  const cyclic = fc.constant(null).map(() => {
    const a: Record<string, unknown> = { name: 'a' };
    const list: unknown[] = [a];
    a.self = a;
    a.list = list;
    list.push(list);
    return [a, list, new Map([['m', a]]), { [marshalLog]: () => a }];
  });
  const exotic = fc.constantFrom<unknown>(
    Number.NaN, Infinity, -Infinity, -0, 2n ** 70n, -(2n ** 63n), Symbol('s'), Symbol(), () => 1, function named() {},
    Object.create(null), Object.assign(Object.create(null), { b: 1, a: 2 }), new Date(Number.NaN), new Date(0),
    new Uint8Array([0, 255, 10]), Buffer.from('é\n'), new Float64Array([1.5, Number.NaN]), new Set([1, 'a']),
    new Map<unknown, unknown>([[1, 2], [{}, 'obj key']]), new WeakMap(), Promise.resolve(1), /re/g, new URL('https://x/y'),
    KObjSlice('not a list'), KObjSlice([null, { metadata: {} }, 42]), Format({ n: Number.NaN }), KObj(null),
    'x'.repeat(100_000), '\ud800 lone', 'tail \udfff', '\u2028\u2029\u0000\u001f\u007f', 'multi\nline\n', '\n', '\r\n',
  );
  return fc.oneof(
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
    exotic,
    throwing.chain((values) => fc.constantFrom(...values)),
    cyclic.chain((values) => fc.constantFrom(...values)),
    // klog prints ObjectRefs unescaped; a line feed in a name is klog's own multi-line hazard, kept out here.
    fc.tuple(fc.string(), fc.string()).map(([ns, name]) => KRef(ns.replace(/\n/g, ''), name.replace(/\n/g, ''))),
  );
}

// klog writes string keys verbatim (they are meant to be constants): a line feed in one is klog's own
// multi-line hazard, so generated string keys have none. Non-string keys are as hostile as values.
const key = fc.oneof(fc.string().map((k) => k.replace(/\n/g, '')), hostileValue().filter((k) => typeof k !== 'string'));
const kvList = fc.array(fc.tuple(key, hostileValue()), { maxLength: 4 }).chain((pairs) =>
  fc.boolean().map((odd) => {
    const flat = pairs.flat();
    return odd && flat.length > 0 ? flat.slice(0, -1) : flat;
  }),
);

/** A logger name: usually a string, sometimes anything at all (JavaScript callers are not type-checked). */
const nameValue = fc.oneof({ weight: 3, arbitrary: fc.string() }, { weight: 1, arbitrary: hostileValue() });

/** Go format strings with every verb family, bad verbs and bad indexes, or any string, or not a string at all. */
const formatValue = fc.oneof(
  fc.constantFrom('%v %s %d', '%q %x %X %j', '%5.2f %e %g %T %%', '%!', '%[2]d %[1]s', '%*d %.*f', '%', '%+v %#v %t %c %U', '%s\n%s'),
  fc.string(),
  hostileValue(),
);

/**
 * fast-check's default report prints the counterexample, and these values throw when printed. Report
 * what the logger wrote instead (and the error, when logging threw).
 */
function reportOutput(failedOutput: () => string): fc.Parameters<unknown[]> {
  return {
    numRuns: 300,
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? `threw ${details.errorInstance.message}` : 'returned false';
      throw new Error(`property ${cause} after ${details.numRuns} runs; the logger wrote ${JSON.stringify(failedOutput())}`);
    },
  };
}

/** One text record: a header line, then only tab-indented lines or the ` >` that closes a block. */
function isOneTextRecord(output: string): boolean {
  if (!output.endsWith('\n')) return false;
  const lines = output.slice(0, -1).split('\n');
  return /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} /.test(lines[0]) && lines.slice(1).every((line) => line.startsWith('\t') || line.startsWith(' >'));
}

describe('logging never throws, whatever the values', () => {
  afterAll(() => configure({ format: 'text', verbosity: 0, output: process.stderr, clock: Date.now, pid: process.pid }));

  it('text: every structured call writes exactly one record', () => {
    const { logger, output, reset } = captureLogger({ format: 'text', verbosity: 1 });
    let failure = '';
    fc.assert(
      fc.property(hostileValue(), kvList, kvList, fc.string(), nameValue, (err, bound, kv, msg, name) => {
        const child = logger.withName(name as string).withValues(...bound);
        for (const log of [
          () => child.info(msg, ...kv),
          () => child.error(err, msg, ...kv),
          () => child.V(1).infoS(msg, ...kv),
          () => logger.errorS(err, msg, ...kv),
        ]) {
          reset();
          log();
          if (!isOneTextRecord(output())) {
            failure = output();
            return false;
          }
        }
        return true;
      }),
      reportOutput(() => failure),
    );
  });

  it('JSON: every output line is one valid JSON record, starting with ts', () => {
    const { logger, output, reset } = captureLogger({ format: 'json' });
    let failure = '';
    fc.assert(
      fc.property(hostileValue(), kvList, kvList, fc.string(), nameValue, (err, bound, kv, msg, name) => {
        reset();
        const child = logger.withName(name as string).withValues(...bound);
        child.info(msg, ...kv);
        child.error(err, msg, ...kv);
        failure = output();
        const lines = failure.split('\n').slice(0, -1);
        // Keys may repeat (Kubernetes keeps duplicates), so check the record's own prefix, not parsed fields.
        return lines.length >= 2 && lines.every((line) => /^\{"ts":[\d.]+,("logger":"[^]*?",)?"caller":"/.test(line) && typeof JSON.parse(line) === 'object');
      }),
      reportOutput(() => failure),
    );
  });

  it('legacy calls (info, infof, …, V(n).infof) never throw and write one entry each', () => {
    let text = '';
    const output = { write: (chunk: string) => void (text += chunk), flush: () => undefined };
    const calls = (format: unknown, args: unknown[]): (() => void)[] => [
      () => info(...args),
      () => infof(format as string, ...args),
      () => infoln(...args),
      () => warning(...args),
      () => warningf(format as string, ...args),
      () => warningln(...args),
      () => error(...args),
      () => errorf(format as string, ...args),
      () => errorln(...args),
      () => V(1).info(...args),
      () => V(1).infof(format as string, ...args),
      () => V(1).infoln(...args),
    ];
    for (const format of ['text', 'json'] as const) {
      configure({ format, verbosity: 1, output, clock: () => 1_709_802_303_012, pid: 4242 });
      fc.assert(
        fc.property(formatValue, fc.array(hostileValue(), { maxLength: 4 }), (fmt, args) => {
          for (const log of calls(fmt, args)) {
            text = '';
            log();
            // Legacy messages are printed raw (klog does not quote them), so a text entry may span lines;
            // it still starts with one header and ends with a line feed. JSON stays one line.
            const ok = format === 'json' ? /^\{"ts":[^\n]*\}\n$/.test(text) && typeof JSON.parse(text) === 'object' : /^[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} [^]*\n$/.test(text);
            if (!ok) return false;
          }
          return true;
        }),
        reportOutput(() => text),
      );
    }
  });

  it('a throwing toString renders inline as <panic: …> in text and keyError PANIC=… in JSON', () => {
    const thrower = { toString: (): string => { throw new Error('boom'); } };
    const text = captureLogger({ format: 'text', headers: false });
    text.logger.info('msg', 'v', thrower);
    expect(text.output()).toBe('"msg" v="<panic: boom>"\n');
    const json = captureLogger({ format: 'json', caller: false });
    json.logger.info('msg', 'v', thrower);
    expect(json.output()).toBe('{"ts":1709802303012,"msg":"msg","v":0,"vError":"PANIC=boom"}\n');
  });

  it('cycles are reported, not followed', () => {
    const a: Record<string, unknown> = {};
    a.a = a;
    const { logger, output } = captureLogger({ format: 'text', headers: false });
    logger.info('msg', 'a', a);
    expect(output()).toBe('"msg" a="<internal error: json: unsupported value: encountered a cycle via map[string]interface {}>"\n');
  });
});

describe('a Proxy that throws from every trap', () => {
  it('renders inline and keeps the other pairs, in both formats', () => {
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    const json = captureLogger({ format: 'json', caller: false });
    json.logger.info('msg', 'p', hostile, 'ok', true);
    expect(json.output()).toBe('{"ts":1709802303012,"msg":"msg","v":0,"pError":"PANIC=trap","ok":true}\n');
    const text = captureLogger({ format: 'text', headers: false });
    text.logger.info('msg', 'p', hostile, 'ok', true);
    expect(text.output()).toBe('"msg" p="<panic: trap>" ok=true\n');
  });
});
