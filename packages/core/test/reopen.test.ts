import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError, destination } from '@klog-ts/core';

const CHILD = join(import.meta.dirname, 'fixtures', 'reopen-child.ts');

/** Waits until `file` exists with more than `bytes` bytes (the child keeps writing). */
async function grown(file: string, bytes: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(existsSync(file) && statSync(file).size > bytes)) {
    if (Date.now() > deadline) throw new Error(`${file} did not grow past ${bytes} bytes`);
    await sleep(20);
  }
}

function seqs(file: string): number[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { seq: number }).seq);
}

describe.each(['sync', 'async'] as const)('a file destination with reopenOnSignal, %s, rotated by logrotate\'s rename + SIGHUP', (mode) => {
  it('writes to the new file after each SIGHUP, with no line lost or written twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-reopen-'));
    const file = join(dir, 'app.log');
    const child = spawn(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', CHILD, file, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    await grown(file, 20_000);
    for (const rotated of ['app.log.1', 'app.log.2']) {
      renameSync(file, join(dir, rotated));
      // The child goes on writing into the renamed file until the signal: those lines belong there.
      await sleep(50);
      child.kill('SIGHUP');
      await grown(file, 20_000);
    }
    child.stdin.end('stop\n');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');

    const total = Number(stdout.trim());
    const parts = [seqs(join(dir, 'app.log.1')), seqs(join(dir, 'app.log.2')), seqs(file)];
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    expect(parts.flat()).toEqual(Array.from({ length: total }, (_, i) => i));
  }, 60_000);
});

describe('reopenOnSignal options', () => {
  it('needs a file path and a known signal', () => {
    expect(() => destination({ dest: 1, reopenOnSignal: 'SIGHUP' })).toThrow(ConfigError);
    expect(() => destination({ dest: 1, reopenOnSignal: 'SIGHUP' })).toThrow('invalid destination reopenOnSignal "SIGHUP": needs a file path as dest (a descriptor cannot be reopened)');
    expect(() => destination({ dest: join(tmpdir(), 'x.log'), reopenOnSignal: 'SIGTERM' as never })).toThrow('must be one of SIGHUP, SIGUSR1, SIGUSR2');
  });

  it('listens for the signal while a destination wants it, and stops when the last one closes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-reopen-'));
    const before = process.listenerCount('SIGUSR2');
    const a = destination({ dest: join(dir, 'a.log'), reopenOnSignal: 'SIGUSR2' });
    const b = destination({ dest: join(dir, 'b.log'), reopenOnSignal: 'SIGUSR2' });
    expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
    a.close();
    expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
    b.close();
    expect(process.listenerCount('SIGUSR2')).toBe(before);
  });

  it('reopen() moves a destination to a new file at the same path; a descriptor or a closed one is not reopened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-reopen-'));
    const file = join(dir, 'app.log');
    const dest = destination({ dest: file, bufferSize: 1024 });
    dest.write('one\n', 'I');
    renameSync(file, `${file}.1`);
    expect(dest.reopen()).toBe(true);
    dest.write('two\n', 'I');
    dest.flush();
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('one\n');
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    dest.close();
    expect(dest.reopen()).toBe(false);
    expect(destination({ dest: 2 }).reopen()).toBe(false);
  });
});
