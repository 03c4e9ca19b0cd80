import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, 'fixtures');

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

function runChild(script: string, args: string[], onStdout?: (child: ReturnType<typeof spawn>) => void): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', join(fixtures, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('error', () => undefined);
    onStdout?.(child);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines: stdout.split('\n').filter((line) => line !== ''), stderr }));
  });
}

const LINES = 100_000;

describe('where entries go by default', () => {
  it('stderr, as klog: nothing on stdout', async () => {
    const { code, lines, stderr } = await runChild('default-output-child.ts', ['default']);
    expect(code).toBe(0);
    expect(lines).toEqual([]);
    expect(stderr).toMatch(/^I\d{4} [^\n]*\] "Info entry"\nE\d{4} [^\n]*\] "Error entry" err="failed"\n$/);
  }, 60_000);

  it('split stream: info to stdout, errors to stderr', async () => {
    const { code, lines, stderr } = await runChild('default-output-child.ts', ['split']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^I\d{4} .*\] "Info entry"$/);
    expect(stderr).toMatch(/^E\d{4} [^\n]*\] "Error entry" err="failed"\n$/);
  }, 60_000);
});

const ENDINGS = [
  ['normal', { code: 0, signal: null }],
  ['exit', { code: 0, signal: null }],
  ['uncaught', { code: 1, signal: null }],
  ['rejection', { code: 1, signal: null }],
  ['sigterm', { code: null, signal: 'SIGTERM' }],
  ['sigint', { code: null, signal: 'SIGINT' }],
] as const;

// `sync`: batched synchronous writes on the log call; `async`: a writer thread does them (asyncOutput).
describe.each(['sync', 'async'] as const)('nothing accepted is lost: a buffered %s split stream flushes however the process ends', (writes) => {
  it.each(ENDINGS)('%s: every one of 100,000 lines arrives, in order', async (mode, ending) => {
    const { code, signal, lines, stderr } = await runChild('durability-child.ts', [mode, String(LINES), writes]);
    expect({ code, signal }).toEqual(ending);
    expect(stderr).not.toContain('klog-ts:');
    expect(lines).toHaveLength(LINES);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ msg: 'Reconciled pod', seq: LINES - 1, mode });
    // In order, none twice.
    expect(lines.every((line, i) => line.includes(`"seq":${i},`))).toBe(true);
  }, 20_000);
});

describe.each(['sync', 'async'] as const)('a full or closed %s destination never crashes the service nor blocks it forever', (writes) => {
  it('a closed pipe (EPIPE): the child finishes, exits 0, and reports what it dropped', async () => {
    const { code, stderr } = await runChild('stuck-pipe-child.ts', ['20000', writes], (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(code).toBe(0);
    expect(stderr).toContain('child done');
    expect(stderr).toMatch(/klog-ts: [1-9]\d* log entries and \d+ buffered bytes could not be written to stdout \(EPIPE/);
  }, 20_000);

  it('a pipe nobody reads (EAGAIN): the child still finishes and reports what it dropped', async () => {
    const started = Date.now();
    const { code, stderr } = await runChild('stuck-pipe-child.ts', ['20000', writes], (child) => child.stdout!.pause());
    expect(code).toBe(0);
    expect(stderr).toContain('child done');
    expect(stderr).toMatch(/klog-ts: [1-9]\d* log entries and \d+ buffered bytes could not be written to stdout \(EAGAIN/);
    // maxBlockMs (1 s) while logging, once more at exit, and the child's start-up.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);
});
