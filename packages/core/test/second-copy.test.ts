import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A duplicate install (npm's answer to a version mismatch) loads a second copy of core's modules. The
 * copy here is core's source in another folder, loaded in a real Node process next to the original.
 */
const coreRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(coreRoot, '..', '..');
let copyRoot: string;

beforeAll(() => {
  // Inside the package, so the copy resolves the same dependencies the original does.
  copyRoot = mkdtempSync(join(coreRoot, '.copy-'));
  cpSync(join(coreRoot, 'src'), join(copyRoot, 'src'), { recursive: true });
});

afterAll(() => rmSync(copyRoot, { recursive: true, force: true }));

function run(body: string): { stdout: string; stderr: string } {
  const script = join(copyRoot, `script-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(
    script,
    `const original = await import(${JSON.stringify(pathToFileURL(join(coreRoot, 'src', 'index.ts')).href)});
let out = '';
const output = { write: (s: string) => void (out += s) };
${body}
process.stdout.write(out);
`,
  );
  const { stdout, stderr } = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8' });
  return { stdout, stderr };
}

const COPY = (): string => JSON.stringify(pathToFileURL(join(copyRoot, 'src', 'index.ts')).href);

describe('a second copy of @klog-ts/core', () => {
  it('sees the filter the first copy installed, and the first sees the second\'s', () => {
    const { stdout } = run(`
const copy = await import(${COPY()});
original.setLogFilter({ filterEntry: (e) => ({ ...e, kv: ['checked', 'by the original'] }) });
copy.createLogger({ output, headers: false, caller: false }).infoS('From the copy', 'password', 'hunter2');
copy.setLogFilter({ filterEntry: (e) => ({ ...e, kv: ['checked', 'by the copy'] }) });
original.createLogger({ output, headers: false, caller: false }).infoS('From the original', 'password', 'hunter2');
out += String(copy.getLogFilter() === original.getLogFilter()) + '\\n';
`);
    expect(stdout).toBe('"From the copy" checked="by the original"\n"From the original" checked="by the copy"\ntrue\n');
  });

  it('sees the context values hook the first copy installed, and the first sees the second\'s', () => {
    const { stdout } = run(`
const copy = await import(${COPY()});
original.setContextValuesHook(() => ['hook', 'of the original']);
copy.createLogger({ output, headers: false, caller: false }).infoS('From the copy');
copy.setContextValuesHook(() => ['hook', 'of the copy']);
original.createLogger({ output, headers: false, caller: false }).infoS('From the original');
out += String(copy.getContextValuesHook() === original.getContextValuesHook()) + '\\n';
`);
    expect(stdout).toBe('"From the copy" hook="of the original"\n"From the original" hook="of the copy"\ntrue\n');
  });

  it('with an incompatible filter protocol, withholds every entry and warns', () => {
    const { stdout, stderr } = run(`
const slot = globalThis[Symbol.for('klog-ts.core.filter-slot')];
Object.defineProperty(slot, 'protocol', { value: 999 });
const copy = await import(${COPY()});
copy.createLogger({ output, headers: false, caller: false }).infoS('From the copy', 'password', 'hunter2');
`);
    expect(stdout).toBe('"Log entry withheld" reason="the log filter failed (Error)"\n');
    expect(stderr).toContain('KLOG_TS_INCOMPATIBLE_COPY');
  });
});
