/**
 * No entry is lost: malformed input of every kind klog's own formatting code can write (k8s.io/klog/v2
 * internal/serialize: keys written verbatim, non-string keys through `%s`; ObjectRef and KObjSlice written
 * between quotes unescaped; the multi-line form), plus what happens to logs on the way (a line cut short, a
 * header cut short), read by the default (lenient) reader and by the strict one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, KObjSlice, KRef } from '@klog-ts/core';
import { parseJSON, parseText, type LogRecord, type ReadItem } from '@klog-ts/ingest';
import { parseLines } from '../../src/parse/record-parser.js';
import { anyString } from './arbitraries.js';

const H = 'I0307 09:05:03.012345   12345 main.go:331] ';
const YEAR = { year: 2024, utc: true };

function lenient(text: string): LogRecord {
  return parseText(text, YEAR);
}

function strictCodes(lines: string[]): string[] {
  return parseText(lines, { ...YEAR, strict: true }).errors.map((e) => e.code);
}

describe('keys klog writes verbatim, and values it writes raw, are read whole', () => {
  it.each<[string, string, [string, unknown][]]>([
    ['a key with a space', '=4 my key=1 x=y=3', [['', 4], ['my key', 1], ['x=y', 3]]],
    ['a key with a quote or "="', 'q"k=3 a=b="c"', [['q"k', 3], ['a=b', 'c']]],
    ['non-string keys (Go %s)', '%!s(int=1)="a" %!s(float64=1.5)="b" %!s(bool=true)="c" %!s(<nil>)="d"', [['%!s(int=1)', 'a'], ['%!s(float64=1.5)', 'b'], ['%!s(bool=true)', 'c'], ['%!s(<nil>)', 'd']]],
    ['a map key (Go %s)', 'map[test:%!s(bool=true)]="c" map[a:1 b:2]=3', [['map[test:%!s(bool=true)]', 'c'], ['map[a:1 b:2]', 3]]],
    ['an object reference whose name holds a quote', 'pod="ns/we"ird" next=1', [['pod', KRef('ns', 'we"ird')], ['next', 1]]],
    ['a KObjSlice item whose name holds a quote', 'pods=["ns/a"b","ns/c\\u001bd",null] next=1', [['pods', [KRef('ns', 'a"b'), KRef('ns', 'c\x1bd'), null]], ['next', 1]]],
  ])('%s', (_what, pairs, kv) => {
    const record = lenient(`${H}"msg" ${pairs}`);
    expect(record.kv).toEqual(kv);
    expect(record.unparsed).toBeUndefined();
    // Read whole: strict reads it too.
    expect(strictCodes([`${H}"msg" ${pairs}`])).toEqual([]);
  });

  it('reads what klog-ts itself writes in klog\'s raw layout (unsafeRawText), for keys and references with quotes, spaces and "="', () => {
    let out = '';
    const logger = createLogger({ format: 'text', unsafeRawText: true, output: { write: (t: string) => void (out += t), flush: () => undefined }, clock: () => 1_709_802_303_012_345_000n, pid: 12345, caller: false });
    logger.infoS('msg', 'my key', 1, 'a"b=c', 'x', 'pod', KRef('n s', 'we"ird'), 'pods', KObjSlice([KRef('ns', 'a"b'), null]));
    const record = lenient(out);
    expect(record.kv).toEqual([['my key', 1], ['a"b=c', 'x'], ['pod', 'n s/we"ird'], ['pods', [KRef('ns', 'a"b'), null]]]);
  });
});

describe('a line whose header parses is a record, with the rest under "unparsed"', () => {
  it.each<[string, string, Partial<LogRecord>]>([
    ['a truncated message', `${H}"Pod sta`, { msg: '', unparsed: '"Pod sta' }],
    ['a truncated value', `${H}"Pod status" pod="kube-sys`, { msg: 'Pod status', kv: [], unparsed: 'pod="kube-sys' }],
    ['a truncated JSON value', `${H}"msg" a=1 obj={"a":[1,2`, { kv: [['a', 1]], unparsed: 'obj={"a":[1,2' }],
    ['a key without a value', `${H}"msg" key=`, { unparsed: 'key=' }],
    ['text after a value', `${H}"msg" key="v"x`, { unparsed: 'key="v"x' }],
    ['a pair without "="', `${H}"msg" a=1 key`, { kv: [['a', 1]], unparsed: 'key' }],
    ['a bare word as a value', `${H}"msg" key=value`, { unparsed: 'key=value' }],
    ['an invalid escape', `${H}"msg" key="\\q"`, { unparsed: 'key="\\q"' }],
    ['a quoted legacy message (Infof("%q is bad"))', `${H}"x" is bad`, { msg: 'x', unparsed: 'is bad' }],
    ['an object reference cut by a line feed in its name (klog writes it raw)', `${H}"msg" pod="n s/we"ird`, { unparsed: 'pod="n s/we"ird' }],
  ])('%s', (_what, line, fields) => {
    const record = lenient(line);
    expect(record).toMatchObject({ severity: 'I', pid: 12345, caller: { file: 'main.go', line: 331 }, ...fields });
    expect(strictCodes([line])).toHaveLength(1);
  });

  it('a header cut short is a record of its severity, the whole line unparsed', () => {
    expect(lenient('E1125 10:15:09.31')).toMatchObject({ severity: 'E', ts: Date.UTC(2024, 10, 25, 10, 15, 9), pid: undefined, msg: '', unparsed: 'E1125 10:15:09.31' });
    expect(lenient('W0231 10:15:09.000000 1 a.go:1] "x"')).toMatchObject({ severity: 'W', ts: undefined, unparsed: 'W0231 10:15:09.000000 1 a.go:1] "x"' });
  });

  it('a multi-line value that never closes keeps its lines', () => {
    const { records, errors } = parseText([`${H}"msg" a=1 text=<`, '\tline 1', '\tline 2', `${H}"next"`], YEAR);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ kv: [['a', 1]], unparsed: 'text=<\n\tline 1\n\tline 2' });
    expect(records[1].msg).toBe('next');
    expect(parseText([`${H}"msg" text=<`, '\tcut off'], YEAR).records[0].unparsed).toBe('text=<\n\tcut off');
  });

  it('the lines without a header after a record go with it: klog\'s raw line feeds, a stack dump, another program\'s output', () => {
    const lines = [`${H}"msg" pod="n s/we"ird`, 'name" more=1', '', `${H}"ok" a=1`, 'panic: boom', '', 'goroutine 1 [running]:', `${H}"last"`];
    const { records, errors } = parseText(lines, YEAR);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.msg, r.unparsed])).toEqual([
      ['msg', 'pod="n s/we"ird\nname" more=1\n'],
      ['ok', 'panic: boom\n\ngoroutine 1 [running]:'],
      ['last', undefined],
    ]);
    expect(records[1].kv).toEqual([['a', 1]]);
  });

  it('a line without a header that is a record (-skip_headers) is one; one before any record is reported', () => {
    const { records, errors } = parseText(['no record before me', '"first" a=1', '', '"second" b=2', 'goes with the second'], YEAR);
    expect(records.map((r) => [r.msg, r.unparsed])).toEqual([
      ['first', undefined],
      ['second', 'goes with the second'],
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[1, 'NOT_A_RECORD']]);
  });
});

describe('JSON: a line that starts a record is read up to where it breaks', () => {
  it.each<[string, string, Partial<LogRecord>]>([
    ['cut inside a value', '{"ts":1709802303012.3457,"caller":"a/b.go:1","msg":"Pod sta', { ts: 1709802303012.3457, caller: { file: 'a/b.go', line: 1 }, msg: '', severity: undefined, unparsed: '"msg":"Pod sta' }],
    ['cut after a field', '{"ts":1,"msg":"m","v":2,"pod":{"name":"p","namespace":"ns"},', { msg: 'm', v: 2, severity: 'I', kv: [['pod', KRef('ns', 'p')]], unparsed: '' }],
    ['cut inside a nested value', '{"ts":1,"msg":"m","v":0,"a":1,"obj":{"k":[1,', { kv: [['a', 1]], unparsed: '"obj":{"k":[1,' }],
    ['garbage after a value', '{"ts":1,"msg":"m","v":0,"a":1 junk}', { kv: [['a', 1]], unparsed: 'junk}' }],
    ['two records on one line (a lost line feed)', '{"ts":1,"msg":"a","v":0}{"ts":2,"msg":"b","v":0}', { msg: 'a', unparsed: '{"ts":2,"msg":"b","v":0}' }],
    ['a big integer before the cut', '{"ts":1,"msg":"m","v":0,"big":9007199254740993,"x":"', { kv: [['big', 9007199254740993n]], unparsed: '"x":"' }],
  ])('%s', (_what, line, fields) => {
    expect(parseJSON(line)).toMatchObject({ format: 'json', ...fields });
    expect(() => parseJSON(line, { strict: true })).toThrow();
  });

  it('a line from another logger, or garbage, is still no record', () => {
    for (const line of ['{"level":"info","ts":1709802303.0123,"msg":"zap"}', '{"ts":"yesterday","msg":"x"', 'not json at all', '{"msg":"m","ts":1']) {
      expect(() => parseJSON(line), line).toThrow();
    }
  });
});

/** The raw text of every item, line by line, without blank lines. */
function rawLines(items: readonly ReadItem[]): string[] {
  return items.flatMap((item) => item.raw.split('\n')).filter((line) => line !== '');
}

describe('klog\'s raw layout of any key and reference (property)', () => {
  const key = fc.oneof(anyString, fc.constantFrom('my key', 'x=y', 'q"k', '"k', '%!s(int=1)', 'a b=c d'));
  const name = fc.oneof(anyString, fc.constantFrom('we"ird', 'a b', 'x=y', 'n\nm', '"', ''));
  const value = fc.oneof(
    anyString,
    fc.integer(),
    name.map((n) => KRef('ns', n)),
    fc.array(fc.option(name.map((n) => KRef('ns', n)), { nil: null }), { maxLength: 3 }).map((refs) => KObjSlice(refs)),
  );
  const entries = fc.array(fc.record({ msg: anyString, kv: fc.array(fc.tuple(key, value), { maxLength: 4 }) }), { minLength: 1, maxLength: 6 });

  it('every line that starts with a header the logger wrote is a record, and every line is in an item, in order (2,000 logs)', () => {
    fc.assert(
      fc.property(entries, (logged) => {
        let out = '';
        const logger = createLogger({ format: 'text', unsafeRawText: true, output: { write: (t: string) => void (out += t), flush: () => undefined }, clock: () => 1_709_802_303_012_345_000n, pid: 4242, caller: false });
        for (const { msg, kv } of logged) logger.infoS(msg, ...kv.flat());
        const lines = out.slice(0, -1).split('\n');
        const items = parseLines(lines, YEAR);
        const headerLines = lines.flatMap((line, i) => (line.startsWith('I0307 09:05:03.012345    4242 ???:1] ') ? [i + 1] : []));
        const recordLines = new Set(items.filter((item) => item.ok).map((item) => item.line));
        for (const line of headerLines) expect(recordLines.has(line), `line ${line} of\n${out}`).toBe(true);
        expect(rawLines(items)).toEqual(lines.filter((line) => line !== ''));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});
