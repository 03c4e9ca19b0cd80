import type { SinkDefinition } from '@klog-ts/taint/definitions';
import type { ProjectDiagnostic } from '../report/finding.js';
import type { SinkResolution } from './resolve-sinks.js';

/** How many calls one sink entry matched, over every analysed project. */
export interface SinkCoverage {
  /** The preset's name (`pino`, `NestJS Logger`) or the configured module. */
  readonly sink: string;
  readonly calls: number;
  /** From the config rather than a preset. */
  readonly configured: boolean;
  /** Its module resolved from at least one project. */
  readonly resolved: boolean;
}

/** Calls on an object shaped like a klog logger (`infoS` and `errorS`), whatever declares it. */
export const STRUCTURAL_SINK = 'klog-style loggers (by shape)';

/** Counts, over every project of a run, the calls each sink entry matched; says which entries saw nothing. */
export class CoverageTally {
  private readonly byLabel = new Map<string, { calls: number; configured: boolean; resolved: boolean }>();

  add(resolution: SinkResolution, matched: readonly (SinkDefinition | undefined)[]): void {
    const counts = new Map<number, number>();
    let structural = 0;
    for (const sink of matched) {
      const index = sink === undefined ? undefined : resolution.entryOf.get(sink);
      if (index === undefined) structural += 1;
      else counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    resolution.entries.forEach((entry, index) => {
      const key = `${entry.configured ? 'config' : 'preset'}:${entry.label}`;
      const row = this.byLabel.get(key) ?? { calls: 0, configured: entry.configured, resolved: false };
      row.calls += counts.get(index) ?? 0;
      row.resolved ||= entry.resolved;
      this.byLabel.set(key, row);
    });
    if (structural > 0) {
      const row = this.byLabel.get(STRUCTURAL_SINK) ?? { calls: 0, configured: false, resolved: true };
      row.calls += structural;
      this.byLabel.set(STRUCTURAL_SINK, row);
    }
  }

  /** Entries that matched calls (most first), then configured entries that matched none. */
  coverage(): SinkCoverage[] {
    return [...this.byLabel]
      .map(([key, row]) => ({ sink: key.replace(/^(config|preset):/, ''), ...row }))
      .filter((row) => row.calls > 0 || row.configured)
      .sort((a, b) => b.calls - a.calls || a.sink.localeCompare(b.sink));
  }

  /** A warning per configured entry that resolved to nothing or matched no call, and one if no call matched at all. */
  warnings(): ProjectDiagnostic[] {
    const warn = (code: string, message: string): ProjectDiagnostic => ({ file: undefined, line: undefined, column: undefined, code, message });
    const rows = this.coverage();
    const out: ProjectDiagnostic[] = [];
    for (const row of rows.filter((r) => r.configured && r.calls === 0)) {
      out.push(
        row.resolved
          ? warn('KLOG_CHECK_SINK_UNUSED', `sink "${row.sink}" matched no call: check its module and methods`)
          : warn('KLOG_CHECK_SINK_UNRESOLVED', `sink "${row.sink}" does not resolve to a module or file from the project (a typo?): its calls are not checked`),
      );
    }
    if (rows.every((r) => r.calls === 0)) {
      out.push(warn('KLOG_CHECK_NO_SINK_CALLS', 'no call matched any sink, so nothing was checked: name your logger in "sinks" of klog-check.config.json'));
    }
    return out;
  }
}
