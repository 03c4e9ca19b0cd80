import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import sanitizer from '../../vitest.config.ts';
import { CheapFirstSequencer } from './cheap-first-sequencer.ts';
import { UnloadableFileReporter } from './unloadable-file-reporter.ts';

/**
 * The sanitizer's vitest project as Stryker runs it (`vitest.configFile` in stryker.config.mjs): the same
 * project, plus a reporter that counts a test file that failed to load as a failed test (see the reporter),
 * with changes that only save time (docs/mutation-testing.md, "How it is set up"):
 * - workers.test.ts is left out: it runs the sanitizer in child processes, where Stryker never activates a
 *   mutant (it sets the active mutant in its own test thread), so it cannot tell a mutant from the original;
 * - the red-team property runs 200 seeded cases instead of 10,000 (same seed, so the first 200 cases);
 * - the quick test files run first (see CheapFirstSequencer).
 */
export default mergeConfig(
  sanitizer,
  defineConfig({
    test: {
      reporters: [new UnloadableFileReporter()],
      exclude: [...configDefaults.exclude, '**/workers.test.ts'],
      env: { KLOG_TS_FUZZ_RUNS: '200' },
      sequence: { sequencer: CheapFirstSequencer },
    },
  }),
);
