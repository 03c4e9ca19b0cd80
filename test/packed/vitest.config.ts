import path from 'node:path';
import { defineConfig } from 'vitest/config';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The packed-package tests (`pnpm test:packed`): npm installs into fresh projects, minutes long, so they are
// not a project of the root config (`pnpm test`). The JSON results feed `.ci/run`'s closing count.
export default defineConfig({
  test: {
    name: 'packed',
    root: import.meta.dirname,
    include: ['*.e2e.ts'],
    globalSetup: [path.join(ROOT, 'vitest.global-setup.ts')],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    reporters: ['default', 'json'],
    outputFile: { json: path.join(ROOT, '.vitest-results.packed.json') },
  },
});
