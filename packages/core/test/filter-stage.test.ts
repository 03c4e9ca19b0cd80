import { afterEach, describe, expect, it } from 'vitest';
import { configure, createLogger, infof, KRef, logFilterFailures, setLogFilter, type Entry, type EntrySink, type LogFilter, type LogFormat } from '@klog-ts/core';
import { captureLogger } from './capture.js';

const FORMATS: readonly LogFormat[] = ['text', 'json'];

afterEach(() => setLogFilter(undefined));

describe('bound values are snapshotted when bound', () => {
  it('a value changed after withValues is written as it was when bound, in both formats', () => {
    for (const format of FORMATS) {
      const { logger, output } = captureLogger({ format, headers: false, caller: false });
      const config = { user: 'app', password: '' };
      const bound = logger.withValues('config', config, 'tags', ['a']);
      config.password = 'filled-in-later';
      bound.infoS('Connected');
      expect(output()).not.toContain('filled-in-later');
      expect(output()).toContain(format === 'text' ? 'config={"password":"","user":"app"}' : '"config":{"password":"","user":"app"}');
    }
  });

  it('an entry sink gets copies taken when bound, with marshalers and toJSON applied then', () => {
    const seen: Entry[] = [];
    const sink: EntrySink = { writeEntry: (entry) => void seen.push(entry), flush: () => undefined };
    const logger = createLogger({ sink, caller: false });
    const config = { nested: { password: '' }, when: new Date(0), list: [1] };
    let state = 'at-bind';
    const stateful = { toJSON: () => ({ state }) };
    const bound = logger.withValues('config', config, 'stateful', stateful, 'pod', KRef('ns', 'p'));
    config.nested.password = 'filled-in-later';
    config.when.setTime(5);
    config.list.push(2);
    state = 'later';
    bound.infoS('Connected');
    const values = seen[0].bound!.values[0];
    expect(JSON.stringify(values)).toBe('["config",{"nested":{"password":""},"when":"1970-01-01T00:00:00.000Z","list":[1]},"stateful",{"state":"at-bind"},"pod",{"name":"p","namespace":"ns"}]');
  });

  it('a bound Date is written in JSON as the moment it was bound (component-base writes the time, not the value)', () => {
    let now = 1_000;
    const { logger, output } = captureLogger({ format: 'json', caller: false, clock: () => now });
    const bound = logger.withValues('since', new Date(0));
    now = 2_000;
    bound.infoS('Later');
    expect(output()).toBe('{"ts":2000,"msg":"Later","since":1000,"v":0}\n');
  });

  it('are filtered and snapshotted again, from the live values, when the filter changes', () => {
    const { logger, output } = captureLogger({ headers: false, caller: false });
    const config = { token: '' };
    const bound = logger.withValues('config', config);
    config.token = 'late';
    setLogFilter({ filterValues: (kv) => kv.map((v) => (typeof v === 'object' && v !== null ? '[checked]' : v)) });
    bound.infoS('After');
    expect(output()).toBe('"After" config="[checked]"\n');
  });
});

describe('the filter stage fails closed', () => {
  const throwing = (what: keyof LogFilter): LogFilter => ({
    [what]: () => {
      throw new TypeError('cannot read hunter2');
    },
  });

  it('a filterEntry that throws: the entry is written without message, name, error and values, and counted', () => {
    for (const format of FORMATS) {
      setLogFilter(throwing('filterEntry'));
      const before = logFilterFailures();
      const { logger, output } = captureLogger({ format, headers: false, caller: false, clock: () => 0 });
      logger.withName('svc-hunter2').withValues('bound', 'hunter2').errorS(new Error('hunter2'), 'Login hunter2', 'password', 'hunter2');
      expect(output()).not.toContain('hunter2');
      expect(output()).toBe(
        format === 'text'
          ? '"Log entry withheld" reason="the log filter failed (TypeError)"\n'
          : '{"ts":0,"msg":"Log entry withheld","reason":"the log filter failed (TypeError)"}\n',
      );
      expect(logFilterFailures()).toBe(before + 1);
    }
  });

  it('a filterValues or filterArgs that throws withholds what it was given, not the rest', () => {
    setLogFilter(throwing('filterValues'));
    const { logger, output, reset } = captureLogger({ headers: false, caller: false });
    logger.withValues('password', 'hunter2').infoS('Bound', 'ok', 1);
    expect(output()).toBe('"Bound" internalError="<bound values withheld: the log filter failed (TypeError)>" ok=1\n');
    reset();
    setLogFilter(throwing('filterArgs'));
    logger.withName({ toString: () => 'hunter2' } as unknown as string).infoS('Named');
    expect(output()).toBe('"Named" logger="<withheld: the log filter failed>"\n');
  });

  it('a legacy call whose operands the filter cannot check is withheld', () => {
    let text = '';
    configure({ output: { write: (s: string) => void (text += s) }, headers: false, caller: false });
    try {
      setLogFilter(throwing('filterArgs'));
      infof('password %s', 'hunter2');
      expect(text).toBe('<internal error: the log filter failed; the message was withheld>\n');
    } finally {
      configure({ output: process.stderr, headers: true, caller: true });
    }
  });

  it('an entry sink that throws gets the filtered entry written to the output without values, naming only the error class', () => {
    let text = '';
    const sink: EntrySink = {
      writeEntry: () => {
        throw new RangeError('hunter2');
      },
      flush: () => undefined,
    };
    const logger = createLogger({ sink, output: { write: (s: string) => void (text += s) }, headers: false, caller: false });
    logger.infoS('Message', 'password', 'hunter2');
    expect(text).toBe('"Message" internalError="<internal error: the entry sink failed (RangeError); values withheld>"\n');
  });
});

describe('the encoders are handed the filter stage\'s object filter', () => {
  it('asks about class instances, Maps, Sets, Errors and subclasses of built-ins; not plain data, Dates, bytes or ObjectRefs', () => {
    class Point {
      x = 1;
    }
    class Tags extends Array<string> {}
    class Stamp extends Date {}
    class Bytes extends Uint8Array {}
    class Name extends String {}
    const asked: string[] = [];
    setLogFilter({
      filterObject: (value) => {
        asked.push(value.constructor.name);
        return value;
      },
    });
    for (const format of FORMATS) {
      asked.length = 0;
      const { logger } = captureLogger({ format, caller: false });
      logger.infoS('Values', 'plain', { a: [1, { b: 2 }] }, 'point', new Point(), 'map', new Map([['k', new Point()]]), 'set', new Set([1]));
      logger.infoS('Builtins', 'date', new Date(0), 'bytes', new Uint8Array([1]), 'buffer', Buffer.from('x'), 'pod', KRef('ns', 'p'), 'err', new Error('e'));
      logger.infoS('Subclasses', 'tags', Tags.from(['a']), 'stamp', new Stamp(0), 'bytes', new Bytes(1), 'name', new Name('n'));
      expect(asked.sort()).toEqual(['Bytes', 'Error', 'Map', 'Name', 'Point', 'Point', 'Set', 'Stamp', 'Tags'].sort());
    }
  });

  it('renders what the filter returns, and asks about each object once per rendering', () => {
    class Holder {
      inner = new Map([['password', 'hunter2']]);
    }
    const counts = new Map<object, number>();
    setLogFilter({
      filterObject: (value) => {
        counts.set(value, (counts.get(value) ?? 0) + 1);
        return value instanceof Map ? '[map withheld]' : value;
      },
    });
    for (const format of FORMATS) {
      counts.clear();
      const { logger, output } = captureLogger({ format, caller: false });
      const holder = new Holder();
      logger.infoS('Held', 'holder', holder);
      expect(output()).not.toContain('hunter2');
      expect(output()).toContain('"inner":"[map withheld]"');
      expect(counts.get(holder)).toBe(1);
    }
  });
});
