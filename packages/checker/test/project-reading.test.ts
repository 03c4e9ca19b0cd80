import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'klog-check-read-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

// The diagnostics about how the project was read (these projects log nothing, which is warned about too).
const diagnosticsOf = async (dir: string): Promise<{ code: string; message: string }[]> =>
  (await analyzeProject({ tsconfig: dir })).diagnostics.filter((d) => d.code !== 'KLOG_CHECK_NO_SINK_CALLS');
const codes = async (dir: string): Promise<string[]> => (await diagnosticsOf(dir)).map((d) => d.code);

// A global that only an @types package declares, a namespace import called as TypeScript 5 allowed without
// esModuleInterop, and a config TypeScript 6 deprecates.
const typesProject = (typescriptVersion: string | undefined, moduleResolution = 'node'): Record<string, string> => ({
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'commonjs', moduleResolution } }),
  'node_modules/@types/runtime-env/package.json': JSON.stringify({ name: '@types/runtime-env', version: '1.0.0', types: 'index.d.ts' }),
  'node_modules/@types/runtime-env/index.d.ts': 'declare const runtimeName: string;\n',
  'node_modules/callable/package.json': JSON.stringify({ name: 'callable', version: '1.0.0', types: 'index.d.ts' }),
  'node_modules/callable/index.d.ts': 'declare function callable(): string;\ndeclare namespace callable { const version: string; }\nexport = callable;\n',
  'app.ts': "import * as callable from 'callable';\nexport const name: string = runtimeName + callable();\n",
  ...(typescriptVersion === undefined
    ? {}
    : { 'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: typescriptVersion }) }),
});

describe('projects as they are', () => {
  it('reads a "type": "module" package as ESM (no TS1470 on import.meta or top-level await)', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'esm-app', type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', types: [] } }),
      'app.ts': 'export const here: string = import.meta.url;\nexport const one: number = await Promise.resolve(1);\n',
    });
    expect(await codes(dir)).toEqual([]);
    // The same file in a CommonJS package is an error for the project's compiler too.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cjs-app' }));
    expect(await codes(dir)).toContain('TS1470');
  });

  it('gives a TypeScript 5 project its @types packages, its defaults and its deprecated options, with a note', async () => {
    expect((await diagnosticsOf(project(typesProject('5.8.2')))).map((d) => [d.code, d.message])).toEqual([
      [
        'KLOG_CHECK_TYPES_DEFAULT',
        'the project uses TypeScript 5: read with its defaults (every @types package, no esModuleInterop, not strict) where the tsconfig is silent',
      ],
    ]);
  });

  it('keeps TypeScript 6 defaults for a TypeScript 6 project, and warns in one line when no TypeScript is installed', async () => {
    // The undeclared global and the namespace call are errors for the project's own tsc 6 too.
    expect(await codes(project(typesProject('6.0.2', 'bundler')))).toEqual(['TS2304', 'TS2349']);
    expect(await codes(project(typesProject(undefined, 'bundler')))).toEqual(['KLOG_CHECK_TYPES_UNSET', 'TS2304', 'TS2349']);
  });

  it('counts type errors as tsc does: an option error stops it before the files are checked', async () => {
    expect(await codes(project(typesProject('6.0.2')))).toEqual(['TS5107']);
  });
});
