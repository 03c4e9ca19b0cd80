import { describe, expect, it } from 'vitest';
import { parseJSON, parseText, ParseError, type ParseErrorCode } from '@klog-ts/ingest';

const H = 'I0307 09:05:03.012345   12345 main.go:331] ';

function errorOf(run: () => unknown): ParseError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof ParseError) return thrown;
    throw thrown;
  }
  throw new Error('expected a ParseError');
}

describe('strict: a record that cannot be read whole is a ParseError naming where and why', () => {
  // The column is where the problem starts: at the last occurrence of `at` in the line.
  it.each<[string, string, ParseErrorCode, string]>([
    ['a truncated message', `${H}"Pod sta`, 'UNTERMINATED_STRING', '"Pod'],
    ['a truncated value', `${H}"Pod status updated" pod="kube-sys`, 'UNTERMINATED_STRING', '"kube'],
    ['a truncated JSON value', `${H}"msg" obj={"a":[1,2`, 'BAD_VALUE', '{'],
    ['a key without a value', `${H}"msg" key=`, 'BAD_VALUE', ''],
    ['text after a value', `${H}"msg" key="v"x`, 'BAD_VALUE', 'x'],
    ['a pair without "="', `${H}"msg" key`, 'BAD_KEY', 'key'],
    ['a bare word as a value', `${H}"msg" key=value`, 'BAD_VALUE', 'value'],
    ['garbage', 'Lorem ipsum dolor sit amet', 'NOT_A_RECORD', 'Lorem'],
    ['a broken header', 'I0307 09:05:03 main.go:1] "x"', 'BAD_HEADER', 'I'],
    ['an impossible date', 'I0231 09:05:03.012345   12345 main.go:331] "x"', 'BAD_HEADER', '0231'],
    ['logfmt from another logger', 'time=2024-03-07T09:05:03Z level=info msg="hello"', 'NOT_A_RECORD', 'time'],
    ['syslog from another program', 'Mar  7 09:05:03 host sshd[42]: Accepted publickey', 'NOT_A_RECORD', 'Mar'],
  ])('text: %s', (_what, line, code, at) => {
    const error = errorOf(() => parseText(line, { year: 2024, strict: true }));
    const column = line.lastIndexOf(at) + 1;
    expect(error).toMatchObject({ code, line: 1, column, input: line });
    expect(error.message).toBe(`line 1, column ${column}: ${error.reason}`);
  });

  it.each<[string, string, ParseErrorCode]>([
    ['a truncated line', '{"ts":1709802303012.3457,"caller":"a/b.go:1","msg":"Pod sta', 'BAD_JSON'],
    ['garbage', 'not json at all', 'BAD_JSON'],
    ['a JSON array', '[1,2,3]', 'NOT_A_RECORD'],
    ['a line from pino', '{"level":30,"time":1709802303012,"pid":1,"hostname":"h","msg":"hello"}', 'NOT_A_RECORD'],
    // zap's production encoder (etcd, controller-runtime): a number ts (in seconds) and a msg, but level first.
    ['a line from zap', '{"level":"info","ts":1709802303.0123,"caller":"etcdserver/server.go:2068","msg":"published local member"}', 'NOT_A_RECORD'],
    ['a line from bunyan without msg', '{"name":"app","hostname":"h","pid":1,"level":30,"time":"2024-03-07T09:05:03.012Z","v":0}', 'NOT_A_RECORD'],
  ])('JSON: %s', (_what, line, code) => {
    expect(errorOf(() => parseJSON(line, { strict: true }))).toMatchObject({ code, line: 0, input: line });
  });

  it('a lone string must hold exactly one record', () => {
    expect(errorOf(() => parseText('')).code).toBe('NOT_A_RECORD');
    expect(errorOf(() => parseText(`${H}"a"\n${H}"b"\n`)).reason).toBe('more than one record (the second starts on line 2)');
  });
});

describe('strict: the line reader reports each bad record and goes on with the next', () => {
  it('keeps every good record and numbers every error by its line', () => {
    const { records, errors } = parseText(
      [
        `${H}"first" a=1`,
        'garbage from somewhere else',
        `${H}"second" text=<`,
        '\tline 1',
        '\tline 2',
        ' > after="x"',
        `${H}"third" pod="kube-system/coredns`,
        `${H}"fourth" open=<`,
        '\tnever closed',
        `${H}"fifth"`,
        '',
        `${H}"sixth" tail=<`,
        '\tcut off',
      ],
      { year: 2024, strict: true },
    );
    expect(records.map((r) => r.msg)).toEqual(['first', 'second', 'fifth']);
    expect(records[1].kv).toEqual([['text', 'line 1\nline 2\n'], ['after', 'x']]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'NOT_A_RECORD'],
      [7, 'UNTERMINATED_STRING'],
      [9, 'UNTERMINATED_BLOCK'],
      [13, 'UNTERMINATED_BLOCK'],
    ]);
    expect(errors[2].input).toBe(`${H}"fourth" open=<\n\tnever closed`);
    expect(errors[3].message).toBe('line 13: input ends inside the multi-line value of "tail"');
  });

  it('attaches lines without a header to the legacy record before them (a Fatal stack dump)', () => {
    const { records, errors } = parseText(
      ['F0307 09:05:03.012345   12345 main.go:40] cannot start: port in use', 'goroutine 1 [running]:', 'main.main()', '\t/src/main.go:40 +0x1d', `${H}"next"`],
      { year: 2024 },
    );
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ severity: 'F', unstructured: true, msg: 'cannot start: port in use\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:40 +0x1d' });
    expect(records[1].msg).toBe('next');
  });
});
