import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, ConfigError, Destination } from '@klog-ts/core';

// Nothing is logged here: the split streams built below would write to the test runner's own stdout. No
// `output` is configured either: once one is given, configure() stops building outputs from the settings.
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  configure({ format: 'text', asyncOutput: false, flushFrequency: '5s', options: { text: { splitStream: false, infoBufferSize: 0 } } });
});

const buffered = (infoBufferSize: number) => ({ options: { text: { splitStream: true, infoBufferSize } } });

describe('flushFrequency means what it means in a Kubernetes configuration file', () => {
  it('a number is nanoseconds, a string a Go duration', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    configure({ ...buffered(4096), flushFrequency: 2_000_000_000 });
    expect(setInterval).toHaveBeenLastCalledWith(expect.any(Function), 2000);
    configure({ ...buffered(4096), flushFrequency: '250ms' });
    expect(setInterval).toHaveBeenLastCalledWith(expect.any(Function), 250);
    configure({ ...buffered(4096), flushFrequency: 1_500_000 });
    expect(setInterval).toHaveBeenLastCalledWith(expect.any(Function), 1.5);
  });

  it.each([
    [1.5, 'invalid flushFrequency 1.5: must be a duration such as 5s or a whole number of nanoseconds'],
    [-1, 'invalid flushFrequency -1: must be a duration such as 5s or a whole number of nanoseconds'],
    // Go's time.ParseDuration, as Kubernetes reads the string form: a number needs its unit.
    ['5000', 'invalid flushFrequency "5000": must be a duration such as 5s or a whole number of nanoseconds'],
  ])('rejects %j', (value, message) => {
    expect(() => configure({ flushFrequency: value })).toThrow(ConfigError);
    expect(() => configure({ flushFrequency: value })).toThrow(message);
  });
});

describe('a reconfiguration releases the output it replaces', () => {
  it('stops the old buffered stdout destination’s flush timer', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const close = vi.spyOn(Destination.prototype, 'close');
    const before = vi.getTimerCount();
    for (const size of [1024, 2048, 4096, 8192]) configure({ ...buffered(size), flushFrequency: '1s' });
    expect(vi.getTimerCount()).toBe(before + 1);
    expect(close).toHaveBeenCalledTimes(3);
    configure({ options: { text: { splitStream: false } } });
    expect(vi.getTimerCount()).toBe(before);
    expect(close).toHaveBeenCalledTimes(4);
  });

  it('stops the old writer threads (asyncOutput)', async () => {
    // Linux: one entry per thread of this process.
    const threads = () => readdirSync('/proc/self/task').length;
    configure({ ...buffered(1024), asyncOutput: true });
    const before = threads();
    const close = vi.spyOn(Destination.prototype, 'close');
    for (const size of [2048, 4096, 8192, 16384, 32768]) configure({ ...buffered(size), asyncOutput: true });
    expect(close).toHaveBeenCalledTimes(5);
    // A stopped thread is joined when Node handles its exit, soon after.
    const deadline = Date.now() + 5000;
    while (threads() > before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(threads()).toBeLessThanOrEqual(before);
  });

  it('rejects an asyncOutput that is not a boolean', () => {
    expect(() => configure({ asyncOutput: 'yes' as never })).toThrow('invalid asyncOutput "yes": must be a boolean');
  });
});
