import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLineBatches, readRecords, type ReadItem } from '@klog-ts/ingest';

const H = 'I0307 09:05:03.012345   12345 main.go:331] ';

/** A stream that delivers `text` in chunks of `size` bytes, splitting lines and UTF-8 sequences anywhere. */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function collect(source: AsyncIterable<string | Uint8Array>, options = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readRecords(source, { year: 2024, ...options })) items.push(item);
  return items;
}

describe('readLineBatches', () => {
  it('splits on LF only, decodes UTF-8 across chunks, and keeps a last line without LF', async () => {
    const text = 'é🚀 one\r\n\ttwo\n\nthree';
    for (const size of [1, 2, 3, 7, 1024]) {
      const lines: string[] = [];
      for await (const batch of readLineBatches(chunked(text, size))) lines.push(...batch);
      expect(lines, `chunks of ${size}`).toEqual(['é🚀 one\r', '\ttwo', '', 'three']);
    }
  });
});

describe('readRecords', () => {
  const log = [
    `${H}"Pod status updated" pod="kube-system/coredns" msg="é🚀"`,
    `${H}"Config" data=<`,
    '\t{',
    '\t  "a": 1',
    '\t}',
    ' > next=1',
    'not a record',
    '{"ts":1709802303012.3457,"caller":"app/main.go:12","msg":"From JSON","v":2,"node":{"name":"n1"}}',
    `E0307 09:05:04.000001   12345 main.go:99] "Failed" err="boom"`,
  ].join('\n');

  it('reads mixed text and JSON in order, with line numbers and raw text, whatever the chunking', async () => {
    for (const size of [1, 5, 64, 1 << 20]) {
      const items = await collect(chunked(`${log}\n`, size));
      expect(items.map((i) => [i.ok, i.line]), `chunks of ${size}`).toEqual([
        [true, 1],
        [true, 2],
        [true, 8],
        [true, 9],
      ]);
      const second = items[1];
      // The line without a header goes with the text record before it.
      expect(second.ok && second.record.unparsed).toBe('not a record');
      expect(second.raw).toBe(log.split('\n').slice(1, 7).join('\n'));
    }
  });

  it('strict: reads mixed text and JSON in order, with line numbers and raw text, whatever the chunking', async () => {
    for (const size of [1, 5, 64, 1 << 20]) {
      const items = await collect(chunked(`${log}\n`, size), { strict: true });
      expect(items.map((i) => [i.ok, i.line]), `chunks of ${size}`).toEqual([
        [true, 1],
        [true, 2],
        [false, 7],
        [true, 8],
        [true, 9],
      ]);
      const [first, second, bad, json, last] = items;
      expect(first.ok && first.record.kv[1]).toEqual(['msg', 'é🚀']);
      expect(second.ok && second.record.kv).toEqual([['data', '{\n  "a": 1\n}\n'], ['next', 1]]);
      expect(second.raw).toBe(log.split('\n').slice(1, 6).join('\n'));
      expect(!bad.ok && bad.error.code).toBe('NOT_A_RECORD');
      expect(json.ok && json.record).toMatchObject({ format: 'json', v: 2, msg: 'From JSON' });
      expect(last.ok && last.record).toMatchObject({ severity: 'E', err: 'boom' });
    }
  });

  it('in JSON mode, a text line is an error', async () => {
    const items = await collect(Readable.from([`${log}`]), { format: 'json' });
    expect(items.filter((i) => i.ok).map((i) => i.line)).toEqual([8]);
    expect(items.filter((i) => !i.ok)).toHaveLength(8);
  });

  it('in text mode, a JSON line is a line without a header', async () => {
    const items = await collect(Readable.from([`${log}`]), { format: 'text' });
    expect(items.map((i) => [i.ok, i.line])).toEqual([
      [true, 1],
      [true, 2],
      [true, 9],
    ]);
    expect(items[1].ok && items[1].record.unparsed).toBe(`not a record\n${log.split('\n')[7]}`);
    const strict = await collect(Readable.from([`${log}`]), { format: 'text', strict: true });
    expect(strict.map((i) => [i.ok, i.line])).toEqual([
      [true, 1],
      [true, 2],
      [false, 7],
      [false, 8],
      [true, 9],
    ]);
  });

  it('reads strings as well as bytes, and an empty stream', async () => {
    expect(await collect(Readable.from([`${H}"a"\n`, `${H}"b"`]))).toHaveLength(2);
    expect(await collect(Readable.from([]))).toEqual([]);
  });
});
