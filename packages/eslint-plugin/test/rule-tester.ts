import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

/** The typed fixture project: `file.ts` is the file under test, the `.d.ts` files declare klog-ts. */
export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** A RuleTester without type information: what a plain `recommended` setup gives a rule. */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}

/** A RuleTester with a TypeScript program over `test/fixtures` (projectService). */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
  });
}
