// Pins the Vite plugin itself (src/vite/datapolicy-decorators.ts): which files it takes (.mts and .cts too,
// not a file that only has `.ts` inside its name), that Vite names it in a compile error, and that it loads
// the compiler from the root Vite resolved before its own install.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { datapolicyDecorators } from '../src/vite/index.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'vite');
const DECORATED = readFileSync(path.join(FIXTURES, 'standard.ts'), 'utf8');

const temporary: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'klog-ts-datapolicy-decorators-'));
  temporary.push(dir);
  return dir;
}

describe('datapolicyDecorators', () => {
  it('lowers .mts and .cts files, and leaves a file with .ts only inside its name to Vite', async () => {
    const plugin = datapolicyDecorators();
    expect((await plugin.transform(DECORATED, path.join(FIXTURES, 'standard.mts')))?.code).not.toContain('@tag');
    expect((await plugin.transform(DECORATED, path.join(FIXTURES, 'standard.cts')))?.code).not.toContain('@tag');
    expect(await plugin.transform(DECORATED, path.join(FIXTURES, 'standard.ts.js'))).toBeNull();
  });

  it('is named in the error Vite gives for a file its compiler cannot parse', async () => {
    const root = project();
    const broken = path.join(root, 'broken.ts');
    writeFileSync(broken, 'class A {\n  @tag x = ;\n}\n');
    const vite = await createServer({ configFile: false, root, logLevel: 'silent', plugins: [datapolicyDecorators({ compiler: 'esbuild' })], server: { middlewareMode: true, ws: false } });
    closers.push(() => vite.close());
    await expect(vite.transformRequest(broken, { ssr: true })).rejects.toMatchObject({ plugin: 'klog-ts:datapolicy-decorators' });
  });

  it("loads the compiler from the root Vite resolved first (a TypeScript there without a compiler API is named)", async () => {
    const root = project();
    const typescript = path.join(root, 'node_modules', 'typescript');
    mkdirSync(typescript, { recursive: true });
    writeFileSync(path.join(typescript, 'package.json'), JSON.stringify({ name: 'typescript', version: '7.0.2', main: 'index.js' }));
    writeFileSync(path.join(typescript, 'index.js'), "module.exports = { version: '7.0.2' };");
    const plugin = datapolicyDecorators({ compiler: 'typescript' });
    plugin.configResolved({ root });
    await expect(plugin.transform(DECORATED, path.join(root, 'standard.ts'))).rejects.toThrow('(typescript 7.0.2 was found, but its package has no compiler API)');
  });
});
