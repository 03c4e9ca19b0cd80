import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseText } from '@klog-ts/ingest';

const line = (mmdd: string): string => `I${mmdd} 23:59:59.999999   12345 main.go:1] "x"`;

describe('the time of a text header (no year, local zone)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uses the given year, in UTC when asked', () => {
    expect(parseText(line('0229'), { year: 2024, utc: true }).ts).toBe(Date.UTC(2024, 1, 29, 23, 59, 59) + 999.999);
  });

  it('takes a year below 100 as that year, not as 19xx', () => {
    expect(new Date(parseText(line('0307'), { year: 24, utc: true }).ts!).getUTCFullYear()).toBe(24);
    expect(new Date(parseText(line('0307'), { year: 99 }).ts!).getFullYear()).toBe(99);
  });

  it('reads local time by default', () => {
    expect(parseText(line('0307'), { year: 2024 }).ts).toBe(new Date(2024, 2, 7, 23, 59, 59).getTime() + 999.999);
  });

  it('takes the current year, or the previous one for a date more than a day ahead', () => {
    vi.useFakeTimers({ now: new Date(2025, 0, 2, 12, 0, 0) });
    expect(new Date(parseText(line('0101')).ts!).getFullYear()).toBe(2025);
    // 0102 23:59:59 is less than a day ahead of now (clock skew, a slow pipeline); 0103 23:59:59 is not.
    expect(new Date(parseText(line('0102')).ts!).getFullYear()).toBe(2025);
    expect(new Date(parseText(line('0103')).ts!).getFullYear()).toBe(2024);
    expect(new Date(parseText(line('1231')).ts!).getFullYear()).toBe(2024);
  });

  it('rejects a day that does not exist in that year', () => {
    expect(() => parseText(line('0229'), { year: 2025, strict: true })).toThrow('invalid date or time "0229 23:59:59"');
    expect(() => parseText(line('1301'), { year: 2025, strict: true })).toThrow('invalid date or time');
    // Not strict: a record of its severity, without a time, the whole line unparsed.
    expect(parseText(line('1301'), { year: 2025 })).toMatchObject({ severity: 'I', ts: undefined, msg: '', unparsed: line('1301') });
  });
});
