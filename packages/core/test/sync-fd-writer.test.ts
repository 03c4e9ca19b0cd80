import * as fs from 'node:fs';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SyncFdWriter } from '../src/output/sync-fd-writer.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, writeSync: vi.fn(actual.writeSync) };
});

const { writeSync: realWriteSync } = await vi.importActual<typeof fs>('node:fs');
const dir = mkdtempSync(join(tmpdir(), 'klog-ts-sync-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.mocked(fs.writeSync).mockRestore());

function fileWriter(name: string, bufferSize: number): { writer: SyncFdWriter; read: () => string; errors: unknown[] } {
  const file = join(dir, name);
  const errors: unknown[] = [];
  const writer = new SyncFdWriter(openSync(file, 'a'), bufferSize, 50, (error) => errors.push(error));
  return { writer, read: () => readFileSync(file, 'utf8'), errors };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('SyncFdWriter', () => {
  it('writes each entry at once without a buffer size, in UTF-8', () => {
    const { writer, read } = fileWriter('unbuffered.log', 0);
    writer.write('héllo 🚀\n');
    expect(read()).toBe('héllo 🚀\n');
    writer.write('second\n');
    expect(read()).toBe('héllo 🚀\nsecond\n');
    expect(writer.pending).toBe(0);
  });

  it('holds entries until the buffer size is reached, then writes them in order', () => {
    const { writer, read } = fileWriter('buffered.log', 100);
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}\n`);
    for (const line of lines.slice(0, 12)) writer.write(line);
    expect(read()).toBe('');
    for (const line of lines.slice(12)) writer.write(line);
    writer.flush();
    expect(read()).toBe(lines.join(''));
  });

  it('writes an entry larger than its whole buffer after what came before it', () => {
    const { writer, read } = fileWriter('large.log', 10);
    writer.write('a\n');
    const large = `${'x'.repeat(200_000)}\n`;
    expect(writer.write(large)).toBe(true);
    writer.write('b\n');
    writer.flush();
    expect(read()).toBe(`a\n${large}b\n`);
  });

  it('continues short writes, so nothing is written twice or lost', () => {
    const { writer, read } = fileWriter('short.log', 1000);
    // Every write takes at most 7 bytes, as a nearly full pipe would.
    vi.mocked(fs.writeSync).mockImplementation(((fd: number, buffer: Buffer, offset: number, length: number) => realWriteSync(fd, buffer, offset, Math.min(length, 7))) as typeof fs.writeSync);
    for (let i = 0; i < 50; i++) writer.write(`entry ${i}\n`);
    writer.flush();
    expect(read()).toBe(Array.from({ length: 50 }, (_, i) => `entry ${i}\n`).join(''));
  });

  it('waits out a full descriptor for at most maxBlockMs, keeps the bytes, and writes them later', () => {
    const { writer, read, errors } = fileWriter('full.log', 0);
    vi.mocked(fs.writeSync).mockImplementation(() => {
      throw errno('EAGAIN');
    });
    const started = Date.now();
    expect(writer.write('kept\n')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['EAGAIN']);
    expect(writer.pending).toBe(5);
    vi.mocked(fs.writeSync).mockImplementation(realWriteSync);
    writer.flush();
    expect(read()).toBe('kept\n');
  });

  it('refuses an entry only when its buffer is full and cannot be written out', () => {
    const { writer, errors } = fileWriter('refused.log', 10);
    vi.mocked(fs.writeSync).mockImplementation(() => {
      throw errno('EPIPE');
    });
    const entry = `${'y'.repeat(1000)}\n`;
    let taken = 0;
    while (writer.write(entry)) taken++;
    // Every flush failed, so the 64 KiB buffer filled up; the refused entry was not taken.
    expect(taken).toBe(Math.floor((64 * 1024 - 3 * entry.length) / entry.length) + 1);
    expect(writer.pending).toBe(taken * entry.length);
    expect(errors).toHaveLength(taken + 1);
  });

  it('reports a failure other than a full descriptor at once, and can discard what is buffered', () => {
    const { writer, errors } = fileWriter('broken.log', 1000);
    vi.mocked(fs.writeSync).mockImplementation(() => {
      throw errno('EPIPE');
    });
    writer.write('lost\n');
    writer.flush();
    expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['EPIPE']);
    expect(writer.discard()).toBe(5);
    expect(writer.pending).toBe(0);
  });
});
