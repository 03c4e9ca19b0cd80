// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
// Dogfooding: `pnpm lint` builds the plugin (tsc -b packages/eslint-plugin/tsconfig.build.json) first.
import klog from './packages/eslint-plugin/dist/index.js';

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/fixtures/**', 'coverage/**', '.bench-tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [klog.configs['recommended-type-checked']],
  },
  {
    // The conformance runner replays klog's API from recorded cases on purpose: legacy printf calls,
    // messages and keys that are data, deprecated KObjs, logr's V(n).error. Its calls are the input.
    files: ['tools/conformance/src/**/*.ts'],
    rules: {
      '@klog-ts/structured': 'off',
      '@klog-ts/message-style': 'off',
      '@klog-ts/kv-pairs': 'off',
      '@klog-ts/key-naming': 'off',
      '@klog-ts/verbosity': 'off',
      '@klog-ts/deprecations': 'off',
    },
  },
  {
    // Tests of the loggers log odd messages and keys on purpose: the format's edge cases are their input.
    files: ['packages/core/test/**/*.ts', 'packages/sanitizer/test/**/*.ts', 'packages/pino/test/**/*.ts', 'packages/otel/test/**/*.ts', 'tools/conformance/test/**/*.ts', 'test/log-injection.property.test.ts'],
    rules: {
      '@klog-ts/structured': 'off',
      '@klog-ts/message-style': 'off',
      '@klog-ts/kv-pairs': 'off',
      '@klog-ts/key-naming': 'off',
      '@klog-ts/verbosity': 'off',
      '@klog-ts/deprecations': 'off',
      '@klog-ts/prefer-kobj': 'off',
    },
  },
  {
    // @klog-ts/taint runs under either engine's TypeScript (ts-morph's bundled copy in the checker, the project's
    // in the ESLint plugin): it is handed the `ts` namespace that built the nodes and imports TypeScript's types only.
    files: ['packages/taint/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typescript', allowTypeImports: true, message: 'Use the `ts: TypeScript` passed in; import types only.' },
            { name: 'ts-morph', message: 'The ESLint plugin installs @klog-ts/taint: it must not bring ts-morph.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
