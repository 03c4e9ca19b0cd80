import { readFileSync, writeFileSync } from 'node:fs';
import { CheckerError, ioReason } from '@klog-ts/taint/errors';
import { displayPath } from '../report/display-path.js';
import type { Finding } from '../report/finding.js';

/**
 * A baseline: the findings an existing codebase already has, keyed without line numbers (file, the sink
 * line's text, the source) so that edits elsewhere in a file do not invalidate it. Counts allow the same
 * key to appear more than once.
 */
export interface Baseline {
  readonly version: 1;
  readonly findings: readonly { readonly key: string; readonly count: number }[];
}

/** The line-insensitive key of a finding (paths relative to `cwd`). */
export function baselineKey(finding: Finding, cwd: string): string {
  return `${displayPath(finding.file, cwd)}|${finding.snippet}|${finding.source.kind}:${finding.source.name}`;
}

/** A baseline holding the given findings. */
export function createBaseline(findings: readonly Finding[], cwd: string): Baseline {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(baselineKey(f, cwd), (counts.get(baselineKey(f, cwd)) ?? 0) + 1);
  return { version: 1, findings: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })) };
}

/** Splits findings into those the baseline already knows and the new ones (which fail the check). */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  cwd: string,
): { readonly fresh: Finding[]; readonly known: Finding[] } {
  const remaining = new Map(baseline.findings.map((e) => [e.key, e.count]));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const f of findings) {
    const key = baselineKey(f, cwd);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      known.push(f);
    } else {
      fresh.push(f);
    }
  }
  return { fresh, known };
}

/** Reads a baseline file; a malformed one is a {@link CheckerError} naming the file. */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CheckerError('KLOG_CHECK_BAD_BASELINE', `${file}: cannot read baseline (${ioReason(error)})`, { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CheckerError('KLOG_CHECK_BAD_BASELINE', `${file}: cannot read baseline (not valid JSON)`, { file });
  }
  const ok =
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { version?: unknown }).version === 1 &&
    Array.isArray((raw as { findings?: unknown }).findings) &&
    (raw as { findings: unknown[] }).findings.every(
      (e) => typeof e === 'object' && e !== null && typeof (e as { key?: unknown }).key === 'string' && Number.isInteger((e as { count?: unknown }).count),
    );
  if (!ok) throw new CheckerError('KLOG_CHECK_BAD_BASELINE', `${file}: not a klog-check baseline (expected {"version":1,"findings":[{"key","count"}]})`, { file });
  return raw as Baseline;
}

/** Writes a baseline file (pretty JSON, stable order, so it diffs well in review); a failure is a {@link CheckerError}. */
export function writeBaseline(file: string, baseline: Baseline): void {
  try {
    writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new CheckerError('KLOG_CHECK_BAD_BASELINE', `${file}: cannot write baseline (${ioReason(error)})`, { file });
  }
}
