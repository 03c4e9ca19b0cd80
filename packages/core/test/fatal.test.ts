import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, 'fixtures');

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the fatal child; `slow` reads its stdout in 64 KiB gulps 20 ms apart, so its writes block on a full pipe. */
function runChild(args: string[], slow = false): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', join(fixtures, 'fatal-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!slow) return;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 20);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every `Reconciled pod` line, 0 to count-1, each once and in order. */
function expectAllInfo(records: Record<string, unknown>[], count: number): void {
  const seqs = records.filter((record) => record.msg === 'Reconciled pod').map((record) => record.seq);
  expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i));
}

describe('fatal and exit: klog\'s message, status and stack, in the text format', () => {
  it.each([
    ['fatal', 'Cannot continue: disk full'],
    ['fatalf', 'Cannot continue: disk full'],
    ['fatalln', 'Cannot continue: disk full'],
  ])('%s writes an F line, an F entry with the caller\'s stack, and exits 255', async (call, message) => {
    const { code, stdout, stderr } = await runChild([call, 'text', '0']);
    expect(code).toBe(255);
    expect(stdout).toBe('');
    const [first, second, ...rest] = stderr.split(/\n(?=F\d{4} )/);
    expect(first).toMatch(new RegExp(`^F\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ fatal-child\\.ts:\\d+\\] ${message}$`));
    expect(second).toMatch(/^F\d{4} [^\n]* fatal-child\.ts:\d+\] "Stack of the fatal call" stack=<\n\tat [^\n]*fatal-child\.ts:\d+:\d+\)?\n/);
    expect(second.endsWith('\n >\n')).toBe(true);
    expect(rest).toEqual([]);
  }, 30_000);

  it.each(['exit', 'exitf', 'exitln'])('%s writes one F line, no stack, and exits 1', async (call) => {
    const { code, stderr } = await runChild([call, 'text', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^F\d{4} [^\n]* fatal-child\.ts:\d+\] Bad flag: --v=x\n$/);
  }, 30_000);
});

describe('nothing accepted is lost before the exit', () => {
  it.each([
    ['split', false],
    ['split', true],
    ['split-async', false],
    ['split-async', true],
  ] as const)('fatal after 20,000 buffered lines on a %s stream to a pipe (slow reader: %s)', async (output, slow) => {
    const { code, stdout, stderr } = await runChild(['fatal', output, '20000'], slow);
    expect(code).toBe(255);
    expectAllInfo(jsonLines(stdout), 20_000);
    const errors = jsonLines(stderr);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ msg: 'Cannot continue: disk full', v: 0 });
    expect(errors[1]).toMatchObject({ msg: 'Stack of the fatal call', v: 0 });
    expect(stderr).not.toContain('klog-ts:');
  }, 60_000);

  it.each(['file', 'file-async'])('exit after 20,000 lines buffered for a %s destination', async (output) => {
    const file = join(mkdtempSync(join(tmpdir(), 'klog-fatal-')), 'app.log');
    const { code, stderr } = await runChild(['exit', output, '20000', file]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const records = jsonLines(readFileSync(file, 'utf8'));
    expectAllInfo(records, 20_000);
    expect(records.at(-1)).toMatchObject({ msg: 'Bad flag: --v=x' });
    expect(records).toHaveLength(20_001);
  }, 60_000);

  it('flushAndExit after errorS: a createLogger() logger\'s file (writer thread) is flushed, with the given status', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'klog-fatal-')), 'app.log');
    const { code, stderr } = await runChild(['flushAndExit', 'logger-file', '20000', file]);
    expect(code).toBe(3);
    expect(stderr).toBe('');
    const records = jsonLines(readFileSync(file, 'utf8'));
    expectAllInfo(records, 20_000);
    expect(records.at(-1)).toMatchObject({ msg: 'Failed to start', err: 'disk full' });
  }, 60_000);
});

it('flushAndExit with an exit code that is not an integer still exits, with 1, and says why', async () => {
  const { code, stderr } = await runChild(['bad-code', 'text', '1']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/^I\d{4} [^\n]*\] "Reconciled pod" seq=0\nklog-ts: flushAndExit: the exit code NaN is not an integer; exiting with 1\n$/);
}, 30_000);
