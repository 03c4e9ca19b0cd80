import { afterEach, describe, expect, it } from 'vitest';
import { background, configure, createLogger, errorS, fromContext, infoS, setVerbosity, setVModule, SplitOutput, V, warning, withLogger, type Entry, type Severity } from '@klog-ts/core';

afterEach(() => configure({ format: 'text', verbosity: 0, vmodule: '', output: process.stderr, sink: null, headers: true }));

function capture(): { text: () => string; output: { write: (s: string, severity: Severity) => void; flush: () => void } } {
  let text = '';
  return { text: () => text, output: { write: (s) => void (text += s), flush: () => undefined } };
}

describe('configure with the shape of Kubernetes LoggingConfiguration', () => {
  it('takes format, verbosity, vmodule as a list, and stream options', () => {
    const { text, output } = capture();
    configure({ format: 'json', verbosity: 1, vmodule: [{ filePattern: 'nothing', verbosity: 3 }], flushFrequency: '1s', options: { json: { splitStream: false, infoBufferSize: '4Ki' } }, output, caller: false, clock: () => 0 });
    V(1).infoS('Shown', 'k', 1);
    V(2).infoS('Hidden');
    expect(text()).toBe('{"ts":0,"msg":"Shown","v":1,"k":1}\n');
  });

  it('changes verbosity and vmodule at run time, without a restart', () => {
    const { text, output } = capture();
    configure({ output, headers: false, caller: true });
    V(3).infoS('Before');
    setVerbosity(3);
    V(3).infoS('After');
    setVerbosity(0);
    setVModule('configure.test=2');
    V(2).infoS('By file');
    expect(text()).toBe('"After"\n"By file"\n');
  });

  it('rejects a bad LoggingConfiguration field by name', () => {
    expect(() => configure({ flushFrequency: 'often' })).toThrow('invalid flushFrequency "often"');
    expect(() => configure({ options: { json: { infoBufferSize: 'big' } } })).toThrow('invalid options.json.infoBufferSize "big"');
  });
});

describe('contextual logging', () => {
  it('follows async work: fromContext() returns the request logger, background() outside', async () => {
    const { text, output } = capture();
    const logger = createLogger({ output, headers: false }).withValues('request', 'r-1');
    await withLogger(logger, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      fromContext().info('After a timer');
      await Promise.all([1, 2].map((n) => Promise.resolve().then(() => fromContext().info('In parallel work', 'n', n))));
    });
    expect(fromContext()).toBe(background());
    expect(text()).toBe('"After a timer" request="r-1"\n"In parallel work" request="r-1" n=1\n"In parallel work" request="r-1" n=2\n');
  });

  it('keeps concurrent requests apart', async () => {
    const { text, output } = capture();
    const base = createLogger({ output, headers: false });
    const handle = (id: string, delay: number): Promise<void> =>
      withLogger(base.withValues('request', id), async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        fromContext().info('Done');
      });
    await Promise.all([handle('slow', 20), handle('fast', 1)]);
    expect(text()).toBe('"Done" request="fast"\n"Done" request="slow"\n');
  });
});

describe('split stream', () => {
  it('writes info and warnings to one output and errors to the other, flushing info first', () => {
    const events: string[] = [];
    const recorder = (name: string) => ({ write: (s: string) => void events.push(`${name} ${s.trim()}`), flush: () => void events.push(`${name} flush`) });
    configure({ output: new SplitOutput(recorder('info'), recorder('errors')), headers: false });
    infoS('Info');
    warning('Careful');
    errorS(null, 'Error');
    expect(events).toEqual(['info "Info"', 'info Careful', 'info flush', 'errors "Error"']);
  });
});

describe('configure installs the process-wide filter', () => {
  it('applies it to every logger, and null removes it', () => {
    let text = '';
    const output = { write: (s: string) => void (text += s), flush: () => undefined };
    const hide = { filterEntry: (entry: Entry) => ({ ...entry, kv: entry.kv.map((v, i) => (i % 2 === 1 ? '***' : v)) }) };
    configure({ filter: hide });
    createLogger({ output, headers: false }).info('Independent logger', 'password', 'hunter2');
    configure({ filter: null });
    createLogger({ output, headers: false }).info('After removal', 'password', 'visible');
    expect(text).toBe('"Independent logger" password="***"\n"After removal" password="visible"\n');
    expect(() => configure({ filter: 'sanitize' as never })).toThrow('invalid filter "sanitize": must be an object');
  });
});
