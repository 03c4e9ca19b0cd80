import { loadDecoratorCompiler, type DecoratorCompiler, type DecoratorCompilerName } from './decorator-compiler.js';
import { hasDecorator } from './has-decorator.js';

/** Options of {@link datapolicyDecorators}. */
export interface DatapolicyDecoratorsOptions {
  /**
   * What lowers the decorators: `'typescript'` (its `transpileModule`) or `'esbuild'` (its `transform`),
   * resolved from the project's root. Default: TypeScript when it can be loaded, else esbuild.
   */
  readonly compiler?: DecoratorCompilerName;
}

/** The Vite plugin {@link datapolicyDecorators} returns (structurally a Vite `Plugin`: no type dependency on Vite). */
export interface DatapolicyDecoratorsPlugin {
  readonly name: 'klog-ts:datapolicy-decorators';
  readonly enforce: 'pre';
  configResolved(config: { readonly root: string }): void;
  transform(code: string, id: string): Promise<{ code: string; map: string } | null>;
}

/** TypeScript files, outside node_modules (Vite leaves dependencies to Node). */
const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/;

/**
 * A Vite plugin (Vite 8, vitest 4) that lowers standard (TC39) decorators, such as `@datapolicy`, before
 * Vite's own transform: Vite 8's oxc transform strips types but leaves standard decorators in the code,
 * which Node then rejects (`SyntaxError: Invalid or unexpected token`). Only TypeScript files that hold a
 * decorator take this path, and files whose tsconfig.json turns on `experimentalDecorators` are left to
 * Vite, which lowers legacy decorators itself. The output keeps a source map to the original file.
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { datapolicyDecorators } from '@klog-ts/sanitizer/vite';
 *
 * export default defineConfig({ plugins: [datapolicyDecorators()] });
 */
export function datapolicyDecorators(options: DatapolicyDecoratorsOptions = {}): DatapolicyDecoratorsPlugin {
  let root = process.cwd();
  let compiler: Promise<DecoratorCompiler> | undefined;
  return {
    name: 'klog-ts:datapolicy-decorators',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    async transform(code, id) {
      const file = id.split('?', 1)[0] ?? id;
      if (!TYPESCRIPT_FILE.test(file) || file.includes('/node_modules/') || !hasDecorator(code)) return null;
      // Loaded once, on the first file that needs it; a failure fails every such file with its message.
      compiler ??= loadDecoratorCompiler(options.compiler, [root, import.meta.url]);
      return (await compiler).lower(code, file);
    },
  };
}
