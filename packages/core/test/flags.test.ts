import { describe, expect, it } from 'vitest';
import { ConfigError, parseFlags } from '@klog-ts/core';

describe('parseFlags: Kubernetes logging flags', () => {
  it('reads every flag in Go flag forms and keeps the other arguments in order', () => {
    const { config, args } = parseFlags(
      ['serve', '--logging-format=json', '-v', '3', '--vmodule=ctrl*=4,cache=2', '--log-flush-frequency', '2s', '--log-json-split-stream', '--log-json-info-buffer-size=64Ki', '--log-text-split-stream=false', '--port', '8080', '--', '-v', '9'],
      {},
    );
    expect(config).toEqual({
      format: 'json',
      verbosity: 3,
      vmodule: [{ filePattern: 'ctrl*', verbosity: 4 }, { filePattern: 'cache', verbosity: 2 }],
      flushFrequency: '2s',
      options: { json: { splitStream: true, infoBufferSize: '64Ki' }, text: { splitStream: false } },
    });
    expect(args).toEqual(['serve', '--port', '8080', '--', '-v', '9']);
  });

  it('accepts --v=N and -v=N', () => {
    expect(parseFlags(['--v=2'], {}).config.verbosity).toBe(2);
    expect(parseFlags(['-v=0'], {}).config.verbosity).toBe(0);
  });

  it('reads KLOG_* environment variables, and flags win over them', () => {
    const env = { KLOG_V: '4', KLOG_LOGGING_FORMAT: 'json', KLOG_VMODULE: 'x=1' };
    expect(parseFlags([], env).config).toMatchObject({ verbosity: 4, format: 'json', vmodule: [{ filePattern: 'x', verbosity: 1 }] });
    expect(parseFlags(['-v=1'], env).config.verbosity).toBe(1);
  });

  it.each([
    [['--logging-format=yaml'], 'invalid --logging-format "yaml": unknown logging format; use "text" or "json"'],
    [['-v', '-1'], 'invalid -v "-1": must be a non-negative integer'],
    [['-v=-1'], 'invalid -v "-1": must be a non-negative integer'],
    [['--v=two'], 'invalid --v "two": must be a non-negative integer'],
    [['--vmodule=ctrl'], 'invalid --vmodule "ctrl": syntax error: expect comma-separated list of filename=N'],
    [['--log-flush-frequency=soon'], 'invalid --log-flush-frequency "soon": must be a duration such as 5s or 100ms'],
    // Go's time.ParseDuration: a number needs its unit.
    [['--log-flush-frequency=5000'], 'invalid --log-flush-frequency "5000": must be a duration such as 5s or 100ms'],
    [['--log-json-info-buffer-size=-5'], 'invalid --log-json-info-buffer-size "-5": must be a byte quantity such as 0, 4096 or 64Ki'],
    [['--log-text-split-stream=maybe'], 'invalid --log-text-split-stream "maybe": must be true or false'],
    [['--vmodule'], 'invalid --vmodule "": needs a value'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseFlags(argv, {})).toThrow(new ConfigError('x', '', '').constructor);
    expect(() => parseFlags(argv, {})).toThrow(message);
  });

  it('names the environment variable when it is the one that is wrong', () => {
    expect(() => parseFlags([], { KLOG_V: 'lots' })).toThrow('invalid KLOG_V "lots": must be a non-negative integer');
  });
});

describe('parseFlags checks a vmodule completely, so the error names the flag', () => {
  it.each([
    [['--vmodule=ctl=-1'], 'invalid --vmodule "ctl=-1": verbosity must be an integer between 0 and 2147483647'],
    [['--vmodule', 'a=1,[ab=2'], 'invalid --vmodule "[ab=2": malformed file pattern'],
    [['--vmodule=a=1,b,c=2'], 'invalid --vmodule "b": syntax error: expect comma-separated list of filename=N'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseFlags(argv, {})).toThrow(message);
  });

  it('names the variable for a bad KLOG_VMODULE pattern', () => {
    expect(() => parseFlags([], { KLOG_VMODULE: 'ctl=-3' })).toThrow('invalid KLOG_VMODULE "ctl=-3"');
  });

  it('rejects an argv that is not a list, instead of reading a string letter by letter', () => {
    expect(() => parseFlags('-v=2' as never, {})).toThrow('invalid argv "-v=2": must be an array of strings');
  });
});
