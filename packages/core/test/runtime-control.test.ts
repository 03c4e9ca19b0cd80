import { describe, expect, it } from 'vitest';
import { ConfigError, setVerbosity, V } from '@klog-ts/core';
import { captureLogger } from './capture.js';

describe('run-time verbosity and vmodule of a createLogger() logger', () => {
  it('reaches the root, its existing children and V(n) loggers at their next call', () => {
    const { logger, output } = captureLogger({ headers: false, caller: true });
    const child = logger.withName('ctrl').withValues('worker', 1);
    const verbose = child.V(2);
    expect(verbose.enabled()).toBe(false);
    verbose.info('Hidden');
    logger.V(2).info('Hidden too');

    child.setVerbosity(2);
    expect(verbose.enabled()).toBe(true);
    verbose.info('Shown by the child');
    logger.V(2).info('Shown by the root');
    logger.V(3).info('Still hidden');
    logger.withName('later').V(2).info('Shown by a new child');

    logger.setVerbosity(0);
    verbose.info('Hidden again');
    expect(output()).toBe(
      '"Shown by the child" logger="ctrl" worker=1\n"Shown by the root"\n"Shown by a new child" logger="later"\n',
    );
  });

  it('takes a vmodule for the calling file, and removes it with an empty one', () => {
    const { logger, output } = captureLogger({ headers: false });
    logger.setVModule('runtime-control.test=3');
    logger.V(3).info('By file');
    logger.V(4).info('Above the file level');
    logger.setVModule([{ filePattern: 'other', verbosity: 9 }]);
    logger.V(3).info('Other file only');
    logger.setVModule('');
    logger.V(1).info('Nothing left');
    expect(output()).toBe('"By file"\n');
  });

  it('leaves other loggers and the global one alone', () => {
    const a = captureLogger({ headers: false });
    const b = captureLogger({ headers: false });
    a.logger.setVerbosity(5);
    a.logger.V(5).info('A');
    b.logger.V(5).info('B');
    expect(a.output()).toBe('"A"\n');
    expect(b.output()).toBe('');
    expect(V(5).enabled()).toBe(false);
    setVerbosity(0);
  });

  it('rejects a bad level or vmodule with a ConfigError and keeps the old setting', () => {
    const { logger } = captureLogger({ headers: false, verbosity: 2 });
    expect(() => logger.setVerbosity(-1)).toThrow(ConfigError);
    expect(() => logger.setVerbosity(1.5)).toThrow('invalid verbosity 1.5: must be an integer between 0 and 2147483647');
    expect(() => logger.setVModule('a=x')).toThrow('invalid vmodule "a=x"');
    expect(logger.V(2).enabled()).toBe(true);
    expect(logger.V(3).enabled()).toBe(false);
  });
});
