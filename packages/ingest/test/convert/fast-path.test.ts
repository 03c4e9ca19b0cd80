/**
 * The fast path of `klog-ts convert` (TextToJSON, JSONToText, LineConverter) must write exactly what the
 * general way writes (the reader, then RecordFormatter): line for line on klog's conformance outputs, on
 * random entries of every value kind, and on generated controller logs; and, for whole inputs, with every
 * kind of line the reader treats specially (multi-line values, legacy records, lines without a header,
 * blank lines, JSON mixed in, malformed lines), in any order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordFormatter, type ParseOptions } from '@klog-ts/ingest';
import { generateLog } from '../../bench/generate-log.js';
import { ByteBuffer } from '../../src/convert/byte-buffer.js';
import { JSONBytesToText } from '../../src/convert/json-bytes-to-text.js';
import { JSONToText } from '../../src/convert/json-to-text.js';
import { TextBytesToJSON } from '../../src/convert/text-bytes-to-json.js';
import { LineConverter } from '../../src/convert/line-converter.js';
import { TextToJSON } from '../../src/convert/text-to-json.js';
import { HeaderTime } from '../../src/parse/header-time.js';
import { ObjectKeys } from '../../src/parse/object-keys.js';
import { parseLines } from '../../src/parse/record-parser.js';
import { run } from '../cli/cli-harness.js';
import { entry } from '../parse/arbitraries.js';
import { logEntry } from '../parse/log-entry.js';

const OPTIONS: ParseOptions = { year: 2024 };
const H = 'I0307 09:05:03.012345   12345 main.go:331] ';

/** What the general way writes for one line (undefined if it is not exactly one record). */
function slow(line: string, to: 'json' | 'text'): string | undefined {
  const items = parseLines([line], OPTIONS);
  if (items.length !== 1 || !items[0].ok) return undefined;
  return new RecordFormatter(to).format(items[0].record);
}

const textToJSON = new TextToJSON(new HeaderTime(OPTIONS), new ObjectKeys());
const jsonToText = new JSONToText(new ObjectKeys());
const textBytesToJSON = new TextBytesToJSON(new HeaderTime(OPTIONS), new ObjectKeys());
const jsonBytesToText = new JSONBytesToText(new ObjectKeys());

/** What the fast path on bytes writes for a line, or undefined if it declines. */
function bytes(line: string, to: 'json' | 'text'): string | undefined {
  const input = Buffer.from(line, 'utf8');
  const buffer = new ByteBuffer(input.length, 4096);
  buffer.append(input);
  const taken = to === 'json' ? textBytesToJSON.convert(buffer, 0, input.length) : jsonBytesToText.convert(buffer, 0, input.length);
  if (!taken) {
    expect(buffer.out, `declined, yet wrote: ${line}`).toBe(buffer.outputStart);
    return undefined;
  }
  return buffer.take().toString('utf8');
}

/** Checks every line a fast path (on strings, on bytes) takes against the general way; returns how many the string one took. */
function agree(lines: readonly string[], to: 'json' | 'text'): number {
  let taken = 0;
  for (const line of lines) {
    const onBytes = bytes(line, to);
    if (onBytes !== undefined) expect(onBytes, `bytes: ${line}`).toBe(slow(line, to));
    const fast = to === 'json' ? textToJSON.convert(line) : jsonToText.convert(line);
    if (fast === undefined) continue;
    taken++;
    expect(fast, line).toBe(slow(line, to));
  }
  return taken;
}

/** What the general way writes for one record's lines (undefined if they are not exactly one record). */
function slowRecord(lines: readonly string[], to: 'json' | 'text'): string | undefined {
  const items = parseLines(lines, OPTIONS);
  if (items.length !== 1 || !items[0].ok) return undefined;
  return new RecordFormatter(to).format(items[0].record);
}

/** Checks the byte path on whole records (one or several lines each) against the general way; returns how many it took. */
function agreeWhole(records: readonly string[], to: 'json' | 'text'): number {
  let taken = 0;
  for (const record of records) {
    const onBytes = bytes(record, to);
    if (onBytes === undefined) continue;
    taken++;
    expect(onBytes, `bytes: ${record}`).toBe(slowRecord(record.split('\n'), to));
  }
  return taken;
}

/**
 * Text records with multi-line values (`key=<`, lines behind a tab, ` >`), as klog writes them and beyond:
 * under `err`, `logger`, a plain key, an object key; none, one or several lines, holding quotes, backslashes,
 * tabs, `>`, CR, non-ASCII; several such values in one record, with pairs between and after them.
 */
const blockLine = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '\\', '\t', '>', '<', '=', '/', 'é', '\r'), maxLength: 6 });
const blockPair = fc.oneof(
  fc.tuple(fc.constantFrom('err', 'logger', 'note', 'pod', 'pods'), fc.array(blockLine, { maxLength: 3 })).map(([key, lines]) => ` ${key}=<\n${lines.map((l) => `\t${l}\n`).join('')} >`),
  fc.constantFrom(' a=1', ' s="x y"', ' pod="ns/p"', ' err="e"', ' f=0.5'),
);
const blockRecord = fc
  .tuple(fc.constantFrom('I', 'E', 'W'), fc.array(blockPair, { minLength: 1, maxLength: 4 }))
  .map(([severity, pairs]) => `${severity}0307 09:05:03.012345   12345 main.go:331] "block"${pairs.join('')}`);

/** JSON records with string values under `err`, a plain key, an object key, holding line feeds and other escapes. */
const jsonStringRecord = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom('err', 'note', 'pod', 'msg2'), fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', '"', '\\', '>', 'é', '\r', '\u0001', '/'), maxLength: 8 })), { minLength: 1, maxLength: 3 }))
  .map(([info, pairs]) => {
    const fields = pairs.map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`).join('');
    return `{"ts":1709802303012.3457,"caller":"a/b.go:1","msg":"m"${info ? ',"v":1' : ''}${fields}}`;
  });

interface Case {
  expected_text: string;
}

function caseLines(file: string, header: string): string[] {
  const cases = JSON.parse(readFileSync(new URL(`../../../../tools/conformance/${file}`, import.meta.url), 'utf8')) as Case[];
  return cases.flatMap((c) => c.expected_text.slice(0, -1).split('\n').filter((l) => l !== '').map((l) => (l.startsWith('{') || /^[IWEF]\d{4} /.test(l) ? l : header + l)));
}

describe('the fast path writes what the general way writes', () => {
  it('on every line of klog\'s conformance outputs (text given a header, JSON as written)', () => {
    const text = ['cases/klog-text-cases.json', 'derived/spec-text-cases.json', 'derived/spec-injection-text-cases.json'].flatMap((f) => caseLines(f, H));
    const json = ['cases/klog-json-cases.json', 'derived/spec-json-cases.json', 'derived/spec-injection-json-cases.json'].flatMap((f) => caseLines(f, '').map((l) => l.replaceAll('<CALLER>', 'oracle/main.go:331')));
    expect(agree(text, 'json')).toBeGreaterThan(text.length / 2);
    expect(agree(json, 'text')).toBeGreaterThan(json.length / 2);
  });

  it('on random entries of every value kind, in both formats (1,000 each)', () => {
    fc.assert(
      fc.property(entry, (e) => {
        agree(logEntry(e, 'text').slice(0, -1).split('\n'), 'json');
        agree(logEntry(e, 'json').slice(0, -1).split('\n'), 'text');
      }),
      { numRuns: 1000, seed: 4242 },
    );
  });

  it('on hand-picked lines: escapes, references, numbers, duplicates, special keys', () => {
    const text = [
      `${H}"say \\"hi\\"\\n" err="a \\"b\\"" logger="a.b" logger="again" pod="ns/p" node="n" pods="x" owner="/o" object="a b" secret="a/b/c"`,
      `${H}"m" n=-0 f=0.5 e=1e-07 big=9007199254740993 huge=1e+21 t=true z=null obj={"b":1,"a":[1,2]} list=["x"]`,
      `${H}"m" v=3 msg="dup" ts=1 caller="x"`,
      `${H}"decimals" d=0.42857142857142855 z=0.000001 t=0.0000001 neg=-2.50 big=123456789012345678901.5 zero=0.0 nz=-0.0`,
      `W0307 09:05:03.000000       1 a.go:1] "warn" err="e"`,
      `F0307 09:05:03.000000       1 a/b.go:1] "fatal" err="e"`,
      `E0307 09:05:03.000000       1 ???:1] "no caller"`,
      `E0307 09:05:03.000999       1 x.go:007] "leading zeros"`,
    ];
    expect(agree(text, 'json')).toBe(text.length);
    const json = [
      '{"ts":1709802303012.3457,"logger":"l","caller":"a/b.go:1","msg":"m","v":2,"pod":{"name":"p","namespace":"ns"},"node":{"name":"n"},"pods":[{"name":"a"},null],"s":"é\\n\\"q\\"","n":-0,"f":1e-7,"big":9007199254740993,"o":{"b":1,"a":"<&>"},"err":"e"}',
      '{"ts":1709802303012,"caller":"main.go:1","msg":"err","pod":{"name":"p","namespace":""},"err":"x\\ny"}',
      '{"ts":0.5,"msg":"tiny","v":0}',
      '{"ts":1,"msg":"decimals","v":0,"d":0.42857142857142855,"t":0.0000001,"z":-0.0,"x":2.50,"big":123456789012345678901.5,"zero":0.0}',
      '{"ts":1,"msg":"plain \\u2028","v":0,"ref":{"name":"n","namespace":"ns"},"pod":{"name":"a\\"b"}}',
    ];
    expect(agree(json, 'text')).toBe(json.length);
  });

  it('on whole records with multi-line values, and takes those it reads itself (1,000 records)', () => {
    let taken = 0;
    fc.assert(
      fc.property(blockRecord, (record) => {
        taken += agreeWhole([record], 'json');
      }),
      { numRuns: 1000, seed: 1414 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('on JSON string values with line feeds and other escapes, and takes those it reads itself (1,000 records)', () => {
    let taken = 0;
    fc.assert(
      fc.property(jsonStringRecord, (record) => {
        taken += agreeWhole([record], 'text');
      }),
      { numRuns: 1000, seed: 1515 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('on random entries logged whole (multi-line values included), in both formats (1,000 each)', () => {
    fc.assert(
      fc.property(entry, (e) => {
        agreeWhole([logEntry(e, 'text').slice(0, -1)], 'json');
        agreeWhole([logEntry(e, 'json').slice(0, -1)], 'text');
      }),
      { numRuns: 1000, seed: 4343 },
    );
  });

  it('on generated controller logs, and takes nearly every line of them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-ts-fast-'));
    try {
      for (const [format, to] of [['text', 'json'], ['json', 'text']] as const) {
        const path = join(dir, `log.${format}`);
        generateLog(path, format, 1_000_000);
        const lines = readFileSync(path, 'utf8').slice(0, -1).split('\n');
        const records = format === 'json' ? lines.length : lines.filter((l) => /^[IWEF]\d{4} /.test(l)).length;
        expect(agree(lines, to) / records, `${format} → ${to}`).toBeGreaterThan(0.95);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** An input converted the general way: each record formatted, and the lines of errors. */
function reference(lines: readonly string[], to: 'json' | 'text', options: ParseOptions): { out: string; errors: number[] } {
  const formatter = new RecordFormatter(to);
  let out = '';
  const errors: number[] = [];
  for (const item of parseLines(lines, options)) {
    if (item.ok) out += formatter.format(item.record);
    else errors.push(item.error.line);
  }
  return { out, errors };
}

function converted(lines: readonly string[], to: 'json' | 'text', options: ParseOptions): { out: string; errors: number[] } {
  let out = '';
  const errors: number[] = [];
  const converter = new LineConverter(to, options, new RecordFormatter(to), { record: (text) => void (out += text), error: (error) => void errors.push(error.line) });
  lines.forEach((line, i) => converter.push(line, i + 1));
  converter.end(lines.length);
  return { out, errors };
}

describe('LineConverter: whole inputs, any mix of lines, as the general way converts them', () => {
  const pool = [
    `${H}"plain" a=1`,
    `${H}"ref" pod="ns/p" node="n"`,
    'E0307 09:05:04.000001   12345 main.go:9] "block" err=<',
    '\tline one',
    '\tline two',
    ' > after=1',
    'W0307 09:05:05.000000   12345 main.go:10] legacy message',
    'goroutine 1 [running]:',
    '',
    'no header here',
    '"headerless" x=2',
    `${H}"cut" v="unterminated`,
    'E1125 10:15:09.31',
    '{"ts":1709802303012.3457,"caller":"a/b.go:1","msg":"json","v":1,"pod":{"name":"p","namespace":"ns"}}',
    '{"ts":1709802303013,"msg":"json error","err":"boom"}',
    '{"not":"a record"}',
    '{"ts":1,"msg":"cut',
  ];
  const input = fc.array(fc.constantFrom(...pool), { maxLength: 12 });

  for (const to of ['json', 'text'] as const) {
    for (const strict of [false, true]) {
      it(`to ${to}${strict ? ', strict' : ''} (1,000 inputs)`, () => {
        const options: ParseOptions = { ...OPTIONS, strict };
        fc.assert(
          fc.property(input, (lines) => {
            expect(converted(lines, to, options)).toEqual(reference(lines, to, options));
          }),
          { numRuns: 1000, seed: 7 },
        );
      });
    }
  }
});

describe('klog-ts convert: whole inputs in chunks split anywhere, as the general way converts them', () => {
  const pool = [
    `${H}"plain" a=1 pod="ns/p" f=0.5`,
    '{"ts":1709802303012.3457,"caller":"a/b.go:1","msg":"json","v":1,"pod":{"name":"p","namespace":"ns"},"n":3}',
    'E0307 09:05:04.000001   12345 main.go:9] "block" err=<',
    '\tline',
    ' > after=1',
    'W0307 09:05:05.000000   12345 main.go:10] legacy é',
    'no header here',
    '',
    `${H}"cut" v="unterminated`,
    '{"ts":1,"msg":"cut',
    `${H}"ünïcode" k="é"`,
    `${H}"crlf" a=1\r`,
    '{"ts":1709802303013,"msg":"crlf","v":0}\r',
  ].map((line) => Buffer.from(line, 'utf8'));
  // Bytes that are no UTF-8: garbage, and a multi-byte character cut short inside a value.
  pool.push(Buffer.from([0xff, 0xfe, 0x00, 0x49, 0x30, 0x80]), Buffer.concat([Buffer.from(`${H}"cut char" k="`), Buffer.from([0xe2, 0x82]), Buffer.from('"')]));
  const input = fc.tuple(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), fc.array(fc.nat(400), { maxLength: 4 }), fc.boolean());

  for (const to of ['json', 'text'] as const) {
    it(`to ${to} (200 inputs)`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async ([lines, cuts, strict]) => {
          const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => bytes.subarray(start, i < at.length ? at[i] : bytes.length)).filter((c) => c.length > 0);
          const result = await run(['convert', '--to', to, '--year', '2024', '-q', ...(strict ? ['--strict'] : [])], chunks);
          // The general way reads the input decoded whole (an invalid byte is U+FFFD), one line per line feed.
          const expected = reference(lines.length === 0 ? [] : bytes.toString('utf8').slice(0, -1).split('\n'), to, { ...OPTIONS, strict });
          expect(result.stdout).toBe(expected.out);
          expect(result.stderr.split('\n').filter((l) => /^klog-ts: <stdin>:\d+/.test(l)).map((l) => Number(/:(\d+)/.exec(l)![1]))).toEqual(expected.errors);
        }),
        { numRuns: 200, seed: 11 },
      );
    });
  }

  // Records with multi-line values, which the byte path holds until their last line, between lines that
  // break such a value off (a header, a blank line, text, JSON, a stray tab line or ` >`), cut anywhere.
  const blockInput = fc.tuple(
    fc.array(fc.oneof(blockRecord, jsonStringRecord, fc.constantFrom(`${H}"plain" a=1`, '', 'no header here', '\tstray', ' > stray=1', `${H}"opens" v=<`, '{"ts":1,"msg":"j","v":0}')), { maxLength: 8 }),
    fc.array(fc.nat(600), { maxLength: 5 }),
    fc.boolean(),
  );

  for (const to of ['json', 'text'] as const) {
    it(`multi-line values cut anywhere, to ${to} (300 inputs)`, async () => {
      await fc.assert(
        fc.asyncProperty(blockInput, async ([records, cuts, strict]) => {
          const bytes = Buffer.from(records.map((r) => `${r}\n`).join(''), 'utf8');
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) => bytes.subarray(start, i < at.length ? at[i] : bytes.length)).filter((c) => c.length > 0);
          const result = await run(['convert', '--to', to, '--year', '2024', '-q', ...(strict ? ['--strict'] : [])], chunks);
          const expected = reference(records.length === 0 ? [] : bytes.toString('utf8').slice(0, -1).split('\n'), to, { ...OPTIONS, strict });
          expect(result.stdout).toBe(expected.out);
          expect(result.stderr.split('\n').filter((l) => /^klog-ts: <stdin>:\d+/.test(l)).map((l) => Number(/:(\d+)/.exec(l)![1]))).toEqual(expected.errors);
        }),
        { numRuns: 300, seed: 2718 },
      );
    });
  }

  it('a file read 1 MB at a time (records with multi-line values across the reads), as the general way converts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-ts-reads-'));
    try {
      for (const [format, to] of [['text', 'json'], ['json', 'text']] as const) {
        const path = join(dir, `log.${format}`);
        generateLog(path, format, 2_500_000);
        const result = await run(['convert', '--to', to, '--year', '2024', '-q', path]);
        expect(result.stdout).toBe(reference(readFileSync(path, 'utf8').slice(0, -1).split('\n'), to, OPTIONS).out);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a record waiting for its next line while the buffer grows for a line of 3 MB', async () => {
    const long = `\t${'x'.repeat(3 << 20)}`;
    for (const next of [long, `${H}"after" ${'y'.repeat(3 << 20)}=1`]) {
      const lines = [`${H}"first" a=1`, next, `${H}"last" b=2`];
      const chunks = [Buffer.from(`${lines[0]}\n`), ...Array.from({ length: 48 }, (_, i) => Buffer.from(next.slice(i << 16, (i + 1) << 16))), Buffer.from(`${next.slice(48 << 16)}\n${lines[2]}\n`)];
      for (const to of ['json', 'text'] as const) {
        const result = await run(['convert', '--to', to, '--year', '2024', '-q'], chunks);
        expect(result.stdout).toBe(reference(lines, to, OPTIONS).out);
      }
    }
  });
});
