import type { ConformanceCase } from './case-file.js';
import { describeDifference } from './diff.js';
import { inferFormat, replayCase, type CaseFormat } from './replay.js';

export interface CaseOutcome {
  readonly id: string;
  readonly passed: boolean;
  /** Why it failed: the difference, a failed expectation, or an error from replaying it. */
  readonly report: string;
}

/** Runs one case and compares bytes. Never throws: a replay error is a failed case with its message. */
export function runCase(testCase: ConformanceCase, format: CaseFormat | undefined): CaseOutcome {
  const prior = process.env.TZ;
  // klog prints local time; the recorded runs used UTC.
  process.env.TZ = 'UTC';
  try {
    const { actual, problems } = replayCase(testCase, format ?? inferFormat(testCase));
    const same = actual === testCase.expected_text;
    const reports = [...problems, ...(same ? [] : [describeDifference(testCase.expected_text, actual)])];
    return { id: testCase.id, passed: reports.length === 0, report: reports.join('\n') };
  } catch (error) {
    return { id: testCase.id, passed: false, report: `could not replay: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (prior === undefined) delete process.env.TZ;
    else process.env.TZ = prior;
  }
}

export function runCases(cases: readonly ConformanceCase[], format: CaseFormat | undefined): CaseOutcome[] {
  return cases.map((testCase) => runCase(testCase, format));
}
