import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../src/case-file.js';
import { inferFormat } from '../src/replay.js';
import { hasInjectableInput, runCase, runCaseRaw } from '../src/run-cases.js';

// `cases/`: real klog outputs (copied from shared/conformance). `derived/`: cases we wrote from
// klog-format.md for rules the sample does not exercise.
const folders = ['cases', 'derived'].map((name) => join(import.meta.dirname, '..', name));

for (const folder of folders) {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    describe(file, () => {
      const cases = parseCaseFile(readFileSync(join(folder, file), 'utf8'), file);
      const format = inferFormat(cases);

      it('is a file of one format, with cases', () => {
        expect(cases.length).toBeGreaterThan(10);
        expect(format).toBe(file.includes('-json-') ? 'json' : 'text');
      });

      it.each(cases.map((testCase) => [testCase.id, testCase] as const))('%s', (_id, testCase) => {
        const outcome = runCase(testCase, format);
        expect(outcome.report).toBe('');
        expect(outcome.passed).toBe(true);
        // Byte for byte by default, unless the input is injectable; then byte for byte with klog's raw layout.
        if (outcome.deviation !== undefined) expect(hasInjectableInput(testCase)).toBe(true);
        if (testCase.config.unsafe_raw_text === undefined) expect(runCaseRaw(testCase, format).report).toBe('');
      });
    });
  }
}
