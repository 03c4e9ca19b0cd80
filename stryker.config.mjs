// Mutation testing of @klog-ts/sanitizer with StrykerJS (`pnpm mutate`; not part of `pnpm test`).
// Why each setting is what it is: packages/sanitizer/docs/mutation-testing.md.
import os from 'node:os';
import path from 'node:path';

export default {
  // Stryker runs from the repository root, so its sandbox (a copy of the repository) keeps the layout the
  // vitest configs and tsconfigs rely on (`../../vitest.config.base.ts`), and every node_modules folder of
  // the workspace (the root one and each package's) is symlinked into the same place in the sandbox:
  // `@klog-ts/core` (workspace:*) then resolves through packages/sanitizer/node_modules to packages/core,
  // and the `@klog-ts/source` condition of the vitest config picks its TypeScript sources.
  // The barrels (index.ts, vite/index.ts) only re-export: they have no code to mutate. No source file holds
  // only type declarations (those would have no mutants either).
  mutate: ['packages/sanitizer/src/**/*.ts', '!packages/sanitizer/src/index.ts', '!packages/sanitizer/src/vite/index.ts'],
  // Copy only what the sanitizer's tests need into the sandbox (a smaller, faster copy).
  ignorePatterns: [
    '/*',
    '!/package.json',
    '!/tsconfig.json',
    '!/tsconfig.base.json',
    '!/vitest.config.base.ts',
    '!/packages',
    '/packages/*',
    '!/packages/core',
    '!/packages/pino',
    '!/packages/sanitizer',
    '/packages/*/docs',
    '/packages/*/bench',
    // The sanitizer project's tests include two in bench/ (they check the benchmark's variants redact).
    '!/packages/sanitizer/bench',
  ],
  // `// @ts-nocheck` only at the top of the mutated sources (instrumented code does not type-check). The
  // default pattern also matches test files, and it shifted the lines of the Vite plugin's fixture, whose
  // source map test then failed in the initial run.
  disableTypeChecks: 'packages/sanitizer/src/**/*.ts',
  testRunner: 'vitest',
  // Stryker's default, the glob `@stryker-mutator/*`, looks next to @stryker-mutator/core, which pnpm keeps in
  // its own folder under node_modules/.pnpm without the runner ("no TestRunner plugins were loaded"). So
  // the runner is named by the file URL that the root package.json's devDependency resolves to.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  vitest: {
    // The sanitizer's vitest project, plus a reporter that makes a test file that fails to load count as a
    // failed test (the runner would call a mutant that breaks loading "survived"; see that config).
    // `dir` keeps vitest from collecting other packages' tests.
    configFile: 'packages/sanitizer/test/stryker/vitest.config.ts',
    dir: 'packages/sanitizer',
  },
  // The vitest runner reports which tests reach which mutant, so each mutant runs only those tests.
  coverageAnalysis: 'perTest',
  // The machine has 2 cores shared with other work: one test runner per core at most.
  concurrency: 2,
  // Generous: the machine has 2 cores and is often loaded. A static mutant reloads every test file (7-8 s
  // here), and with 10 s some equivalent ones timed out under load and counted as detected. Mutants that
  // loop are mostly stopped by the runner's hit limit long before this.
  timeoutMS: 30_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
  // Incremental mode is opt-in (`pnpm mutate --incremental`): it reuses results of mutants whose code and
  // covering tests did not change, but it keeps a surviving *static* mutant as survived even when new tests
  // kill it (static mutants have no per-test coverage to compare), so after adding tests it under-reports.
  incremental: false,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowEmojis: false, logTests: false, reportTests: false },
  htmlReporter: { fileName: 'reports/mutation/sanitizer.html' },
  jsonReporter: { fileName: 'reports/mutation/sanitizer.json' },
  // The sandboxes live outside the worktree: copies of the sources (with @ts-nocheck and mutants) inside it
  // would be picked up by `pnpm lint` and editors while a run is under way, or after an interrupted one.
  tempDirName: path.join(os.tmpdir(), 'klog-ts-stryker'),
  cleanTempDir: true,
};
