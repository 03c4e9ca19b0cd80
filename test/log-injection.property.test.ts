import fc from 'fast-check';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { background, configure, createLogger, Format, info, infof, KObj, KObjSlice, KRef, marshalLog, type Logger } from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';
import { RecordParser, type LogRecord } from '@klog-ts/ingest';

/**
 * CWE-117 as a property: a string an attacker controls, placed in any position a caller can fill and
 * logged in either format or through the pino backend, never produces a line that does not belong to its
 * entry, never reaches the output with a raw control character, and reads back (with klog-ts's own
 * reader) as exactly one record holding the original string. Seeded: replay a failure with
 * KLOG_TS_FUZZ_SEED=<seed> KLOG_TS_FUZZ_PATH=<path>.
 */
const SEED = Number(process.env.KLOG_TS_FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.KLOG_TS_FUZZ_RUNS ?? 3_000);

const FORGED = ['\nE1206 23:00:00.000000   12345 forged.go:1] "FORGED" user="root"\n', '\n{"ts":0,"msg":"forged"}\n', '\r\nI1206 00:00:00.000000 1 x.go:1] "x"'];
const BREAKS = ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029'];
const CONTROLS = ['\u001b[2J', '\u001b[31m', '\u0000', '\u0007', '\u0008', '\u009b31m', '\u0090', '\t'];

/** A string with at least one character that could forge a line or drive a terminal, among ordinary text. */
/* eslint-disable no-control-regex -- control characters are exactly what these tests are about */
const hostile: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.array(fc.constantFrom(...FORGED, ...BREAKS, ...CONTROLS), { minLength: 1, maxLength: 3 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('', ' ', '"', '\\', '=', '<', ' >', '\t'),
  )
  // No `%`: a legacy format is formatted by Go's rules, which would change the text being read back.
  .map(([a, middle, b, c]) => (a + middle.join(b) + c).replaceAll('%', ''))
  .filter((s) => /[\u0000-\u0008\u000a-\u001f\u0080-\u009f\u2028\u2029]/.test(s));

class Stringer {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

class Marshaler {
  constructor(readonly text: string) {}
  [marshalLog](): string {
    return this.text;
  }
}

type Backend = 'text' | 'json' | 'pino';

/** One position a caller can fill, how it logs `s`, and where the reader finds it again (undefined: not read back as `s`). */
interface Position {
  readonly name: string;
  readonly global?: true;
  log(logger: Logger, s: string): void;
  readBack?(record: LogRecord, backend: 'text' | 'json'): unknown;
  /** What readBack should return for `s`. */
  expected?(s: string, backend: 'text' | 'json'): unknown;
}

const value = (record: LogRecord, key: string): unknown => record.kv.find(([k]) => k === key)?.[1];
/** The text format prints "a\nb" and "a\nb\n" alike, in its multi-line form; the reader gives the latter. */
const textString = (s: string, backend: 'text' | 'json'): string =>
  backend === 'text' && s.includes('\n') && !/[\u0000-\u0008\u000b-\u001f\u0080-\u009f\u2028\u2029]/.test(s) && !s.endsWith('\n') ? `${s}\n` : s;
/* eslint-enable no-control-regex */
const legacy = (s: string): string => (s.endsWith('\n') ? s.slice(0, -1) : s);

const POSITIONS: readonly Position[] = [
  { name: 'key', log: (l, s) => l.infoS('Key', s, 1), readBack: (r) => r.kv[0]?.[0], expected: (s) => s },
  { name: 'string value', log: (l, s) => l.infoS('Value', 'value', s), readBack: (r) => value(r, 'value'), expected: textString },
  { name: 'message', log: (l, s) => l.infoS(s, 'k', 1), readBack: (r) => r.msg, expected: (s) => s },
  { name: 'KRef name', log: (l, s) => l.infoS('Ref', 'ref', KRef('ns', s)), readBack: (r, b) => (b === 'json' ? (value(r, 'ref') as { name?: unknown } | undefined)?.name : value(r, 'ref')), expected: (s, b) => (b === 'json' ? s : `ns/${s}`) },
  { name: 'KRef namespace', log: (l, s) => l.infoS('Ref', 'ref', KRef(s, 'n')), readBack: (r, b) => (b === 'json' ? (value(r, 'ref') as { namespace?: unknown } | undefined)?.namespace : value(r, 'ref')), expected: (s, b) => (b === 'json' ? s : `${s}/n`) },
  { name: 'KObj name', log: (l, s) => l.infoS('Obj', 'ref', KObj({ metadata: { name: s, namespace: 'ns' } })) },
  { name: 'KObjSlice item', log: (l, s) => l.infoS('Slice', 'refs', KObjSlice([{ metadata: { name: s, namespace: 'ns' } }, null])) },
  { name: 'logger name', log: (l, s) => l.withName(s).infoS('Named'), readBack: (r) => r.logger, expected: textString },
  { name: 'error text', log: (l, s) => l.errorS(new Error(s), 'Failed'), readBack: (r) => r.err, expected: textString },
  { name: 'Stringer', log: (l, s) => l.infoS('Stringer', 'value', new Stringer(s)), readBack: (r) => value(r, 'value'), expected: textString },
  { name: 'marshaler string', log: (l, s) => l.infoS('Marshaler', 'value', new Marshaler(s)), readBack: (r) => value(r, 'value'), expected: textString },
  { name: 'Format', log: (l, s) => l.infoS('Format', 'value', Format({ s })) },
  { name: 'bound key and value', log: (l, s) => l.withValues(s, s).infoS('Bound') },
  { name: 'map key and value', log: (l, s) => l.infoS('Map', 'value', new Map([[s, s]])) },
  { name: 'legacy message', global: true, log: (_, s) => info('legacy ', s), readBack: (r) => r.msg, expected: (s) => legacy(`legacy ${s}`) },
  { name: 'legacy operand', global: true, log: (_, s) => infof('user %s logged in', s), readBack: (r) => r.msg, expected: (s) => `user ${s} logged in` },
  { name: 'legacy format', global: true, log: (_, s) => infof(s), readBack: (r) => r.msg, expected: (s) => legacy(s) },
];

const HEADER = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\s:]+:\d+\] /;
/* eslint-disable no-control-regex -- control characters are exactly what these look for */
// DEL stays raw (terminals ignore it); so does U+2028 in JSON, as zap writes it (it ends no JSON line).
const RAW_CONTROL = {
  text: /[\u0000-\u0008\u000b-\u001f\u0080-\u009f\u2028\u2029]/,
  json: /[\u0000-\u001f\u0080-\u009f]/,
};
/* eslint-enable no-control-regex */

function write(backend: Backend, global: boolean, position: Position, s: string): string {
  let out = '';
  const output = { write: (chunk: string) => void (out += chunk), flush: () => undefined };
  const options =
    backend === 'pino'
      ? { sink: pinoSink(pino({ base: undefined, timestamp: false }, { write: output.write })), output }
      : { format: backend, output, clock: () => 0, pid: 4242, caller: false, sink: null };
  let logger: Logger;
  if (global) {
    configure(options);
    logger = background();
  } else logger = createLogger(options);
  position.log(logger, s);
  return out;
}

function read(text: string): LogRecord[] {
  const records: LogRecord[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const parser = new RecordParser((item) => {
    if (!item.ok) throw new Error(`unreadable record at line ${item.line}: ${item.error.message}`);
    records.push(item.record);
  });
  lines.forEach((line, i) => parser.push(line, i + 1));
  parser.end(lines.length);
  return records;
}

describe('log injection: no input can forge a line', () => {
  afterAll(() => configure({ format: 'text', output: process.stderr, sink: null, caller: true, pid: process.pid }));

  it(`in every position, both formats and the pino backend (${RUNS} seeded cases)`, () => {
    const cases = fc.record({ s: hostile, position: fc.constantFrom(...POSITIONS), backend: fc.constantFrom<Backend>('text', 'json', 'pino') });
    fc.assert(
      fc.property(cases, ({ s, position, backend }) => {
        const out = write(backend, position.global === true, position, s);
        const lines = out.split('\n');
        expect(lines.pop(), 'every entry ends with a line feed').toBe('');
        for (const line of lines) {
          if (backend !== 'pino') expect([...line].filter((c) => RAW_CONTROL[backend].test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16)}`), line).toEqual([]);
          if (backend !== 'text') {
            expect(() => JSON.parse(line) as unknown, line).not.toThrow();
            continue;
          }
          // A line is the entry's own first line, or a continuation of a multi-line value (tab or " >").
          if (line === lines[0]) expect(line).toMatch(HEADER);
          else {
            expect(line.startsWith('\t') || line.startsWith(' >'), `stray line ${JSON.stringify(line)}`).toBe(true);
            expect(line).not.toMatch(HEADER);
          }
        }
        if (backend === 'pino') {
          expect(lines).toHaveLength(1);
          return;
        }
        const records = read(out);
        expect(records).toHaveLength(1);
        if (position.readBack !== undefined) expect(position.readBack(records[0], backend)).toEqual(position.expected!(s, backend));
      }),
      { seed: SEED, numRuns: RUNS, path: process.env.KLOG_TS_FUZZ_PATH, endOnFailure: true },
    );
  });
});
