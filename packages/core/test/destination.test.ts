import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError, configure, destination, flush, infoS } from '@klog-ts/core';

const dir = mkdtempSync(join(tmpdir(), 'klog-ts-destination-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => configure({ format: 'text', output: process.stderr, caller: true, headers: true }));

const read = (file: string): string => readFileSync(file, 'utf8');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('a file destination', () => {
  it('appends to the file, creating its directory with mkdir', () => {
    const file = join(dir, 'nested', 'deeper', 'app.log');
    const out = destination({ dest: file, mkdir: true });
    out.write('first\n', 'I');
    expect(read(file)).toBe('first\n');
    const again = destination({ dest: file });
    again.write('second\n', 'I');
    expect(read(file)).toBe('first\nsecond\n');
  });

  it('buffers up to bufferSize, then writes the whole batch', () => {
    const file = join(dir, 'batched.log');
    const out = destination({ dest: file, bufferSize: 64, flushInterval: 0 });
    out.write('a'.repeat(40) + '\n', 'I');
    expect(read(file)).toBe('');
    out.write('b'.repeat(40) + '\n', 'I');
    expect(read(file)).toBe(`${'a'.repeat(40)}\n${'b'.repeat(40)}\n`);
    expect(out.stats()).toMatchObject({ accepted: 2, droppedEntries: 0, droppedBytes: 0 });
  });

  it('flushes a partly filled buffer every flushInterval (Kubernetes flushFrequency)', async () => {
    const file = join(dir, 'timed.log');
    const out = destination({ dest: file, bufferSize: 64 * 1024, flushInterval: 30 });
    out.write('waiting\n', 'I');
    expect(read(file)).toBe('');
    const deadline = Date.now() + 5000;
    while (read(file) === '' && Date.now() < deadline) await sleep(10);
    expect(read(file)).toBe('waiting\n');
  });

  it('is written out by the global flush() when configured as the output', () => {
    const file = join(dir, 'configured.log');
    configure({ output: destination({ dest: file, bufferSize: 64 * 1024, flushInterval: 0 }), headers: false });
    infoS('Buffered entry', 'n', 1);
    expect(read(file)).toBe('');
    flush();
    expect(read(file)).toBe('"Buffered entry" n=1\n');
  });

  it('rejects bad options by name, before opening anything', () => {
    writeFileSync(join(dir, 'plain-file'), '');
    const cases: [Parameters<typeof destination>[0], string][] = [
      [{ dest: join(dir, 'missing', 'x.log') }, `invalid destination dest "${join(dir, 'missing', 'x.log')}": cannot be opened (ENOENT)`],
      [{ dest: -1 }, 'invalid destination dest -1: must be a file descriptor (1, 2, …) or a file path'],
      [{ bufferSize: 1.5 }, 'invalid destination bufferSize 1.5: must be a non-negative integer'],
      [{ flushInterval: -5 }, 'invalid destination flushInterval -5: must be a non-negative number of milliseconds'],
      [{ mkdir: 'yes' as never }, 'invalid destination mkdir "yes": must be a boolean'],
      [{ bufsize: 4 } as never, 'invalid destination option "bufsize": unknown setting; expected one of dest, bufferSize, flushInterval, maxBlockMs, mkdir, sync'],
    ];
    for (const [options, message] of cases) {
      expect(() => destination(options)).toThrow(ConfigError);
      expect(() => destination(options)).toThrow(message);
    }
  });
});
