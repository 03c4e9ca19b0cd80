/**
 * What a careless user feeds `klog-ts convert`: nothing, binary garbage, one line of 10 MB, CRLF line ends, a
 * JSON line cut short, then all of it at once. Whatever comes in, no stack trace, and no line is lost: every
 * line is in a record written out or in an error reported with its line number, exactly as the reader reads
 * the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordFormatter } from '@klog-ts/ingest';
import { parseLines } from '../../src/parse/record-parser.js';
import { run } from './cli-harness.js';

const H = 'I0307 09:05:03.012345   12345 main.go:331] ';
const OPTIONS = { year: 2024, utc: true };

/** 64 KiB of seeded random bytes. */
const garbage = Buffer.from(fc.sample(fc.uint8Array({ minLength: 1 << 16, maxLength: 1 << 16 }), { numRuns: 1, seed: 14 })[0]);

const INPUTS: Record<string, Buffer> = {
  'nothing': Buffer.alloc(0),
  'binary garbage': garbage,
  'one line of 10 MB': Buffer.from(`${H}"big" v="${'x'.repeat(10 << 20)}"\n`),
  'CRLF line ends': Buffer.from(`${H}"crlf" a=1\r\n${H}"crlf" b="x"\r\n{"ts":1709802303012.3457,"msg":"json","v":0}\r\n`),
  'a JSON line cut short': Buffer.from('{"ts":1709802303012.3457,"caller":"a/b.go:1","msg":"ok","v":0}\n{"ts":1709802303013,"msg":"Pod sta'),
};
INPUTS['all of it'] = Buffer.concat(Object.values(INPUTS).flatMap((input) => [input, Buffer.from('\n')]));

describe('klog-ts convert on careless input', () => {
  for (const [what, input] of Object.entries(INPUTS)) {
    for (const to of ['json', 'text'] as const) {
      it(`${what}, to ${to}: no stack trace, every line written or reported`, async () => {
        const result = await run(['convert', '--to', to, '--utc', '--year', '2024', '-q', '--max-errors', '1000000'], [input]);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
        // The reader's view of the same bytes: each item a record or an error, their raw lines the input's lines.
        const lines = input.length === 0 ? [] : input.toString('utf8').replace(/\n$/, '').split('\n');
        const items = parseLines(lines, OPTIONS);
        expect(items.flatMap((item) => item.raw.split('\n')).filter((line) => line !== '')).toEqual(lines.filter((line) => line !== ''));
        const formatter = new RecordFormatter(to);
        expect(result.stdout).toBe(items.map((item) => (item.ok ? formatter.format(item.record) : '')).join(''));
        const reported = result.stderr.split('\n').flatMap((line) => /^klog-ts: <stdin>:(\d+):/.exec(line)?.[1] ?? []).map(Number);
        expect(reported).toEqual(items.flatMap((item) => (item.ok ? [] : [item.error.line])));
        expect(result.code).toBe(reported.length === 0 ? 0 : 1);
      });
    }
  }
});
