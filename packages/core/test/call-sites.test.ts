import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { insertCallSites } from '@klog-ts/core/call-sites';

const run = promisify(execFile);
const core = join(import.meta.dirname, '..');

describe('insertCallSites: the build-time caller', () => {
  const source = [
    "import { infoS, V } from '@klog-ts/core';",
    "infoS('A', 'k', 1);",
    'log',
    "  .withName('n')",
    "  .info('B');",
    "V(2).infoS('C');",
    "console.error('not klog');",
    "maybe?.info('optional');",
    'this.log.errorS(err, "D", ...rest);',
  ].join('\n');
  const out = insertCallSites(ts, source, '/src/a.ts');

  it('writes file and line into package-level and method calls, nested calls included', () => {
    const lines = out.split('\n');
    expect(lines[1]).toBe(`__klogCallFunctionAt("/src/a.ts", 2, infoS, 'A', 'k', 1);`);
    expect(lines[5]).toBe(`__klogCallMethodAt("/src/a.ts", 6, __klogCallFunctionAt("/src/a.ts", 6, V, 2), "infoS", 'C');`);
    expect(lines[8]).toBe(`__klogCallMethodAt("/src/a.ts", 9, this.log, "errorS", err, "D", ...rest);`);
    expect(out).toContain(`__klogCallMethodAt("/src/a.ts", 5, log\n  .withName('n')\n, "info", 'B')`);
  });

  it('moves no line, and leaves console, optional calls and other modules alone', () => {
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    expect(out).toContain("console.error('not klog');");
    expect(out).toContain("maybe?.info('optional');");
    expect(insertCallSites(ts, "logger.info('x');", '/src/b.ts')).toBe("logger.info('x');");
  });

  it('keeps a hashbang first', () => {
    expect(insertCallSites(ts, "#!/usr/bin/env node\nimport { infoS } from '@klog-ts/core';\ninfoS('x');", '/c.ts').startsWith('#!/usr/bin/env node\nimport {')).toBe(true);
  });

  it('gives the same callers, and the same vmodule decisions, as capturing them at run time', async () => {
    const child = join(import.meta.dirname, 'fixtures', 'call-sites-child.ts');
    const node = async (...imports: string[]): Promise<string> =>
      (await run(process.execPath, ['--conditions=@klog-ts/source', ...imports.flatMap((i) => ['--import', i]), child], { cwd: core })).stdout;
    const captured = await node('tsx');
    const written = await node('@klog-ts/core/register', 'tsx');
    // The header's `dir/file:line] "message"`.
    const callers = (out: string): string[] => out.trim().split('\n').map((line) => /\d ([^ ]+)\] "([^"]*)"/.exec(line)!.slice(1).join(' '));
    expect(callers(written)).toEqual([
      'fixtures/call-sites-child.ts:5 Package call',
      'fixtures/call-sites-child.ts:8 Method call on a later line',
      'fixtures/call-sites-child.ts:9 Enabled by vmodule for this file',
      'fixtures/call-sites-child.ts:13 From a method',
    ]);
    expect(callers(captured)).toEqual(callers(written));
  });
});
