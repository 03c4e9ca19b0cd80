import { afterEach, describe, expect, it } from 'vitest';
import { background, configure, infof, KObj, KObjs, KRef, V, withCallSite } from '@klog-ts/core';
import { captureLogger } from './capture.js';

describe('Logger', () => {
  it('never changes its parent: withValues and withName return new loggers', () => {
    const { logger, output } = captureLogger({ headers: false });
    const parent = logger.withValues('a', 1);
    const child = parent.withName('child').withValues('b', 2);
    parent.info('parent');
    child.info('child');
    logger.info('root');
    expect(output()).toBe('"parent" a=1\n"child" logger="child" a=1 b=2\n"root"\n');
  });

  it('adds V levels like logr and gates info but not error', () => {
    const { logger, output } = captureLogger({ headers: false, verbosity: 2 });
    logger.V(1).V(1).info('two');
    logger.V(2).V(1).info('three');
    logger.V(5).error(new Error('e'), 'always');
    expect(logger.V(2).enabled()).toBe(true);
    expect(logger.V(3).enabled()).toBe(false);
    expect(output()).toBe('"two"\n"always" err="e"\n');
  });

  it('reports the file and line of the call, through source maps', () => {
    const { logger, output } = captureLogger({ format: 'json' });
    logger.info('here'); const line = new Error().stack!.split('\n')[1].match(/:(\d+):\d+\)?$/)![1];
    expect(output()).toContain(`"caller":"test/logger.test.ts:${line}"`);
  });

  it('reports a wrapper\'s caller with withCallDepth', () => {
    const { logger, output } = captureLogger({ format: 'json' });
    const wrapped = logger.withCallDepth(1);
    const helper = (): void => wrapped.info('from helper');
    helper(); const line = new Error().stack!.split('\n')[1].match(/:(\d+):\d+\)?$/)![1];
    expect(output()).toContain(`"caller":"test/logger.test.ts:${line}"`);
  });

  it('can turn the caller off: ???:1 in text headers, no caller key in JSON', () => {
    const text = captureLogger({ caller: false });
    text.logger.info('x');
    expect(text.output()).toMatch(/^I\d{4} [\d:.]{15} {4}4242 \?\?\?:1\] "x"\n$/);
    const json = captureLogger({ caller: false, format: 'json' });
    json.logger.info('x');
    expect(json.output()).toBe('{"ts":1709802303012,"msg":"x","v":0}\n');
  });

  it('pins a call site with withCallSite', () => {
    const { logger, output } = captureLogger({ addDirHeader: true });
    withCallSite({ file: '/src/pkg/controller/reconcile.ts', line: 7 }, () => logger.info('pinned'));
    expect(output()).toMatch(/ controller\/reconcile\.ts:7\] "pinned"\n$/);
  });

  it('returns one shared no-op object for a disabled V', () => {
    expect(V(9)).toBe(V(10));
    expect(V(9).enabled()).toBe(false);
    expect(background()).toBe(background());
  });
});

describe('object references', () => {
  it('reads client-node metadata and getter-style objects', () => {
    expect(KObj({ metadata: { name: 'p', namespace: 'ns' } }).toString()).toBe('ns/p');
    expect(KObj({ getName: () => 'n', getNamespace: () => '' }).toString()).toBe('n');
    expect(KObj(null).toString()).toBe('');
    expect(KRef('', 'node-1').toJSON()).toEqual({ name: 'node-1' });
  });

  it('never throws from a throwing getter', () => {
    const ref = KObj({ metadata: { get name(): string { throw new Error('gone'); } } });
    expect(ref.name).toBe('<panic: gone>');
  });
});

describe('odd arguments never break an entry', () => {
  afterEach(() => configure({ format: 'text', verbosity: 0, output: process.stderr, caller: true, clock: Date.now }));

  it('V(n) with NaN, negative or fractional levels writes an integer "v", as logr counts levels', () => {
    let text = '';
    configure({ format: 'json', verbosity: 2, caller: false, clock: () => 0, output: { write: (s: string) => void (text += s), flush: () => undefined } });
    V(Number.NaN).infoS('NaN');
    V(-1).infoS('Negative');
    V(1.7).infoS('Fraction');
    background().V(-3).info('Logger negative');
    expect(text.split('\n').slice(0, -1).map((line) => (JSON.parse(line) as { v: unknown }).v)).toEqual([0, 0, 1, 0]);
  });

  it('a logger name or a printf format with a throwing toString renders as <panic: …>', () => {
    const { logger, output } = captureLogger({ headers: false });
    const hostile = { toString: (): string => { throw new Error('no name'); } };
    logger.withName(hostile as never).info('Named');
    expect(output()).toBe('"Named" logger="<panic: no name>"\n');
    let text = '';
    configure({ headers: false, output: { write: (s: string) => void (text += s), flush: () => undefined } });
    expect(() => infof(hostile as never, 1)).not.toThrow();
    expect(text).toBe('<panic: no name>%!(EXTRA int=1)\n');
  });

  it('KObjs of a list that throws when inspected is null, not an exception at the call site', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(KObjs([trap])).toBeNull();
  });
});
