import { describe, expect, it } from 'vitest';
import { colorizeText } from '@klog-ts/core/color';

// The SGR sequences the palette is made of, written out so that the test does not share the code's palette.
const I = '\u001b[32mI\u001b[39m';
const W = '\u001b[33mW\u001b[39m';
const E = '\u001b[31mE\u001b[39m';
const F = '\u001b[1m\u001b[35mF\u001b[39m\u001b[22m';
const key = (k: string): string => `\u001b[36m${k}\u001b[39m`;

describe('colorizeText: severity letters and keys of klog text records', () => {
  it('colours the letter of each severity and every key, and nothing else', () => {
    const header = '0307 09:05:03.012345   12345 reconcile.ts:42] ';
    expect(colorizeText(`I${header}"Pod status updated" pod="kube-system/kubedns" status="ready"\n`)).toBe(
      `${I}${header}"Pod status updated" ${key('pod')}="kube-system/kubedns" ${key('status')}="ready"\n`,
    );
    expect(colorizeText(`W${header}"Slow" latency=1.5 ok=true n=null\n`)).toBe(`${W}${header}"Slow" ${key('latency')}=1.5 ${key('ok')}=true ${key('n')}=null\n`);
    expect(colorizeText(`E${header}"Failed" err="a \\"quoted\\" = b" x=1\n`)).toBe(`${E}${header}"Failed" ${key('err')}="a \\"quoted\\" = b" ${key('x')}=1\n`);
    expect(colorizeText(`F${header}Cannot continue: disk full\n`)).toBe(`${F}${header}Cannot continue: disk full\n`);
  });

  it('reads JSON values, multi-line blocks and quoted keys whole, even when they hold spaces, quotes or `=`', () => {
    const line = [
      '"Values"',
      ' obj={"a b":"c=d \\" e","n":[1,{"x":"]"}]}',
      ' block=<\n\tline one x=1\n\t"two"\n >',
      ' "k\\ney"=2',
      ' refs=["ns/a",null]',
      ' after=3\n',
    ].join('');
    expect(colorizeText(line)).toBe(
      [
        '"Values"',
        ` ${key('obj')}={"a b":"c=d \\" e","n":[1,{"x":"]"}]}`,
        ` ${key('block')}=<\n\tline one x=1\n\t"two"\n >`,
        ` ${key('"k\\ney"')}=2`,
        ` ${key('refs')}=["ns/a",null]`,
        ` ${key('after')}=3\n`,
      ].join(''),
    );
  });

  it('reads an object reference klog writes raw between quotes (a quote or backslash in a name)', () => {
    expect(colorizeText('"Ref" ref="ns/we"ird" b=2 c="ns/a\\"\n')).toBe(`"Ref" ${key('ref')}="ns/we"ird" ${key('b')}=2 ${key('c')}="ns/a\\"\n`);
  });

  it('handles several records in one text, with and without headers', () => {
    const text = 'I0307 09:05:03.012345       1 a.ts:1] "One" a=1\n"Two" b=2\nE0307 09:05:03.012345       1 ???:1] "Three"\n';
    expect(colorizeText(text)).toBe(`${I}0307 09:05:03.012345       1 a.ts:1] "One" ${key('a')}=1\n"Two" ${key('b')}=2\n${E}0307 09:05:03.012345       1 ???:1] "Three"\n`);
  });

  it('leaves what it cannot read as a record as it is: legacy text, other lines, the rest after a surprise', () => {
    expect(colorizeText('plain text from another program a=1\n')).toBe('plain text from another program a=1\n');
    expect(colorizeText('"Broken" a="unterminated b=2\n"Next" c=3\n')).toBe(`"Broken" a="unterminated b=2\n"Next" ${key('c')}=3\n`);
    expect(colorizeText('"Cut" a={"x":1 b=2\n')).toBe('"Cut" a={"x":1 b=2\n');
    expect(colorizeText('')).toBe('');
  });
});
