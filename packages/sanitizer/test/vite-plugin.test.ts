/**
 * `@klog-ts/sanitizer/vite`: the plugin that lowers standard decorators for Vite 8 (vitest 4), whose oxc
 * transform leaves them in the code. Run through a real Vite server, as vitest runs a test file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDecoratorCompiler } from '../src/vite/decorator-compiler.js';
import { hasDecorator } from '../src/vite/has-decorator.js';
import { datapolicyDecorators, type DecoratorCompilerName } from '../src/vite/index.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'vite');
const STANDARD = path.join(FIXTURES, 'standard.ts');
const read = (file: string): string => readFileSync(file, 'utf8');

const servers: ViteDevServer[] = [];
const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A Vite server as vitest makes one: no config file, Vite's default transform, and these plugins. */
async function server(plugins: InlineConfig['plugins']): Promise<ViteDevServer> {
  const created = await createServer({ configFile: false, root: FIXTURES, logLevel: 'silent', plugins, server: { middlewareMode: true, ws: false } });
  servers.push(created);
  return created;
}

describe('hasDecorator', () => {
  it.each([
    ['a field decorator', "class A {\n  @datapolicy('password') password = '';\n}"],
    ['on one line', "class A { @datapolicy('token') token = '' }"],
    ['after another member', 'class A { a = 1; @tag b = 2 }'],
    ['a class decorator', '@sealed\nexport class A {}'],
    ['after export', 'export @sealed class A {}'],
    ['on a class expression', 'const A = @sealed class {};'],
  ])('finds %s', (_name, code) => {
    expect(hasDecorator(code)).toBe(true);
  });

  it.each([
    ['a JSDoc tag', '/**\n * @param value the value\n */\nfunction f(value: string) {}'],
    ['a comment directive', '// @ts-expect-error\nconst a: number = "";'],
    ['a pure annotation', 'const a = /* @__PURE__ */ f();'],
    ['an e-mail address', "const to = 'alice@example.com';"],
    ['a scoped package', "import { infoS } from '@klog-ts/core';"],
  ])('ignores %s', (_name, code) => {
    expect(hasDecorator(code)).toBe(false);
  });
});

describe('without the plugin', () => {
  it("Vite 8's default transform leaves a standard decorator in the code, and Node rejects it", async () => {
    const vite = await server([]);
    await expect(vite.ssrLoadModule(STANDARD)).rejects.toThrow(/^Invalid or unexpected token$/);
    const { code } = (await vite.transformRequest(STANDARD, { ssr: true })) ?? { code: '' };
    expect(code).toContain('@tag');
  });
});

describe.each<DecoratorCompilerName>(['typescript', 'esbuild'])('datapolicyDecorators({ compiler: %j })', (compiler) => {
  it('lowers a standard field decorator, which then sees a field context', async () => {
    const vite = await server([datapolicyDecorators({ compiler })]);
    const loaded = (await vite.ssrLoadModule(STANDARD)) as { seen: string[]; Credentials: new () => { password: string } };
    expect(new loaded.Credentials().password).toBe('hunter2');
    expect(loaded.seen).toEqual(['field:password']);
  });

  it('keeps a source map to the original lines', async () => {
    const plugin = datapolicyDecorators({ compiler });
    plugin.configResolved({ root: FIXTURES });
    const out = await plugin.transform(read(STANDARD), `${STANDARD}?v=1`);
    if (out === null) throw new Error('standard.ts was not lowered');
    const lines = out.code.split('\n');
    const line = lines.findIndex((text) => text.includes('thrown from standard.ts line 13'));
    const column = lines[line].indexOf('throw');
    const entry = new SourceMap(JSON.parse(out.map) as ConstructorParameters<typeof SourceMap>[0]).findEntry(line, column);
    expect(entry).toMatchObject({ originalSource: STANDARD, originalLine: 12 }); // 0-based: line 13
  });

  it('leaves files without a decorator, JavaScript and dependencies to Vite', async () => {
    const plugin = datapolicyDecorators({ compiler });
    expect(await plugin.transform(read(path.join(FIXTURES, 'plain.ts')), path.join(FIXTURES, 'plain.ts'))).toBeNull();
    expect(await plugin.transform(read(STANDARD), STANDARD.replace(/\.ts$/, '.js'))).toBeNull();
    expect(await plugin.transform(read(STANDARD), path.join(FIXTURES, 'node_modules', 'dep', 'standard.ts'))).toBeNull();
  });

  it('leaves a file whose tsconfig.json turns on experimentalDecorators to Vite, which lowers them as legacy ones', async () => {
    const legacy = path.join(FIXTURES, 'legacy', 'legacy.ts');
    expect(await datapolicyDecorators({ compiler }).transform(read(legacy), legacy)).toBeNull();
    const vite = await server([datapolicyDecorators({ compiler })]);
    const loaded = (await vite.ssrLoadModule(legacy)) as { seen: string[] };
    expect(loaded.seen).toEqual(['legacy:password']);
  });
});

describe('loadDecoratorCompiler', () => {
  function project(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'klog-ts-vite-plugin-'));
    temporary.push(dir);
    return dir;
  }

  it('prefers TypeScript, and takes esbuild when asked', async () => {
    expect((await loadDecoratorCompiler(undefined, [import.meta.dirname])).name).toBe('typescript');
    expect((await loadDecoratorCompiler('esbuild', [import.meta.dirname])).name).toBe('esbuild');
  });

  it('says what to install when neither can be loaded', async () => {
    const empty = project();
    await expect(loadDecoratorCompiler(undefined, [empty])).rejects.toThrow(
      `@klog-ts/sanitizer/vite: datapolicyDecorators() lowers standard decorators with the \`typescript\` package (5.2 to 6.x) or \`esbuild\`, which could not be loaded from ${empty}. Install it as a dev dependency: npm install --save-dev typescript`,
    );
    await expect(loadDecoratorCompiler('esbuild', [empty])).rejects.toThrow(/with `esbuild`, which could not be loaded from .*npm install --save-dev esbuild$/);
  });

  it("names a TypeScript without a compiler API (TypeScript 7's package)", async () => {
    const dir = project();
    const typescript = path.join(dir, 'node_modules', 'typescript');
    mkdirSync(typescript, { recursive: true });
    writeFileSync(path.join(typescript, 'package.json'), JSON.stringify({ name: 'typescript', version: '7.0.2', main: 'index.js' }));
    writeFileSync(path.join(typescript, 'index.js'), "module.exports = { version: '7.0.2', versionMajorMinor: '7.0' };");
    await expect(loadDecoratorCompiler(undefined, [dir])).rejects.toThrow('(typescript 7.0.2 was found, but its package has no compiler API)');
  });
});
