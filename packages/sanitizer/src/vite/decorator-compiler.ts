import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The compilers that can lower standard decorators: TypeScript's `transpileModule`, or esbuild's `transform`. */
export type DecoratorCompilerName = 'typescript' | 'esbuild';

/** A file with its standard decorators lowered, and its source map (JSON) back to the original. */
export interface LoweredModule {
  readonly code: string;
  readonly map: string;
}

/** Lowers one file's standard decorators; `null` when its tsconfig turns on `experimentalDecorators`. */
export interface DecoratorCompiler {
  readonly name: DecoratorCompilerName;
  lower(code: string, file: string): Promise<LoweredModule | null>;
}

/** The options of a file's tsconfig that change how its decorators are lowered. */
interface DecoratorSettings {
  readonly experimentalDecorators?: boolean;
  readonly useDefineForClassFields?: boolean;
  readonly verbatimModuleSyntax?: boolean;
}

/** What is used of the `typescript` package (structural: no type dependency on it). */
interface TypeScriptApi {
  readonly version: string;
  readonly ScriptTarget: { readonly ES2022: number };
  readonly ModuleKind: { readonly ESNext: number };
  readonly JsxEmit: { readonly Preserve: number };
  readonly sys: object & { fileExists(file: string): boolean };
  findConfigFile(searchPath: string, fileExists: (file: string) => boolean): string | undefined;
  getParsedCommandLineOfConfigFile(file: string, extend: object | undefined, host: object): { options: DecoratorSettings } | undefined;
  transpileModule(code: string, options: { fileName: string; compilerOptions: object; reportDiagnostics: boolean }): {
    outputText: string;
    sourceMapText?: string;
  };
}

/** What is used of `esbuild`. */
interface EsbuildApi {
  transform(code: string, options: object): Promise<{ code: string; map: string }>;
}

/** Imports `name` as the first of `from` (a directory, or a module's URL) resolves it; `undefined` if none does. */
async function importFrom(name: string, from: readonly string[]): Promise<unknown> {
  for (const base of from) {
    let resolved: string;
    try {
      const anchor = base.startsWith('file:') ? base : pathToFileURL(path.join(base, 'package.json')).href;
      resolved = createRequire(anchor).resolve(name);
    } catch {
      continue;
    }
    const loaded = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
    return loaded.default ?? loaded;
  }
  return undefined;
}

function isTypeScriptApi(value: unknown): value is TypeScriptApi {
  return typeof (value as Partial<TypeScriptApi> | undefined)?.transpileModule === 'function';
}

function isEsbuildApi(value: unknown): value is EsbuildApi {
  return typeof (value as Partial<EsbuildApi> | undefined)?.transform === 'function';
}

/** Reads the decorator settings of each file's nearest tsconfig.json (following `extends`), once per tsconfig. */
function tsconfigReader(ts: TypeScriptApi | undefined): (file: string) => DecoratorSettings {
  if (ts === undefined) return () => ({});
  const byConfig = new Map<string, DecoratorSettings>();
  // Only the options are wanted: listing the project's files would cost a directory walk.
  // Stryker disable next-line ArrayDeclaration: equivalent, the files a directory listing finds never change the options read
  const host = { ...ts.sys, readDirectory: () => [], onUnRecoverableConfigFileDiagnostic: () => undefined };
  return (file) => {
    const config = ts.findConfigFile(path.dirname(file), (name) => ts.sys.fileExists(name));
    if (config === undefined) return {};
    let settings = byConfig.get(config);
    if (settings === undefined) {
      settings = ts.getParsedCommandLineOfConfigFile(config, undefined, host)?.options ?? {};
      byConfig.set(config, settings);
    }
    return settings;
  };
}

/** The map as Vite wants it: the original file as its one source, with its text. */
function sourceMapOf(mapText: string, file: string, code: string): string {
  const map = JSON.parse(mapText) as Record<string, unknown>;
  delete map.sourceRoot;
  map.file = path.basename(file);
  map.sources = [file];
  map.sourcesContent = [code];
  return JSON.stringify(map);
}

function typescriptCompiler(ts: TypeScriptApi, settingsOf: (file: string) => DecoratorSettings): DecoratorCompiler {
  return {
    name: 'typescript',
    lower(code, file) {
      const settings = settingsOf(file);
      if (settings.experimentalDecorators === true) return Promise.resolve(null);
      const out = ts.transpileModule(code, {
        fileName: file,
        // Stryker disable next-line BooleanLiteral: equivalent, the diagnostics are never read (only outputText and sourceMapText)
        reportDiagnostics: false,
        compilerOptions: {
          // ES2022 lowers decorators and nothing Node 20 runs natively; JSX is left to Vite.
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          jsx: ts.JsxEmit.Preserve,
          experimentalDecorators: false,
          // Stryker disable next-line LogicalOperator: equivalent, `undefined && true` is unset, and TypeScript defines fields when unset at target ES2022
          useDefineForClassFields: settings.useDefineForClassFields ?? true,
          verbatimModuleSyntax: settings.verbatimModuleSyntax ?? false,
          sourceMap: true,
        },
      });
      if (out.sourceMapText === undefined) throw new Error(`typescript ${ts.version} emitted no source map for ${file}`);
      const js = out.outputText.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
      return Promise.resolve({ code: js, map: sourceMapOf(out.sourceMapText, file, code) });
    },
  };
}

function esbuildCompiler(esbuild: EsbuildApi, settingsOf: (file: string) => DecoratorSettings): DecoratorCompiler {
  return {
    name: 'esbuild',
    async lower(code, file) {
      const settings = settingsOf(file);
      if (settings.experimentalDecorators === true) return null;
      const out = await esbuild.transform(code, {
        loader: file.endsWith('x') ? 'tsx' : 'ts',
        target: 'es2022',
        jsx: 'preserve',
        sourcemap: 'external',
        sourcefile: file,
        tsconfigRaw: {
          compilerOptions: {
            experimentalDecorators: false,
            // Stryker disable next-line LogicalOperator: equivalent, `undefined && true` is unset, and esbuild defines fields when unset without a tsconfig target
            useDefineForClassFields: settings.useDefineForClassFields ?? true,
            verbatimModuleSyntax: settings.verbatimModuleSyntax ?? false,
          },
        },
      });
      return { code: out.code, map: sourceMapOf(out.map, file, code) };
    },
  };
}

/**
 * Loads the compiler, resolved from each of `from` in turn (the project's root first): `preferred`, or
 * else TypeScript when it has its compiler API (TypeScript 7's package has none) and esbuild otherwise.
 * The `typescript` package, when present, also reads each file's tsconfig (with esbuild alone, every
 * decorator is taken for a standard one). Throws an `Error` saying what to install when neither loads.
 */
export async function loadDecoratorCompiler(preferred: DecoratorCompilerName | undefined, from: readonly string[]): Promise<DecoratorCompiler> {
  const ts = await importFrom('typescript', from);
  const typescript = isTypeScriptApi(ts) ? ts : undefined;
  const settingsOf = tsconfigReader(typescript);
  if (preferred !== 'esbuild' && typescript !== undefined) return typescriptCompiler(typescript, settingsOf);
  if (preferred !== 'typescript') {
    const esbuild = await importFrom('esbuild', from);
    if (isEsbuildApi(esbuild)) return esbuildCompiler(esbuild, settingsOf);
  }
  const tsVersion = (ts as { version?: unknown } | undefined)?.version;
  const tooNew =
    preferred !== 'esbuild' && ts !== undefined && typescript === undefined ? ` (typescript ${String(tsVersion)} was found, but its package has no compiler API)` : '';
  const wanted = { typescript: 'the `typescript` package (5.2 to 6.x)', esbuild: '`esbuild`' };
  const needs = preferred === undefined ? `${wanted.typescript} or ${wanted.esbuild}` : wanted[preferred];
  throw new Error(
    `@klog-ts/sanitizer/vite: datapolicyDecorators() lowers standard decorators with ${needs}, which could not be loaded from ${from.join(' or ')}${tooNew}. ` +
      `Install it as a dev dependency: npm install --save-dev ${preferred ?? 'typescript'}`,
  );
}
