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
export function runCase(testCase: ConformanceCase, format: CaseFormat): CaseOutcome {
  const prior = process.env.TZ;
  // klog prints local time; the recorded runs used UTC.
  process.env.TZ = 'UTC';
  try {
    const { actual, problems } = replayCase(testCase, format);
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

/** Runs a file's cases in `format`, or in the format inferred from the file. */
export function runCases(cases: readonly ConformanceCase[], format: CaseFormat | undefined): CaseOutcome[] {
  const fileFormat = format ?? inferFormat(cases);
  return cases.map((testCase) => runCase(testCase, fileFormat));
}
