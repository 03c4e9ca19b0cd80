import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../src/case-file.js';
import { runCase } from '../src/run-cases.js';

const casesDir = join(import.meta.dirname, '..', 'cases');

for (const file of readdirSync(casesDir).filter((name) => name.endsWith('.json'))) {
  describe(file, () => {
    const cases = parseCaseFile(readFileSync(join(casesDir, file), 'utf8'), file);

    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(50);
    });

    it.each(cases.map((testCase) => [testCase.id, testCase] as const))('%s', (_id, testCase) => {
      const outcome = runCase(testCase, undefined);
      expect(outcome.report).toBe('');
      expect(outcome.passed).toBe(true);
    });
  });
}
