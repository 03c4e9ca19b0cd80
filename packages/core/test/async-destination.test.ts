import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, destination } from '@klog-ts/core';

// Every write of the main thread goes through these spies: an asynchronous destination must make none.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, writeSync: vi.fn(actual.writeSync), write: vi.fn(actual.write) };
});

const dir = mkdtempSync(join(tmpdir(), 'klog-ts-async-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.mocked(fs.writeSync).mockClear();
  vi.mocked(fs.write).mockClear();
});

const read = (file: string): string => readFileSync(file, 'utf8');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether this process has a descriptor open on `file` (Linux: /proc/self/fd). */
function isOpen(file: string): boolean {
  return readdirSync('/proc/self/fd').some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  });
}

describe('an asynchronous destination (sync: false)', () => {
  it('writes nothing on the log call; flush() returns once the writer thread has written everything, in order', () => {
    const file = join(dir, 'ordered.log');
    const out = destination({ dest: file, sync: false });
    const expected: string[] = [];
    // About 3 MiB: the 1 MiB ring wraps around several times, and multi-byte characters cross its end.
    for (let i = 0; i < 30_000; i++) {
      const line = `{"seq":${i},"text":"${'é☃😀'.repeat(i % 7)}${'x'.repeat(i % 97)}"}\n`;
      expected.push(line);
      out.write(line, 'I');
    }
    out.flush();
    expect(read(file)).toBe(expected.join(''));
    expect(out.stats()).toEqual({ accepted: 30_000, droppedEntries: 0, droppedBytes: 0, lastError: undefined });
    expect(fs.writeSync).not.toHaveBeenCalled();
    expect(fs.write).not.toHaveBeenCalled();
    out.close();
  });

  it('keeps bufferSize bytes back until flush(), or until flushInterval has passed', async () => {
    const held = join(dir, 'held.log');
    const out = destination({ dest: held, sync: false, bufferSize: 64 * 1024, flushInterval: 0 });
    out.write('held\n', 'I');
    await sleep(100);
    expect(read(held)).toBe('');
    out.flush();
    expect(read(held)).toBe('held\n');

    const timed = join(dir, 'timed.log');
    const periodic = destination({ dest: timed, sync: false, bufferSize: 64 * 1024, flushInterval: 30 });
    periodic.write('waiting\n', 'I');
    const deadline = Date.now() + 5000;
    while (read(timed) === '' && Date.now() < deadline) await sleep(10);
    expect(read(timed)).toBe('waiting\n');
    expect(fs.writeSync).not.toHaveBeenCalled();
    out.close();
    periodic.close();
  });

  it('drops and counts an entry larger than its buffer, and goes on with the next', () => {
    const file = join(dir, 'huge.log');
    const out = destination({ dest: file, sync: false });
    out.write(`${'x'.repeat(2 * 1024 * 1024)}\n`, 'I');
    out.write('after\n', 'I');
    out.flush();
    expect(read(file)).toBe('after\n');
    expect(out.stats()).toMatchObject({ accepted: 1, droppedEntries: 1, droppedBytes: 0, lastError: expect.stringMatching(/^EMSGSIZE: an entry of 2097153 bytes/) as string });
    out.close();
  });

  it('close() writes out what is left, stops the thread, closes the file it opened, and counts later entries', () => {
    const file = join(dir, 'closed.log');
    const out = destination({ dest: file, sync: false, bufferSize: 64 * 1024, flushInterval: 0 });
    out.write('last\n', 'I');
    expect(isOpen(file)).toBe(true);
    out.close();
    expect(read(file)).toBe('last\n');
    expect(isOpen(file)).toBe(false);
    out.write('too late\n', 'I');
    expect(out.stats()).toMatchObject({ accepted: 1, droppedEntries: 1, droppedBytes: 0 });
    expect(read(file)).toBe('last\n');
  });

  it('rejects a sync setting that is not a boolean', () => {
    expect(() => destination({ sync: 'no' as never })).toThrow(ConfigError);
    expect(() => destination({ sync: 'no' as never })).toThrow('invalid destination sync "no": must be a boolean');
  });
});

describe('a synchronous destination released with close()', () => {
  it('writes out its buffer, stops its flush timer and closes the file it opened', async () => {
    const file = join(dir, 'sync-closed.log');
    const out = destination({ dest: file, bufferSize: 64 * 1024, flushInterval: 10 });
    out.write('buffered\n', 'I');
    out.close();
    expect(read(file)).toBe('buffered\n');
    // sonic-boom closes the descriptor after an asynchronous fsync.
    const deadline = Date.now() + 5000;
    while (isOpen(file) && Date.now() < deadline) await sleep(10);
    expect(isOpen(file)).toBe(false);
    out.write('too late\n', 'I');
    expect(out.stats()).toMatchObject({ accepted: 1, droppedEntries: 1 });
  });
});
