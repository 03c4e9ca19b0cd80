import { describe, expect, it } from 'vitest';
import { marshalLog } from '@klog-ts/core';
import { captureLogger } from './capture.js';

/** Logs one pair in both formats and returns what each wrote after the message. */
function logBoth(value: unknown): { text: string; json: string } {
  const text = captureLogger({ format: 'text', headers: false });
  text.logger.info('M', 'k', value);
  const json = captureLogger({ format: 'json', caller: false });
  json.logger.info('M', 'k', value);
  return { text: text.output().slice('"M" '.length), json: json.output().slice('{"ts":1709802303012,"msg":"M","v":0,'.length) };
}

class Pod {
  constructor(readonly name: string) {}
  toString(): string {
    return `pod/${this.name}`;
  }
}

class Both {
  toString(): string {
    return 'from toString';
  }
  [marshalLog](): unknown {
    return { from: 'marshalLog' };
  }
}

describe('the log marshaler protocol (logr.Marshaler)', () => {
  it('logs what [marshalLog]() returns: a string by the string rule, anything else as Go JSON', () => {
    expect(logBoth({ [marshalLog]: () => 'line 1\nline 2' })).toEqual({ text: 'k=<\n\tline 1\n\tline 2\n >\n', json: '"k":"line 1\\nline 2"}\n' });
    expect(logBoth({ [marshalLog]: () => ({ b: '<b>', a: 1 }) })).toEqual({ text: 'k={"a":1,"b":"\\u003cb\\u003e"}\n', json: '"k":{"a":1,"b":"<b>"}}\n' });
  });

  it('calls the method once per entry, and never on what it returns', () => {
    let calls = 0;
    const inner = { [marshalLog]: () => 'inner must not be used' };
    const value = { [marshalLog]: () => (calls++, { inner }) };
    const { text, json } = logBoth(value);
    expect(calls).toBe(2);
    expect(text).toBe('k={"inner":{}}\n');
    expect(json).toBe('"k":{"inner":{}}}\n');
  });

  it('with a toString too: toString wins in text, the marshaler in JSON, as in klog', () => {
    expect(logBoth(new Both())).toEqual({ text: 'k="from toString"\n', json: '"k":{"from":"marshalLog"}}\n' });
  });

  it('renders a throwing implementation inline', () => {
    const value = { [marshalLog]: (): never => { throw new Error('cannot marshal'); } };
    expect(logBoth(value)).toEqual({ text: 'k="<panic: cannot marshal>"\n', json: '"kError":"PANIC=cannot marshal"}\n' });
  });
});

describe('the Stringer protocol (fmt.Stringer)', () => {
  it("logs a class's own toString() in both formats", () => {
    expect(logBoth(new Pod('web'))).toEqual({ text: 'k="pod/web"\n', json: '"k":"pod/web"}\n' });
  });

  it('ignores the built-in toString of objects, arrays and errors', () => {
    expect(logBoth({ a: 1 })).toEqual({ text: 'k={"a":1}\n', json: '"k":{"a":1}}\n' });
    expect(logBoth([1, 'x'])).toEqual({ text: 'k=[1,"x"]\n', json: '"k":[1,"x"]}\n' });
    expect(logBoth(new Error('boom'))).toEqual({ text: 'k="boom"\n', json: '"k":"boom"}\n' });
  });
});
