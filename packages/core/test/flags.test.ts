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
    [['-v', '-1'], 'invalid --v "-1": must be a non-negative integer'],
    [['--v=two'], 'invalid --v "two": must be a non-negative integer'],
    [['--vmodule=ctrl'], 'invalid --vmodule "ctrl": syntax error: expect comma-separated list of filename=N'],
    [['--log-flush-frequency=soon'], 'invalid --log-flush-frequency "soon": must be a duration such as 5s or 100ms'],
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
