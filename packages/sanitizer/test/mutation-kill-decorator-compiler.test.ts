// Pins what the Vite plugin's decorator compilers (src/vite/decorator-compiler.ts) emit and how the lowered
// classes behave: the tsconfig options they pass on (verbatimModuleSyntax, the field semantics by default,
// read once per tsconfig), the code and source map handed to Vite, .tsx files with esbuild, and which
// compiler loads, or what the error says, for projects with only esbuild, a TypeScript without a compiler
// API, or a TypeScript whose tsconfig cannot be read and that emits no source map.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDecoratorCompiler, type DecoratorCompilerName } from '../src/vite/decorator-compiler.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** An empty directory outside the repository (no tsconfig.json and no node_modules above it). */
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'klog-ts-decorator-compiler-'));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Runs lowered code as an ES module and returns its exports. */
async function run(dir: string, code: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, `lowered-${String(temporary.length)}-${String(Math.random()).slice(2)}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

const FIELD_TAG = 'function tag(_value: undefined, _context: ClassFieldDecoratorContext): void {}\n';

/** A class whose decorated field shadows a setter of its base class, and an import used by nothing. */
const SHADOWING =
  "import { readFileSync } from 'node:fs';\n" +
  FIELD_TAG +
  'export const set: unknown[] = [];\n' +
  'class Base {\n  set token(value: unknown) {\n    set.push(value);\n  }\n}\n' +
  "export class Login extends Base {\n  @tag token = 'abc';\n}\n" +
  'export const own = Object.hasOwn(new Login(), "token");\n';

/** A template literal with a line that looks like a source map comment, at the start of a line. */
const LOOKALIKE = FIELD_TAG + "class A {\n  @tag x = 1;\n}\nexport const text = `\n//# sourceMappingURL=kept.map\nend`;\nexport const a = new A();\n";

/** A stand-in `typescript` package in `dir`'s node_modules, exporting `body` (JavaScript). */
function fakeTypeScript(dir: string, body: string): void {
  const typescript = path.join(dir, 'node_modules', 'typescript');
  mkdirSync(typescript, { recursive: true });
  writeFileSync(path.join(typescript, 'package.json'), JSON.stringify({ name: 'typescript', version: '0.0.0', main: 'index.js' }));
  writeFileSync(path.join(typescript, 'index.js'), `module.exports = ${body};\n`);
}

const here = [import.meta.dirname];

describe.each<DecoratorCompilerName>(['typescript', 'esbuild'])('the %s decorator compiler', (name) => {
  it("passes on the tsconfig's verbatimModuleSyntax (an unused import is kept with it, dropped without)", async () => {
    const compiler = await loadDecoratorCompiler(name, here);
    const verbatim = project({ 'tsconfig.json': JSON.stringify({ compilerOptions: { verbatimModuleSyntax: true } }) });
    const plain = project();
    expect((await compiler.lower(SHADOWING, path.join(verbatim, 'login.ts')))?.code).toMatch(/import { readFileSync } from ["']node:fs["']/);
    expect((await compiler.lower(SHADOWING, path.join(plain, 'login.ts')))?.code).not.toContain('node:fs');
  });

  it('defines class fields by default (a decorated field shadows a base setter, which is never called)', async () => {
    const compiler = await loadDecoratorCompiler(name, here);
    const dir = project();
    const lowered = await compiler.lower(SHADOWING, path.join(dir, 'login.ts'));
    if (lowered === null) throw new Error('not lowered');
    const loaded = await run(dir, lowered.code);
    expect(loaded.own).toBe(true);
    expect(loaded.set).toEqual([]);
  });

  it('reads each tsconfig once (a change after the first file is seen after a restart)', async () => {
    const compiler = await loadDecoratorCompiler(name, here);
    const dir = project({ 'tsconfig.json': '{}' });
    expect(await compiler.lower(LOOKALIKE, path.join(dir, 'a.ts'))).not.toBeNull();
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { experimentalDecorators: true } }));
    expect(await compiler.lower(LOOKALIKE, path.join(dir, 'b.ts'))).not.toBeNull();
  });

  it('hands Vite code without a source map comment, ending in a line break, and a map with the original text', async () => {
    const compiler = await loadDecoratorCompiler(name, here);
    const dir = project();
    const file = path.join(dir, 'lookalike.ts');
    const lowered = await compiler.lower(LOOKALIKE, file);
    if (lowered === null) throw new Error('not lowered');
    expect(lowered.code.endsWith(';\n')).toBe(true);
    expect(lowered.code.match(/sourceMappingURL/g)).toHaveLength(1); // the template literal's line only
    expect(lowered.code).toContain('`\n//# sourceMappingURL=kept.map\nend`');
    expect(JSON.parse(lowered.map)).toMatchObject({ file: 'lookalike.ts', sources: [file], sourcesContent: [LOOKALIKE] });
  });
});

describe('loadDecoratorCompiler', () => {
  it('lowers a .tsx file with esbuild and leaves its JSX to Vite, and a .ts file as TypeScript without JSX', async () => {
    const compiler = await loadDecoratorCompiler('esbuild', here);
    const code = FIELD_TAG + 'class A {\n  @tag x = 1;\n}\nexport const view = <div title="t">{new A().x}</div>;\n';
    const lowered = await compiler.lower(code, path.join(project(), 'view.tsx'));
    expect(lowered?.code).toContain('<div title="t">{new A().x}</div>');
    // An angle-bracket type assertion is valid in a .ts file only (in .tsx it would be JSX).
    const asserted = FIELD_TAG + 'class A {\n  @tag x = 1;\n}\nconst value: unknown = 2;\nexport const n = <number>value + new A().x;\n';
    expect((await compiler.lower(asserted, path.join(project(), 'asserted.ts')))?.code).toContain('export const n = value + new A().x;');
  });

  it('takes esbuild when the project has esbuild but no typescript (every decorator is a standard one)', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'node_modules'));
    const esbuild = path.dirname(createRequire(import.meta.url).resolve('esbuild/package.json'));
    symlinkSync(realpathSync(esbuild), path.join(dir, 'node_modules', 'esbuild'), 'dir');
    const compiler = await loadDecoratorCompiler(undefined, [dir]);
    expect(compiler.name).toBe('esbuild');
    const lowered = await compiler.lower(SHADOWING, path.join(dir, 'login.ts'));
    expect((await run(dir, lowered?.code ?? '')).own).toBe(true);
    await expect(loadDecoratorCompiler('typescript', [dir])).rejects.toThrow(
      `with the \`typescript\` package (5.2 to 6.x), which could not be loaded from ${dir}. Install it as a dev dependency: npm install --save-dev typescript`,
    );
  });

  it('says when typescript emits no source map (and takes a tsconfig it cannot read for an empty one)', async () => {
    const dir = project();
    fakeTypeScript(
      dir,
      "{ version: '5.9.9-nomap', ScriptTarget: { ES2022: 9 }, ModuleKind: { ESNext: 99 }, JsxEmit: { Preserve: 1 }, sys: { fileExists: () => true }, " +
        "findConfigFile: (dir) => dir + '/tsconfig.json', getParsedCommandLineOfConfigFile: () => undefined, transpileModule: (code) => ({ outputText: code }) }",
    );
    const compiler = await loadDecoratorCompiler('typescript', [dir]);
    const file = path.join(dir, 'a.ts');
    await expect(Promise.resolve().then(() => compiler.lower(LOOKALIKE, file))).rejects.toThrow(`typescript 5.9.9-nomap emitted no source map for ${file}`);
  });

  it('resolves from a module URL as from a directory', async () => {
    const dir = project();
    fakeTypeScript(dir, "{ version: '7.0.2' }");
    await expect(loadDecoratorCompiler('typescript', [pathToFileURL(path.join(dir, 'vite.config.js')).href])).rejects.toThrow(
      '(typescript 7.0.2 was found, but its package has no compiler API)',
    );
  });

  it('names every place it looked, and a TypeScript without a compiler API only when TypeScript was wanted', async () => {
    const dir = project();
    const other = project();
    fakeTypeScript(dir, "{ version: '7.0.2' }");
    await expect(loadDecoratorCompiler('esbuild', [dir, other])).rejects.toThrow(
      `with \`esbuild\`, which could not be loaded from ${dir} or ${other}. Install it as a dev dependency: npm install --save-dev esbuild`,
    );
  });
});
