import type { LineAnnotation } from './annotations.js';
import type { KindName } from './kinds.js';
import { sameKeyFinding, SHADOWS } from './kinds.js';

/** One report of the plugin, as a kind of logcheck diagnostic. */
export interface Report {
  readonly line: number;
  readonly column: number;
  readonly kind: KindName;
  /** `rule/messageId`, for failure messages. */
  readonly source: string;
}

/** How a translated file fared in one run. */
export interface FileResult {
  /** Per bucket (`translated` or `pending`): what logcheck expects, and what the plugin reported. */
  readonly expected: Record<'translated' | 'pending', number>;
  readonly found: Record<'translated' | 'pending', number>;
  readonly cleanLines: Record<'translated' | 'pending', number>;
  /** `line kind` of each expected diagnostic the plugin did not report. */
  readonly missed: string[];
  /** `line kind (rule/messageId)` of each report logcheck does not make. */
  readonly falseAlarms: string[];
  /** The false alarms per bucket (on a line with no TypeScript meaning: `translated`). */
  readonly falseAlarmCount: Record<'translated' | 'pending', number>;
  /** `line kind (rule/messageId)` of reports logcheck does not make because it stops at an earlier finding on the call or key. */
  readonly shadowed: string[];
}

/**
 * Compares the plugin's reports on a translated file with what logcheck's test expects, line by line. A
 * line's expected kinds and reported kinds are matched as multisets; a report left over is shadowed when
 * logcheck stops before it (SHADOWS: an expected kind on the line ends logcheck's checks of the call; or
 * another report on the same key matched, as logcheck reports one finding per key), else a false alarm.
 * `callLines` are the lines where a call starts: those without an expectation are the clean lines.
 */
export function compare(
  annotations: ReadonlyMap<number, LineAnnotation>,
  reports: readonly Report[],
  callLines: ReadonlySet<number>,
): FileResult {
  const result: FileResult = {
    expected: { translated: 0, pending: 0 },
    found: { translated: 0, pending: 0 },
    cleanLines: { translated: 0, pending: 0 },
    missed: [],
    falseAlarms: [],
    falseAlarmCount: { translated: 0, pending: 0 },
    shadowed: [],
  };
  const lines = new Set([...callLines, ...annotations.keys(), ...reports.map((r) => r.line)]);
  for (const line of [...lines].sort((a, b) => a - b)) {
    const annotation = annotations.get(line);
    const onLine = reports.filter((r) => r.line === line);
    if (annotation?.status === 'n/a') {
      // The Go line has no TypeScript meaning: nothing is translated there, so nothing may be reported.
      result.falseAlarms.push(...onLine.map((r) => `${line} ${r.kind} (${r.source}) on a line with no TypeScript meaning`));
      result.falseAlarmCount.translated += onLine.length;
      continue;
    }
    const bucket = annotation?.status === 'pending' ? 'pending' : 'translated';
    const want = [...(annotation?.want ?? [])];
    if (want.length === 0 && callLines.has(line)) result.cleanLines[bucket]++;
    result.expected[bucket] += want.length;
    const matched: Report[] = [];
    const left: Report[] = [];
    for (const report of onLine) {
      const at = want.indexOf(report.kind);
      if (at >= 0) {
        want.splice(at, 1);
        matched.push(report);
      } else {
        left.push(report);
      }
    }
    result.found[bucket] += matched.length;
    result.missed.push(...want.map((kind) => `${line} ${kind}`));
    const expectedHere = annotation?.want ?? [];
    for (const report of left) {
      const shadowedByCall = expectedHere.some((kind) => SHADOWS[kind]?.includes(report.kind));
      const sameKey = matched.some((m) => m.column === report.column && sameKeyFinding(m.kind, report.kind));
      const where = `${line} ${report.kind} (${report.source})`;
      if (shadowedByCall || sameKey) {
        result.shadowed.push(where);
      } else {
        result.falseAlarms.push(where);
        result.falseAlarmCount[bucket]++;
      }
    }
  }
  return result;
}
