import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../src/case-file.js';
import { runCase } from '../src/run-cases.js';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');

async function conformance(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function caseFile(cases: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'klog-conformance-')), 'cases.json');
  writeFileSync(file, JSON.stringify(cases));
  return file;
}

const info = (kv: unknown[], expected: string) => ({
  id: `info-${expected.length}`,
  call: { via: 'klog', kind: 'info', msg: 'msg', kv },
  config: { v: 0, vmodule: '', headers: false },
  expected_text: expected,
});

describe('the conformance runner', () => {
  it('reports a wrong expectation with a diff and a failing summary', async () => {
    const file = caseFile([info(['k', 1], '"msg" k=1\n'), info(['k', 1], '"msg" k=2\n')]);
    const { code, stdout } = await conformance('--cases', file, '--format', 'text');
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL');
    expect(stdout).toContain('- "\\"msg\\" k=2\\n"');
    expect(stdout).toContain('+ "\\"msg\\" k=1\\n"');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('rejects a malformed case file with one line naming the problem', async () => {
    const file = caseFile([{ id: 'x', expected_text: '' }]);
    const { code, stderr } = await conformance('--cases', file);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('conformance: case #0 (x): needs "call" or a non-empty "calls"');
  });

  it('rejects an unknown format and a missing file without a stack trace', async () => {
    const badFormat = await conformance('--cases', 'x.json', '--format', 'yaml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/^conformance: --format must be text or json/);
    const missing = await conformance('--cases', '/nonexistent/cases.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^conformance: cannot read \/nonexistent\/cases.json: ENOENT/);
    expect(missing.stderr).not.toContain('    at ');
  });

  it('fails a case it cannot interpret instead of guessing', () => {
    const [testCase] = parseCaseFile(JSON.stringify([info([{ $unheard: 1 }], '')]), 'inline');
    const outcome = runCase(testCase, 'text');
    expect(outcome.passed).toBe(false);
    expect(outcome.report).toContain('unknown tagged value $unheard');
  });

  it('checks the enabled flag a case records', () => {
    const [testCase] = parseCaseFile(
      JSON.stringify([{ id: 'v', call: { via: 'klog', kind: 'v', verbosity: 3, msg: 'x', kv: [] }, config: { v: 1, headers: false }, enabled: true, expected_text: '' }]),
      'inline',
    );
    expect(runCase(testCase, 'text').report).toContain('enabled() returned false, klog reported true');
  });
});
