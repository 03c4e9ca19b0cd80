import type { RunnerTestCase } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * For mutation testing only (see docs/mutation-testing.md): makes a test file that failed to load count as
 * one failed test.
 *
 * Stryker's vitest runner (9.6.1, and 10.x alike; stryker-js issue #6150) builds a mutant's result from the
 * tests vitest collected. A static mutant that makes a module throw while it loads (a kind pattern that
 * rejects `password`, so `@datapolicy('password')` throws when the fixtures load) leaves the test files with
 * no tests at all, and the runner then reports the mutant as survived although every test file failed.
 * This reporter adds one failed test, carrying the load error, to each test file that failed without any
 * test, so that such a mutant is killed. Files that loaded are left as they are.
 */
export class UnloadableFileReporter implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  /** Before `vitest.start()` resolves, so before the runner reads the results (from the same state). */
  onTestRunEnd(): void {
    for (const file of this.#vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      // The runner reads type, name, mode, result, file and suite; the rest of a test (its context) only
      // vitest can build, and nothing reads it after the run.
      const loadFailure = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'loads the test file',
        fullName: `${file.name} loads the test file`,
        mode: 'run',
        file,
        suite: file,
        result: { state: 'fail', errors: file.result.errors ?? [] },
        meta: {},
        annotations: [],
        artifacts: [],
        timeout: 0,
      } as unknown as RunnerTestCase;
      file.tasks.push(loadFailure);
    }
  }
}
