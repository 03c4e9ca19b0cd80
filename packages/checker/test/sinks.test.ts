import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/index.js';

const presets = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'presets');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'klog-check-sinks-'));
  const all = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', types: [] }, include: ['src'] }),
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('sink presets on the real libraries', () => {
  it('matches NestJS Logger, pino(), winston.createLogger(), bunyan.createLogger(), log4js.getLogger(), debug(ns) and console', async () => {
    const result = await analyzeProject({ tsconfig: presets, typeErrors: false });
    expect(result.sinks.map((s) => [s.sink, s.calls])).toEqual([
      ['NestJS Logger', 3],
      ['pino', 3],
      ['bunyan', 2],
      ['debug', 2],
      ['log4js', 2],
      ['winston', 2],
      ['console', 1],
    ]);
    // Each logger logs the password once (NestJS twice, once through the static Logger.error); the user never.
    expect(result.findings.map((f) => [f.line, f.sink])).toEqual([
      [11, 'debug'],
      [15, 'nest.log'],
      [17, 'Logger.error'],
      [20, 'b.info'],
      [24, 'l.info'],
      [28, 'p.info'],
      [32, 'w.info'],
    ]);
  });
});

// A workspace package that re-exports a logger another package declares.
const reexported = {
  'node_modules/@app/core-log/package.json': JSON.stringify({ name: '@app/core-log', types: 'index.d.ts' }),
  'node_modules/@app/core-log/index.d.ts': 'export declare class AuditTrail { record(...values: unknown[]): void; }\n',
  'node_modules/@app/logging/package.json': JSON.stringify({ name: '@app/logging', types: 'index.d.ts' }),
  'node_modules/@app/logging/index.d.ts': "export { AuditTrail } from '@app/core-log';\n",
  'src/app.ts': [
    "import { AuditTrail } from '@app/logging';",
    'export function login(password: string, user: string): void {',
    '  const audit = new AuditTrail();',
    '  audit.record(user);',
    '  audit.record(password);',
    '}',
    '',
  ].join('\n'),
};

describe('sink entries resolved against the project', () => {
  it('matches a logger through a package that re-exports it', async () => {
    const result = await analyzeProject({
      tsconfig: project(reexported),
      config: { sinks: [{ module: '@app/logging', methods: ['record'] }] },
      typeErrors: false,
    });
    expect(result.findings.map((f) => [f.line, f.source.name])).toEqual([[5, 'password']]);
    expect(result.sinks).toEqual([{ sink: '@app/logging', calls: 2, configured: true, resolved: true }]);
    expect(result.diagnostics).toEqual([]);
  });

  it('matches methods on what a configured factory returns', async () => {
    const dir = project({
      'src/impl/logger.ts': 'export class Impl { write(...values: unknown[]): void { void values; } }\n',
      'src/log.ts': "import { Impl } from './impl/logger.js';\nexport function makeLogger(): Impl { return new Impl(); }\n",
      'src/app.ts': "import { makeLogger } from './log.js';\nexport function f(apiToken: string): void { makeLogger().write(apiToken); }\n",
    });
    const without = await analyzeProject({ tsconfig: dir, config: { sinks: [{ module: './src/log.ts', methods: ['write'] }] }, typeErrors: false });
    expect(without.findings).toEqual([]);
    const withFactory = await analyzeProject({
      tsconfig: dir,
      config: { sinks: [{ module: './src/log.ts', factories: ['makeLogger'], methods: ['write'] }] },
      typeErrors: false,
    });
    expect(withFactory.findings.map((f) => [f.line, f.source.name])).toEqual([[2, 'apiToken']]);
  });

  it('warns for a sink module that does not resolve, a sink that matches no call, and a run that checked nothing', async () => {
    const dir = project({ ...reexported, 'src/local.ts': 'export function audit(...values: unknown[]): void { void values; }\n' });
    const result = await analyzeProject({
      tsconfig: dir,
      config: { sinks: [{ module: '@nestjs/commom', methods: ['log'] }, { module: './src/local.ts', methods: ['audit'] }] },
      typeErrors: false,
    });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['KLOG_CHECK_SINK_UNRESOLVED', 'sink "@nestjs/commom" does not resolve to a module or file from the project (a typo?): its calls are not checked'],
      ['KLOG_CHECK_SINK_UNUSED', `sink "${join(dir, 'src/local.ts')}" matched no call: check its module and methods`],
      ['KLOG_CHECK_NO_SINK_CALLS', 'no call matched any sink, so nothing was checked: name your logger in "sinks" of klog-check.config.json'],
    ]);
    expect(result.findings).toEqual([]);
  });
});
