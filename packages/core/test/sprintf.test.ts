import { describe, expect, it } from 'vitest';
import { sprintf } from '../src/go/sprintf.js';
import { sprint, sprintln } from '../src/go/sprint.js';

describe("Go's fmt for the legacy calls", () => {
  it.each([
    ['%s %d %v', ['a', 3, { b: 1, a: [1, 'x'] }], 'a 3 map[a:[1 x] b:1]'],
    ['%q', ['say "hi"'], '"say \\"hi\\""'],
    ['%x %X %o %b', [255, 255, 8, 5], 'ff FF 10 101'],
    ['%x', ['hi'], '6869'],
    ['%5d|%-5s|%05d', [42, 'ab', -7], '   42|ab   |-0007'],
    ['%.2f %e %g', [3.14159, 123456.0, 1e-7], '3.14 1.234560e+05 1e-07'],
    ['%v %v', [1e6 + 0.5, 0.000012], '1.0000005e+06 1.2e-05'],
    ['%t %v', [true, null], 'true <nil>'],
    ['%d%%', [93], '93%'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%d %d', [1], '1 %!d(MISSING)'],
    ['%d', [1, 'a'], '1%!(EXTRA string=a)'],
    ['%j', [{ b: 1, a: '<' }], '{"a":"<","b":1}'],
    ['%T %T %T', [1, 'a', [1]], 'int string []interface {}'],
    ['%+v', [new (class P { x = 1; y = 'a'; })()], '{x:1 y:a}'],
    ['%s', [new Error('boom')], 'boom'],
    ['trailing %', [], 'trailing %!(NOVERB)'],
    ['%.2g|%.3g|%.3g|%.0g|%.2g', [1234.5, 0.00001234, 0.0001234, 1234.5, 9.96], '1.2e+03|1.23e-05|0.000123|1e+03|10'],
    ['%*d|%-*d|%*d', [4, 7, 3, 8, -3, 9], '   7|8  |9  '],
    ['%*d', [Infinity, 5], '%!(BADWIDTH)5'],
    ['%*s', ['x', 'y'], '%!(BADWIDTH)y'],
    ['%.*f', [-1, 1.5], '%!(BADPREC)1.500000'],
    ['%2000000d', [1], '%!(BADWIDTH)1'],
  ])('sprintf(%j, %j) = %j', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });

  it('never throws for widths or precisions JavaScript cannot format', () => {
    expect(sprintf('%.200f', [1.5])).toBe(`1.${'5'.padEnd(100, '0')}`);
    expect(sprintf('%.500e|%.0g', [1, 0.5])).toMatch(/^1\.0{100}e\+00\|0\.5$/);
  });

  it('Sprint adds spaces only between two non-strings; Sprintln always, plus a newline', () => {
    expect(sprint(['hello', 'world', 1, 2, 'x', 3])).toBe('helloworld1 2x3');
    expect(sprintln(['a', 1, 'b'])).toBe('a 1 b\n');
  });
});
