import { describe, expect, it } from 'vitest';
import { createLogger } from '@klog-ts/core';
import { systemClock } from '../src/time/clock.js';

describe('the default clock', () => {
  it('reads the wall clock to the microsecond, never off the millisecond Date.now gives', () => {
    for (let i = 0; i < 1000; i++) {
      const before = Date.now();
      const time = systemClock();
      const after = Date.now();
      expect(time).toBeGreaterThanOrEqual(before);
      expect(time).toBeLessThan(after + 1);
    }
  });

  it('gives text headers real microseconds, not always .xxx000', () => {
    let out = '';
    const logger = createLogger({ output: { write: (s: string) => void (out += s) }, caller: false });
    for (let i = 0; i < 50; i++) logger.infoS('Tick');
    const micros = out.split('\n').filter(Boolean).map((line) => line.slice(18, 21));
    expect(micros.some((digits) => digits !== '000')).toBe(true);
  });
});
