import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli/run-cli.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false }, cwd };
  return { code: await runCli(argv, io), stdout, stderr };
}

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });

// A real repository: `main` has an old leak; the branch adds a leak of its own, a leak whose source is in a
// changed file but whose sink is not, and an uncommitted and an untracked leak.
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klog-check-git-'));
  const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);
  write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2023', 'DOM'], types: [] }, include: ['*.ts'] }));
  write('old.ts', 'export function old(password: string): void {\n  console.log(password);\n}\n');
  write('audit.ts', 'export function audit(value: string): void {\n  console.log(value);\n}\n');
  write('config.ts', 'export function config(): string {\n  return "fine";\n}\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'feature');
  write('added.ts', 'export function added(apiToken: string): void {\n  console.error(apiToken);\n}\n');
  write('config.ts', 'import { audit } from "./audit";\nexport function config(clientSecret: string): string {\n  audit(clientSecret);\n  return "fine";\n}\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'feature');
  write('staged.ts', 'export function staged(privateKey: string): void {\n  console.warn(privateKey);\n}\n');
  return dir;
}

describe('klog-check --changed-since', () => {
  let dir: string;
  beforeAll(() => {
    dir = repository();
  });

  it('analyses everything but reports only findings whose path touches a changed, staged or untracked file', async () => {
    const all = await cli(['-f', 'json'], dir);
    expect((JSON.parse(all.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['added.ts', 'audit.ts', 'old.ts', 'staged.ts']);
    const { code, stdout } = await cli(['-f', 'json', '--changed-since', 'main'], dir);
    expect(code).toBe(1);
    // audit.ts did not change, but the secret it logs comes from config.ts, which did.
    expect((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['added.ts', 'audit.ts', 'staged.ts']);
  });

  it('says how many findings lie outside the changes, and exits 0 when the change adds none', async () => {
    git(dir, 'stash', '-u', '-q');
    try {
      const { code, stdout } = await cli(['--changed-since', 'HEAD'], dir);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^klog-check: no findings \(3 outside the changes since HEAD\) in 4 files, /m);
    } finally {
      git(dir, 'stash', 'pop', '-q');
    }
  });

  it('exits 2 with one line for a ref git does not know, outside a repository, or with --update-baseline', async () => {
    const unknown = await cli(['--changed-since', 'no-such-branch'], dir);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      "klog-check: --changed-since no-such-branch: not a commit this repository knows (fetch it, or name a branch, tag or commit)\n",
    ]);
    const outside = await cli(['--changed-since', 'main'], mkdtempSync(join(tmpdir(), 'klog-check-nogit-')));
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^klog-check: --changed-since needs a git repository: .*\n$/);
    const both = await cli(['--changed-since', 'main', '--baseline', 'b.json', '--update-baseline'], dir);
    expect(both.stderr).toBe('klog-check: --update-baseline records every finding: drop --changed-since (see --help)\n');
  });
});
