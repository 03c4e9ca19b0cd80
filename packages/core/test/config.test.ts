import { describe, expect, it } from 'vitest';
import { ConfigError, createLogger, setVerbosity, setVModule } from '@klog-ts/core';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('bad configuration is rejected when the logger is configured', () => {
  it('names a negative or fractional verbosity', () => {
    expect(configError(() => createLogger({ verbosity: -1 })).message).toBe('invalid verbosity -1: must be an integer between 0 and 2147483647');
    expect(configError(() => setVerbosity(1.5)).setting).toBe('verbosity');
  });

  it('names a malformed vmodule entry', () => {
    expect(configError(() => createLogger({ vmodule: 'controller' })).message).toBe(
      'invalid vmodule "controller": syntax error: expect comma-separated list of filename=N',
    );
    expect(configError(() => setVModule('a=x')).message).toContain('"a=x"');
    expect(configError(() => setVModule([{ filePattern: 'ctl', verbosity: -2 }])).message).toBe(
      'invalid vmodule "ctl=-2": verbosity must be an integer between 0 and 2147483647',
    );
    expect(configError(() => setVModule('[ab=1')).message).toBe('invalid vmodule "[ab=1": malformed file pattern');
  });

  it('names an unknown format and a bad output', () => {
    expect(configError(() => createLogger({ format: 'yaml' as 'json' })).message).toBe('invalid format "yaml": must be "text" or "json"');
    expect(configError(() => createLogger({ output: {} as never })).setting).toBe('output');
  });

  it('changes nothing when one setting is bad', () => {
    let text = '';
    const logger = createLogger({ headers: false, output: { write: (s: string) => void (text += s), flush: () => undefined } });
    expect(() => createLogger({ verbosity: 3, vmodule: 'bad' })).toThrow(ConfigError);
    logger.V(3).info('hidden');
    expect(text).toBe('');
  });

  it('accepts an empty vmodule and a trailing comma', () => {
    expect(() => createLogger({ vmodule: '' })).not.toThrow();
    expect(() => createLogger({ vmodule: 'a=1,' })).not.toThrow();
  });
});

describe('vmodule patterns', () => {
  it('match file names with dashes, dots and globs', () => {
    let text = '';
    const output = { write: (s: string) => void (text += s), flush: () => undefined };
    const logger = createLogger({ headers: false, output, vmodule: 'my-file.test=2,other*=5' });
    expect(logger.V(2).enabled()).toBe(false);
    setVModule('');
    const byDash = createLogger({ headers: false, output, vmodule: 'config.test=2' });
    expect(byDash.V(2).enabled()).toBe(true);
    expect(byDash.V(3).enabled()).toBe(false);
    expect(createLogger({ vmodule: 'conf?g.t*=4' }).V(4).enabled()).toBe(true);
    expect(createLogger({ vmodule: 'my-[a-c]*=1' }).V(1).enabled()).toBe(false);
  });
});
