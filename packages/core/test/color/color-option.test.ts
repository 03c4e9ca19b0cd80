import { describe, expect, it } from 'vitest';
import { ConfigError, configure, createLogger, infoS, destination, SplitOutput, type Output } from '@klog-ts/core';

function into(color?: boolean): Output & { text: string } {
  const output = { text: '', color, write: (s: string) => void (output.text += s), flush: () => undefined };
  return output;
}

describe('the color option of loggers and destinations', () => {
  it('rejects anything but "auto", true or false, naming the setting', () => {
    expect(() => createLogger({ color: 'always' as never })).toThrow(new ConfigError('color', 'always', 'must be "auto", true or false'));
    expect(() => destination({ color: 1 as never })).toThrow('invalid destination color 1: must be "auto", true or false');
  });

  it("'auto' follows the output's color, and a split stream only when both streams take colour", () => {
    const colored = into(true);
    createLogger({ output: colored, headers: false }).info('Hi', 'k', 1);
    expect(colored.text).toBe('"Hi" \u001b[36mk\u001b[39m=1\n');
    const plain = into(false);
    createLogger({ output: plain, headers: false }).info('Hi', 'k', 1);
    expect(plain.text).toBe('"Hi" k=1\n');
    const [terminal, file] = [into(true), into(false)];
    createLogger({ output: new SplitOutput(terminal, file), headers: false }).info('Hi', 'k', 1);
    expect(terminal.text).toBe('"Hi" k=1\n');
  });

  it('a destination says what it was told, or under auto whether its descriptor is a terminal', () => {
    expect(destination({ dest: 1, color: true }).color).toBe(true);
    expect(destination({ dest: 1, color: false }).color).toBe(false);
    // The test runner's stdout is a pipe, never a terminal.
    expect(destination({ dest: 1 }).color).toBe(false);
  });

  it('switches with a reconfiguration, and never colours JSON', () => {
    const output = into(true);
    configure({ output, headers: false });
    infoS('Coloured', 'k', 1);
    configure({ color: false });
    infoS('Plain', 'k', 1);
    configure({ color: 'auto', output: process.stderr, headers: true });
    expect(output.text).toBe('"Coloured" \u001b[36mk\u001b[39m=1\n"Plain" k=1\n');
    const json = into(true);
    createLogger({ output: json, format: 'json', color: true, clock: () => 0, caller: false }).info('Json', 'k', 1);
    expect(json.text).toBe('{"ts":0,"msg":"Json","v":0,"k":1}\n');
  });
});
