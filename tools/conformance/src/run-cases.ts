import type { ConformanceCase } from './case-file.js';
import { describeDifference } from './diff.js';
import { inferFormat, replayCase, type CaseFormat } from './replay.js';

export interface CaseOutcome {
  readonly id: string;
  readonly passed: boolean;
  /** Why it failed: the difference, a failed expectation, or an error from replaying it. */
  readonly report: string;
  /**
   * Set when klog-ts's default output differs from klog's on purpose: the case's input holds a character
   * that klog writes raw where it could forge a line (log injection), and with `unsafeRawText` the bytes
   * are klog's. The case passes.
   */
  readonly deviation?: string;
}

/**
 * The characters klog-ts escapes where klog writes text raw (keys, object references, multi-line and
 * legacy text): line breaks, C0 and C1 controls, U+2028 and U+2029. Written here independently of
 * the code under test, as the oracle for which cases may differ.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const INJECTABLE = /[\u0000-\u0008\u000a-\u001f\u0080-\u009f\u2028\u2029]/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Whether any string the case logs holds a character that the log-injection rule escapes. */
export function hasInjectableInput(testCase: ConformanceCase): boolean {
  return strings(testCase.calls ?? testCase.call).some((text) => INJECTABLE.test(text));
}

function replayOnce(testCase: ConformanceCase, format: CaseFormat, unsafeRawText?: boolean): CaseOutcome {
  const prior = process.env.TZ;
  // klog prints local time; the recorded runs used UTC.
  process.env.TZ = 'UTC';
  try {
    const { actual, problems } = replayCase(testCase, format, unsafeRawText);
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

/**
 * Runs one case and compares bytes. Never throws: a replay error is a failed case with its message. A
 * case whose input is injectable and whose bytes differ only by klog-ts's escaping passes as a deviation.
 */
export function runCase(testCase: ConformanceCase, format: CaseFormat): CaseOutcome {
  const outcome = replayOnce(testCase, format);
  if (outcome.passed || testCase.config.unsafe_raw_text !== undefined || !hasInjectableInput(testCase)) return outcome;
  const raw = replayOnce(testCase, format, true);
  if (!raw.passed) return outcome;
  return { ...raw, deviation: `escaped for log injection safety (with unsafeRawText, klog's bytes):\n${outcome.report}` };
}

/** Runs a case with klog's raw layout (`unsafeRawText`): every recorded klog output must match it. */
export function runCaseRaw(testCase: ConformanceCase, format: CaseFormat): CaseOutcome {
  return replayOnce(testCase, format, true);
}

/** Runs a file's cases in `format`, or in the format inferred from the file. */
export function runCases(cases: readonly ConformanceCase[], format: CaseFormat | undefined): CaseOutcome[] {
  const fileFormat = format ?? inferFormat(cases);
  return cases.map((testCase) => runCase(testCase, fileFormat));
}
