import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJSON, parseText, RecordFormatter, type LogRecord, type RecordFormat } from '@klog-ts/ingest';
import { entry, textString, type GenEntry } from './arbitraries.js';
import { logEntry } from './log-entry.js';

// Text headers are local time without a year: zones without daylight saving keep every time unambiguous.
const ZONES = ['UTC', 'Asia/Kolkata'];
const RUNS = 500;

function lastDirAndBase(file: string): string {
  return file.split('/').slice(-2).join('/');
}

/** What reading the entry back must give, in each format. */
function expected(e: GenEntry, format: RecordFormat): LogRecord {
  const text = format === 'text';
  const str = (s: string): string => (text ? textString(s) : s);
  const name = e.names.length === 0 ? undefined : str(e.names.join('.'));
  return {
    format,
    severity: e.kind === 'error' ? 'E' : 'I',
    // klog truncates to microseconds; Kubernetes' JSON divides float64(UnixNano) by 1e6.
    ts: text ? Number(e.nanos / 1000n) / 1000 : Number(e.nanos) / 1e6,
    pid: text ? e.pid % 10_000_000 : undefined,
    caller: e.caller === undefined ? undefined : { file: text ? e.caller.file.split('/').pop()! : lastDirAndBase(e.caller.file), line: e.caller.line },
    logger: name,
    msg: e.msg,
    v: !text && e.kind === 'info' ? e.v : undefined,
    err: e.kind === 'error' && e.err !== null ? str(e.err) : undefined,
    kv: [...e.bound, ...e.pairs].map(([key, gen]) => [key, gen[format]] as const),
    unstructured: false,
    unparsed: undefined,
  };
}

function localYear(nanos: bigint): number {
  return new Date(Number(nanos / 1_000_000n)).getFullYear();
}

describe.each(ZONES)('parse(encode(entry)) gives the entry back, TZ=%s', (zone) => {
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });

  it(`in the text format (${RUNS} random entries)`, () => {
    fc.assert(
      fc.property(entry, (e) => {
        const out = logEntry(e, 'text');
        expect(parseText(out, { year: localYear(e.nanos) })).toEqual(expected(e, 'text'));
      }),
      { numRuns: RUNS },
    );
  });

  it(`text converted to JSON and back is unchanged (${RUNS} random entries, pid 0: JSON has none)`, () => {
    const toJSON = new RecordFormatter('json');
    const toText = new RecordFormatter('text');
    fc.assert(
      fc.property(entry, (e) => {
        const out = logEntry({ ...e, pid: 0 }, 'text');
        const year = { year: localYear(e.nanos) };
        expect(toText.format(parseJSON(toJSON.format(parseText(out, year))))).toBe(out);
      }),
      { numRuns: RUNS },
    );
  });

  it(`in the JSON format (${RUNS} random entries)`, () => {
    fc.assert(
      fc.property(entry, (e) => {
        const out = logEntry(e, 'json');
        expect(out.endsWith('}\n') && out.indexOf('\n') === out.length - 1).toBe(true);
        expect(parseJSON(out)).toEqual(expected(e, 'json'));
      }),
      { numRuns: RUNS },
    );
  });
});
