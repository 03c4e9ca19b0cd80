import { describe, expect, it } from 'vitest';
import { ConfigError, configure, createLogger, setVerbosity, setVModule } from '@klog-ts/core';

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

describe('a bad setting is named, whatever its type, and never surfaces as a TypeError', () => {
  it('rejects a misspelt setting at every level instead of ignoring it', () => {
    expect(configError(() => createLogger({ verbsity: 2 } as never)).message).toMatch(/^invalid option "verbsity": unknown setting; expected one of format, verbosity, /);
    expect(configError(() => createLogger({ options: { jsn: {} } } as never)).message).toBe('invalid options key "jsn": unknown setting; expected one of text, json');
    expect(configError(() => createLogger({ options: { json: { splitStreams: true } } } as never)).message).toBe(
      'invalid options.json key "splitStreams": unknown setting; expected one of splitStream, infoBufferSize',
    );
  });

  it('rejects a missing or non-object configuration', () => {
    expect(configError(() => configure(null as never)).message).toBe('invalid options null: must be an object');
    expect(configError(() => configure(undefined as never)).setting).toBe('options');
    expect(configError(() => createLogger([] as never)).setting).toBe('options');
  });

  it('quotes values as written: NaN, bigint, objects, functions', () => {
    expect(configError(() => createLogger({ verbosity: Number.NaN })).message).toBe('invalid verbosity NaN: must be an integer between 0 and 2147483647');
    expect(configError(() => createLogger({ verbosity: 2n as never })).message).toContain('invalid verbosity 2n:');
    expect(configError(() => createLogger({ flushFrequency: {} as never })).message).toBe('invalid flushFrequency {}: must be a duration such as 5s or a whole number of nanoseconds');
    expect(configError(() => createLogger({ options: { text: { infoBufferSize: [1] as never } } })).message).toContain('invalid options.text.infoBufferSize [1]:');
    expect(configError(() => createLogger({ clock: 'now' as never })).message).toBe('invalid clock "now": must be a function');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(configError(() => createLogger({ sink: cyclic as never })).message).toBe('invalid sink an object: must have a writeEntry(entry) method');
    expect(configError(() => createLogger({ pid: 'x'.repeat(500) as never })).message.length).toBeLessThan(150);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(configError(() => createLogger({ clock: revoked.proxy as never })).message).toBe('invalid clock an object: must be a function');
    expect(configError(() => createLogger({ output: new (class Socket {})() as never })).message).toBe('invalid output a Socket: must have a write(string) method');
  });

  it('checks each vmodule entry, naming the bad one', () => {
    expect(configError(() => setVModule([null] as never)).message).toBe('invalid vmodule null: each entry must be a {filePattern, verbosity} object');
    expect(configError(() => setVModule([{ filePattern: 5, verbosity: 1 }] as never)).message).toBe(
      'invalid vmodule {"filePattern":5,"verbosity":1}: filePattern must be a non-empty string',
    );
    expect(configError(() => setVModule([{ filePattern: 'ctl', verbosity: '2' }] as never)).message).toBe(
      'invalid vmodule "ctl=\\"2\\"": verbosity must be an integer between 0 and 2147483647',
    );
    expect(configError(() => setVModule('ctrl=2,cache,node=1')).value).toBe('cache');
  });
});
