import { defineConfig, mergeConfig } from 'vitest/config';
import sanitizer from '../../vitest.config.ts';
import { UnloadableFileReporter } from './unloadable-file-reporter.ts';

/**
 * The sanitizer's vitest project as Stryker runs it (`vitest.configFile` in stryker.config.mjs): the same
 * project, plus a reporter that counts a test file that failed to load as a failed test (see the reporter).
 */
export default mergeConfig(sanitizer, defineConfig({ test: { reporters: [new UnloadableFileReporter()] } }));
