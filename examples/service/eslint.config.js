// @ts-check
// The service's pre-submit lint: typed ESLint with klog-ts's rules (logcheck's checks and no-secret-logging).
// `pnpm lint` here builds the plugin first, as the repository's own lint does.
import js from '@eslint/js';
import klog from '@klog-ts/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    // The repository's conventions (ESLint uses this file for these sources, from here or from the root).
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.ts'], extends: [klog.configs['recommended-type-checked']] },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
