import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

/** Test files that take seconds each (property runs, a Vite build, a TypeScript program): run last. */
const COSTLY = ['red-team.property.test.ts', 'hostile-values.test.ts', 'vite-plugin.test.ts', 'legacy-decorators.test.ts'];

/**
 * For mutation testing only: Stryker runs a mutant's covering test files one after another and stops at the
 * first failure, so the targeted, quick files go first and the costly ones last. vitest's own order (the
 * slowest first, from its cache) is made for parallel runs and has a mutant wait for the property runs.
 */
export class CheapFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (file: TestSpecification): number => (COSTLY.some((name) => file.moduleId.endsWith(`/${name}`)) ? 1 : 0);
    return Promise.resolve([...files].sort((a, b) => cost(a) - cost(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}
