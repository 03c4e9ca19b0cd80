import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeProject, CheckerError, ConfigError } from '../src/index.js';

const customConfig = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'custom-config');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'klog-check-api-'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2023', 'DOM'], types: [] }, include: ['*.ts'] }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const leaky = [
  'export function f(password: string, apiToken: string): void {',
  '  // klog-check-ignore-next-line: the bootstrap password is shown once on purpose',
  '  console.log(password);',
  '  console.log(apiToken);',
  '}',
  '',
].join('\n');

describe('analyzeProject', () => {
  it('returns findings, suppressed findings with their reason, and the file count', async () => {
    const result = await analyzeProject({ tsconfig: project({ 'app.ts': leaky }), typeErrors: false });
    expect(result.files).toBe(1);
    expect(result.findings.map((f) => [f.line, f.source.name])).toEqual([[4, 'apiToken']]);
    expect(result.suppressed.map((s) => [s.finding.line, s.reason])).toEqual([[3, 'the bootstrap password is shown once on purpose']]);
    expect(result.diagnostics).toEqual([]);
  });

  it('takes a config object instead of klog-check.config.json', async () => {
    // The group's own config file adds a sink, a name (`pin`) and an exclusion (`sealedSecret`): see corpus.test.ts.
    const defaults = await analyzeProject({ tsconfig: customConfig, config: {}, typeErrors: false });
    expect(defaults.findings).toHaveLength(0);
    const relative = await analyzeProject({
      tsconfig: join(customConfig, 'tsconfig.json'),
      config: { sinks: [{ module: './src/audit-log.ts', methods: ['record'] }] },
      typeErrors: false,
    });
    expect(relative.findings.map((f) => [f.sink, f.source.name])).toEqual([
      ['audit.record', 'sealedSecret'],
      ['audit.record', 'clientSecret'],
    ]);
  });

  it('analyses a project named twice once, and reports each sink once when projects overlap', async () => {
    const dir = project({ 'app.ts': leaky });
    const twice = await analyzeProject({ tsconfig: [dir, join(dir, 'tsconfig.json')], typeErrors: false });
    expect([twice.files, twice.findings.length]).toEqual([1, 1]);
    writeFileSync(join(dir, 'tsconfig.other.json'), JSON.stringify({ extends: './tsconfig.json' }));
    const overlapping = await analyzeProject({ tsconfig: [dir, join(dir, 'tsconfig.other.json')], typeErrors: false });
    expect([overlapping.files, overlapping.findings.length]).toEqual([2, 1]);
  });

  it('follows the references of a solution-style tsconfig', async () => {
    const root = mkdtempSync(join(tmpdir(), 'klog-check-refs-'));
    for (const name of ['a', 'b']) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, lib: ['ES2023', 'DOM'], types: [] }, include: ['*.ts'] }));
      writeFileSync(join(root, name, 'app.ts'), leaky);
    }
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ files: [], references: [{ path: './a' }, { path: './b/tsconfig.json' }] }));
    const result = await analyzeProject({ tsconfig: root, typeErrors: false });
    expect(result.findings.map((f) => f.file.slice(root.length))).toEqual(['/a/app.ts', '/b/app.ts']);
  });

  it('reports type errors as diagnostics and keeps going, with progress for each phase', async () => {
    const phases: string[] = [];
    const result = await analyzeProject({
      tsconfig: project({ 'app.ts': `const n: number = 'x';\n${leaky}` }),
      onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`),
    });
    expect(result.findings).toHaveLength(1);
    expect(result.diagnostics.map((d) => [d.line, d.code])).toEqual([[1, 'TS2322']]);
    expect(phases).toEqual(['files 1/1', 'sinks 1/2', 'sinks 2/2', 'types 1/1']);
  });

  it('throws CheckerError for a missing or broken tsconfig, ConfigError for a bad config', async () => {
    await expect(analyzeProject({ tsconfig: '/nonexistent/tsconfig.json' })).rejects.toMatchObject({
      constructor: CheckerError,
      code: 'KLOG_CHECK_NO_TSCONFIG',
    });
    const broken = project({});
    writeFileSync(join(broken, 'tsconfig.json'), '{ "compilerOptions": { "target": "nope" } }');
    await expect(analyzeProject({ tsconfig: broken })).rejects.toMatchObject({ code: 'KLOG_CHECK_BAD_TSCONFIG' });
    const badConfig = project({ 'klog-check.config.json': '{"sanitizers": [1]}' });
    const error: unknown = await analyzeProject({ tsconfig: badConfig }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/klog-check\.config\.json: sanitizers\[0\] must be a non-empty string, got a number$/);
  });
});
