import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli/run-cli.js';
import { sarifValidator } from './sarif-schema.js';

const group = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'custom-config');

async function cli(argv: string[], cwd = group): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

// A tiny project outside the repository: one leak through console (lib.dom), and one type error.
function tempProject(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'klog-check-cli-'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2023', 'DOM'], types: [] }, include: ['*.ts'] }),
  );
  writeFileSync(join(dir, 'app.ts'), source);
  return dir;
}

describe('klog-check CLI', () => {
  const runs: Record<'text' | 'json' | 'sarif', Awaited<ReturnType<typeof cli>>> = {} as never;
  beforeAll(async () => {
    runs.text = await cli([]);
    runs.json = await cli(['--format', 'json']);
    runs.sarif = await cli(['-f', 'sarif', '-p', 'tsconfig.json']);
  });

  it('prints findings with a code frame, the path and a summary line, and exits 1', () => {
    expect(runs.text.code).toBe(1);
    expect(runs.text.stdout).toContain('src/41-config-sink.ts:5:3  error  Credential \'cardPin\' is logged by audit.record()');
    expect(runs.text.stdout).toMatch(/> 5 \| {3}audit\.record\('transfer', account, cardPin\);/);
    expect(runs.text.stdout).toContain('  path:\n    src/41-config-sink.ts:3:43  source: credential \'cardPin\'');
    expect(runs.text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^klog-check: 5 findings in 5 files, \d+\.\ds$/);
  });

  it('prints JSON with paths relative to the current directory', () => {
    expect(runs.json.code).toBe(1);
    const { findings } = JSON.parse(runs.json.stdout) as { findings: Record<string, unknown>[] };
    expect(findings).toHaveLength(5);
    expect(findings[0]).toMatchObject({
      file: 'src/41-config-sink.ts',
      line: 5,
      column: 3,
      sink: 'audit.record',
      source: { file: 'src/41-config-sink.ts', line: 3, kind: 'credential-name', name: 'cardPin' },
    });
    expect(Object.keys(findings[0] ?? {})).toEqual(['file', 'line', 'column', 'sink', 'source', 'path', 'message']);
    expect(runs.json.stderr).toMatch(/klog-check: 5 findings in 5 files/);
  });

  it('prints SARIF 2.1.0 that validates against the schema, with code flows', () => {
    const validate = sarifValidator();
    const log = JSON.parse(runs.sarif.stdout) as { runs: { results: { codeFlows: unknown[]; locations: unknown[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.codeFlows.length === 1)).toBe(true);
    expect(JSON.stringify(results[0]?.locations)).toContain('"uri":"src/41-config-sink.ts"');
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const validate = sarifValidator();
    const log = JSON.parse(runs.sarif.stdout) as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]?.results[0]?.message;
    expect(validate(log)).toBe(false);
  });

  it('adopts a baseline and then fails only on new findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-check-baseline-'));
    const file = join(dir, 'baseline.json');
    const update = await cli(['--baseline', file, '--update-baseline']);
    expect(update.code).toBe(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { findings: unknown[] }).findings).toHaveLength(5);
    const again = await cli(['--baseline', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/klog-check: no findings \(5 in baseline\) in 5 files/);
  });

  it('reports type errors of the analysed project without stopping', async () => {
    const dir = tempProject('const n: number = "x";\nexport function f(password: string): void {\n  console.log(password);\n}\n');
    const { code, stdout, stderr } = await cli([], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('the analysed project has 1 type error (analysis continued)');
    expect(stderr).toContain('app.ts:1:7: TS2322');
    expect(stdout).toContain('app.ts:3:3  error  Credential \'password\' is logged by console.log()');
  });

  it('prints a line per project, what was checked, and a warning for a configured sink that resolves to nothing', async () => {
    const a = tempProject('export function f(user: string): void {\n  console.log(user);\n}\n');
    const b = tempProject('export function g(user: string): void {\n  console.info(user);\n  console.warn(user);\n}\n');
    writeFileSync(join(b, 'klog-check.config.json'), JSON.stringify({ sinks: [{ module: '@nestjs/commom', methods: ['log'] }] }));
    const { code, stdout, stderr } = await cli(['-p', a, '-p', b], a);
    expect(code).toBe(0);
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^klog-check: tsconfig\.json: 1 file, 1 logging call, 0 findings, \d+\.\ds$/),
      expect.stringMatching(/^klog-check: \.\.\/klog-check-cli-\w+\/tsconfig\.json: 1 file, 2 logging calls, 0 findings, \d+\.\ds$/),
      'warning: sink "@nestjs/commom" does not resolve to a module or file from the project (a typo?): its calls are not checked',
      '',
    ]);
    expect(stdout).toMatch(/^klog-check: checked 3 logging calls: console 3\nklog-check: no findings in 2 files, \d+\.\ds\n$/);
  });

  it('exits 0 on a clean project', async () => {
    const dir = tempProject('export function f(user: string): void {\n  console.log(user.length, user);\n}\n');
    const { code, stdout } = await cli([], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^klog-check: checked 1 logging call: console 1\nklog-check: no findings in 1 file, /);
  });

  it.each([
    [['--nope'], /^klog-check: Unknown option '--nope' \(see --help\)\n$/],
    [['--format', 'xml'], /^klog-check: unknown --format 'xml': expected text, json or sarif \(see --help\)\n$/],
    [['--update-baseline'], /^klog-check: --update-baseline needs --baseline FILE \(see --help\)\n$/],
    [['-p', 'missing/tsconfig.json'], /^klog-check: tsconfig not found: .*missing\/tsconfig\.json\n$/],
    [['--baseline', 'nowhere.json'], /^klog-check: baseline nowhere\.json does not exist \(create it with --update-baseline\)\n$/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 with one line for a baseline that is not JSON, is a directory, or cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-check-bad-baseline-'));
    const text = join(dir, 'baseline.txt');
    writeFileSync(text, 'not json');
    const cases: [string[], string][] = [
      [['--baseline', text], `klog-check: ${text}: cannot read baseline (not valid JSON)\n`],
      [['--baseline', dir], `klog-check: ${dir}: cannot read baseline (is a directory)\n`],
      [['--baseline', join(dir, 'no', 'b.json'), '--update-baseline'], `klog-check: ${join(dir, 'no', 'b.json')}: cannot write baseline (no such file or directory)\n`],
      [['--config', dir], `klog-check: ${dir}: cannot be read (is a directory)\n`],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await cli(argv);
      expect([code, stderr]).toEqual([2, message]);
    }
  });

  it('exits 2 naming the field of an invalid config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klog-check-config-'));
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ sinks: [{ module: 'x', methods: 'info' }] }));
    const { code, stderr } = await cli(['--config', config]);
    expect(code).toBe(2);
    expect(stderr).toBe(`klog-check: ${config}: sinks[0].methods must be an array of strings, got the string "info"\n`);
  });

  it('prints help and version', async () => {
    expect((await cli(['--help'])).stdout).toContain('Usage: klog-check');
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
