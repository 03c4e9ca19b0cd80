/**
 * The core README's runnable examples (```ts run=NAME fences) run as they are, each in a child process of
 * its own, and do what the README says they do. doc-snippets.test.ts type-checks them; this runs them.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFences } from './src/code-fences.js';

const README = path.join(import.meta.dirname, '..', 'packages', 'core', 'README.md');
const examples = new Map(
  codeFences(readFileSync(README, 'utf8')).flatMap((fence) => {
    const name = fence.flags.find((flag) => flag.startsWith('run='))?.slice('run='.length);
    return name === undefined ? [] : [[name, fence.code] as const];
  }),
);

// Inside the workspace, so that `@klog-ts/core` resolves as it does for a user (to the sources, here).
const scratch = path.join(import.meta.dirname, '.readme-examples');
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExample(name: string, env: Record<string, string> = {}): Promise<Run> {
  const code = examples.get(name);
  if (code === undefined) throw new Error(`packages/core/README.md has no \`\`\`ts run=${name} example`);
  const file = path.join(scratch, `${name}.ts`);
  writeFileSync(file, code);
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...rest } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', file], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ code: status, stdout, stderr }));
  });
}

const HEADER = String.raw`\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [^\]\n]+\] `;

describe('the core README examples run as written', () => {
  it('has exactly the examples this test knows', () => {
    expect([...examples.keys()].sort()).toEqual(['color', 'colorize', 'flush-and-exit', 'reopen', 'runtime-verbosity']);
  });

  it('run-time verbosity: only the entry logged after setVerbosity(4) is written', async () => {
    const { code, stderr } = await runExample('runtime-verbosity');
    expect(code).toBe(0);
    expect(stderr).toBe('"Cache miss" logger="replicaset" worker=3\n');
  }, 30_000);

  it('errorS + flushAndExit: the error entry, then exit status 1', async () => {
    const { code, stderr } = await runExample('flush-and-exit');
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^E${HEADER}"Failed to start the webhook server" err="listen EADDRINUSE: address already in use :::8443" webhook="kube-system/validator"\\n$`));
  }, 30_000);

  it('colour: plain on a pipe, coloured when forced (the option, or FORCE_COLOR)', async () => {
    const piped = await runExample('color');
    expect(piped.code).toBe(0);
    expect(piped.stderr).toMatch(new RegExp(`^I${HEADER}"Pod status updated" pod="kube-system/kubedns" status="ready"\\n$`));
    expect(piped.stdout).toMatch(new RegExp(`^\\u001b\\[31mE\\u001b\\[39m${HEADER}"Failed to sync pod" \\u001b\\[36merr\\u001b\\[39m="connection refused" \\u001b\\[36mattempt\\u001b\\[39m=3\\n$`));
    const forced = await runExample('color', { FORCE_COLOR: '1' });
    expect(forced.stderr).toContain('"Pod status updated" \u001b[36mpod\u001b[39m="kube-system/kubedns"');
  }, 60_000);

  it('colorizeText: the line as it is on a pipe, coloured with FORCE_COLOR', async () => {
    const line = 'I0307 09:05:03.012345   12345 reconcile.ts:42] "Pod status updated" pod="kube-system/kubedns"\n';
    expect((await runExample('colorize')).stdout).toBe(line);
    expect((await runExample('colorize', { FORCE_COLOR: '1' })).stdout).toBe(
      '\u001b[32mI\u001b[39m0307 09:05:03.012345   12345 reconcile.ts:42] "Pod status updated" \u001b[36mpod\u001b[39m="kube-system/kubedns"\n',
    );
  }, 60_000);

  it('reopenOnSignal: the entry lands in LOG_DIR/app.log', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'klog-readme-'));
    const { code, stderr } = await runExample('reopen', { LOG_DIR: path.join(dir, 'logs') });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(readFileSync(path.join(dir, 'logs', 'app.log'), 'utf8')).toMatch(new RegExp(`^I${HEADER}"Service started" version="1.4.2"\\n$`));
  }, 30_000);
});
