import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

/** Test files written to kill mutants: small and exact, so they run first. */
const TARGETED = '/mutation-kill-';
/** Test files that take seconds each (property runs, a Vite build, a TypeScript program): run last. */
const COSTLY = ['red-team.property.test.ts', 'hostile-values.test.ts', 'vite-plugin.test.ts', 'legacy-decorators.test.ts'];

/**
 * For mutation testing only: Stryker runs a mutant's covering test files one after another and stops at the
 * first failure, so the targeted files go first, then the other quick ones, and the costly ones last.
 * vitest's own order (the slowest first, from its cache) is made for parallel runs and has a mutant wait
 * for the property runs.
 */
export class CheapFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (file: TestSpecification): number => {
      if (file.moduleId.includes(TARGETED)) return 0;
      return COSTLY.some((name) => file.moduleId.endsWith(`/${name}`)) ? 2 : 1;
    };
    return Promise.resolve([...files].sort((a, b) => cost(a) - cost(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}
