// Pins how a redacted Error's stack is rebuilt (src/error-stack.ts): the copy's header over the original's
// frames only when the stack starts with the original's header as V8 writes it, else the copy's header alone.
import { describe, expect, it } from 'vitest';
import { redactedStack } from '../src/error-stack.js';

const FRAMES = '\n    at login (auth.js:1:1)\n    at main (main.js:2:2)';

function error(name: unknown, message: unknown): Error {
  const err = new Error('placeholder');
  Object.defineProperty(err, 'name', { value: name, configurable: true });
  Object.defineProperty(err, 'message', { value: message, configurable: true });
  return err;
}

describe("a redacted Error's stack", () => {
  it("puts the copy's header over the original frames", () => {
    expect(redactedStack(`Error: key hunter2${FRAMES}`, error('Error', 'key hunter2'), error('Error', 'key [REDACTED]'))).toBe(`Error: key [REDACTED]${FRAMES}`);
  });

  it('is the header alone when the stack is only the header', () => {
    expect(redactedStack('Error: key hunter2', error('Error', 'key hunter2'), error('Error', 'key [REDACTED]'))).toBe('Error: key [REDACTED]');
  });

  it('drops everything after a header that does not end the first line, or a stack that does not start with it', () => {
    const original = error('Error', 'key');
    const copy = error('Error', 'key [REDACTED]');
    expect(redactedStack(`Error: key hunter2${FRAMES}`, original, copy)).toBe('Error: key [REDACTED]');
    expect(redactedStack(`Error: key\r${FRAMES}`, original, copy)).toBe('Error: key [REDACTED]');
    expect(redactedStack(`TypeError: key${FRAMES}`, original, copy)).toBe('Error: key [REDACTED]');
  });

  it('writes headers as Error.prototype.toString does', () => {
    const cases: readonly [unknown, unknown, string][] = [
      ['Error', 'm', 'Error: m'],
      ['', 'm', 'm'],
      ['Error', '', 'Error'],
      ['', '', ''],
      [undefined, 'm', 'Error: m'],
      ['Error', undefined, 'Error'],
      [42, 7, '42: 7'],
    ];
    for (const [name, message, header] of cases) {
      const err = error(name, message);
      expect(redactedStack(`${header}${FRAMES}`, err, err)).toBe(`${header}${FRAMES}`);
      expect(redactedStack(`${header}${FRAMES}`, error('Other', 'x'), err)).toBe(header);
    }
  });

  it('drops the frames when the original header cannot be read, and writes an empty header when the copy cannot', () => {
    const unreadable = new Error('m');
    Object.defineProperty(unreadable, 'name', {
      get(): never {
        throw new Error('hunter2');
      },
    });
    expect(redactedStack(`Error: m${FRAMES}`, unreadable, error('Error', 'm'))).toBe('Error: m');
    expect(redactedStack(`Error: m${FRAMES}`, error('Error', 'm'), unreadable)).toBe(FRAMES);
    // Even when the stack happens to start with the text "undefined".
    expect(redactedStack(`undefined${FRAMES}`, unreadable, error('Error', 'm'))).toBe('Error: m');
  });
});
