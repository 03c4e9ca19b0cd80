import { afterEach, describe, expect, it } from 'vitest';
import {
  background,
  ConfigError,
  configure,
  contextValuesHookFailures,
  createLogger,
  errorf,
  infoln,
  fromContext,
  getContextValuesHook,
  infoS,
  setContextValuesHook,
  setLogFilter,
  V,
  warning,
  withLogger,
  type Entry,
  type EntrySink,
  type LogFormat,
} from '@klog-ts/core';
import { captureLogger } from './capture.js';

const FORMATS: readonly LogFormat[] = ['text', 'json'];

afterEach(() => {
  setContextValuesHook(undefined);
  setLogFilter(undefined);
  configure({ format: 'text', verbosity: 0, output: process.stderr, headers: true, caller: true });
});

/** A hook whose pairs say which request is being served (what a per-request context would give). */
function requestHook(): (() => readonly unknown[] | undefined) & { serve: (id: string | undefined) => void } {
  let current: string | undefined;
  const hook = () => (current === undefined ? undefined : ['request', current]);
  return Object.assign(hook, {
    serve: (id: string | undefined) => {
      current = id;
    },
  });
}

describe('the context values hook', () => {
  it('adds its pairs after the bound values and before the call pairs, in both formats', () => {
    setContextValuesHook(() => ['traceId', 'abc', 'sampled', true]);
    for (const format of FORMATS) {
      const { logger, output } = captureLogger({ format, headers: false, caller: false, clock: () => 0 });
      logger.withValues('bound', 1).infoS('Served', 'status', 200);
      expect(output()).toBe(
        format === 'text'
          ? '"Served" bound=1 traceId="abc" sampled=true status=200\n'
          : '{"ts":0,"msg":"Served","bound":1,"v":0,"traceId":"abc","sampled":true,"status":200}\n',
      );
    }
  });

  it('reaches every logger path: global, background, children, V, errors, legacy calls, contextual loggers', () => {
    setContextValuesHook(() => ['ctx', 'on']);
    let text = '';
    configure({ output: { write: (chunk: string) => void (text += chunk), flush: () => undefined }, headers: false, caller: false, verbosity: 2 });
    infoS('Global');
    background().withName('svc').withValues('b', 1).V(2).info('Child');
    V(1).infoS('Verbose');
    warning('Legacy ', 42);
    errorf('Legacy %d', 7);
    infoln('Line', 1);
    withLogger(background().withValues('request', 'r1'), () => fromContext().errorS(new Error('boom'), 'Contextual'));
    expect(text.split('\n').slice(0, -1)).toEqual([
      '"Global" ctx="on"',
      '"Child" logger="svc" b=1 ctx="on"',
      '"Verbose" ctx="on"',
      '"Legacy 42" ctx="on"',
      '"Legacy 7" ctx="on"',
      '"Line 1" ctx="on"',
      '"Contextual" err="boom" request="r1" ctx="on"',
    ]);
  });

  it('is read once per written entry, at the moment of the call, and not for a disabled V level', () => {
    const hook = requestHook();
    let calls = 0;
    setContextValuesHook(() => {
      calls++;
      return hook();
    });
    const { logger, output } = captureLogger({ headers: false, caller: false });
    logger.V(3).infoS('Disabled');
    hook.serve('r1');
    logger.infoS('First');
    hook.serve(undefined);
    logger.infoS('Between');
    hook.serve('r2');
    logger.infoS('Second');
    expect(calls).toBe(3);
    expect(output()).toBe('"First" request="r1"\n"Between"\n"Second" request="r2"\n');
  });

  it('hands its pairs to an entry sink as part of kv', () => {
    setContextValuesHook(() => ['ctx', 'on']);
    const seen: Entry[] = [];
    const sink: EntrySink = { writeEntry: (entry) => void seen.push(entry), flush: () => undefined };
    createLogger({ sink }).infoS('Sunk', 'k', 'v');
    expect(seen.map((entry) => entry.kv)).toEqual([['ctx', 'on', 'k', 'v']]);
  });

  it('passes its pairs through the log filter like any other pair', () => {
    setContextValuesHook(() => ['session', 'hunter2']);
    setLogFilter({ filterEntry: (entry) => ({ ...entry, kv: entry.kv.map((v) => (v === 'hunter2' ? '[REDACTED]' : v)) }) });
    const { logger, output } = captureLogger({ headers: false, caller: false });
    logger.infoS('Filtered');
    expect(output()).toBe('"Filtered" session="[REDACTED]"\n');
  });

  it('adds nothing, byte for byte, when it returns undefined or an empty list, or when none is installed', () => {
    const written = (hook: (() => readonly unknown[] | undefined) | undefined): string => {
      setContextValuesHook(hook);
      const { logger, output } = captureLogger({ format: 'json' });
      logger.withValues('a', 1).infoS('Same', 'b', 2);
      return output();
    };
    const plain = written(undefined);
    expect(written(() => undefined)).toBe(plain);
    expect(written(() => [])).toBe(plain);
  });

  it('keeps an odd call-site list odd: the dangling key stays the last one', () => {
    setContextValuesHook(() => ['ctx', 'on']);
    const { logger, output } = captureLogger({ headers: false, caller: false });
    logger.infoS('Odd', 'dangling');
    expect(output()).toBe('"Odd" ctx="on" dangling="(MISSING)"\n');
  });
});

describe('a failing hook never breaks logging', () => {
  const cases: [string, () => readonly unknown[] | undefined, string][] = [
    [
      'throws',
      () => {
        throw new TypeError('cannot read hunter2');
      },
      'failed (TypeError)',
    ],
    ['returns no list', () => 'trace' as never, 'returned no list'],
    ['returns an odd list', () => ['key'], 'returned an odd list'],
  ];

  for (const [what, hook, reason] of cases) {
    it(`a hook that ${what}: the entry is written with its own values and the failure, and counted`, () => {
      setContextValuesHook(hook);
      for (const format of FORMATS) {
        const before = contextValuesHookFailures();
        const { logger, output } = captureLogger({ format, headers: false, caller: false, clock: () => 0 });
        logger.withValues('bound', 1).infoS('Still written', 'status', 200);
        const problem = `<context values withheld: the context values hook ${reason}>`;
        expect(output()).toBe(
          format === 'text'
            ? `"Still written" bound=1 internalError="${problem}" status=200\n`
            : `{"ts":0,"msg":"Still written","bound":1,"v":0,"internalError":"${problem}","status":200}\n`,
        );
        expect(output()).not.toContain('hunter2');
        expect(contextValuesHookFailures()).toBe(before + 1);
      }
    });
  }

  it('an entry logged by the hook itself is written without context values (no recursion)', () => {
    const { logger, output } = captureLogger({ headers: false, caller: false });
    setContextValuesHook(() => {
      logger.infoS('From the hook');
      return ['ctx', 'on'];
    });
    logger.infoS('Outer');
    expect(output()).toBe('"From the hook"\n"Outer" ctx="on"\n');
  });

  it('rejects a hook that is not a function, with a configuration error', () => {
    expect(() => setContextValuesHook(['trace_id'] as never)).toThrow(ConfigError);
    expect(() => setContextValuesHook(['trace_id'] as never)).toThrow('invalid context values hook');
    const hook = () => undefined;
    setContextValuesHook(hook);
    expect(getContextValuesHook()).toBe(hook);
  });
});
