import type { Severity } from '@klog-ts/core';
import type { LogRecord } from '../index.js';
import { CliError } from './cli-error.js';
import type { WhereClause } from './where-clause.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { I: 0, W: 1, E: 2, F: 3 };
const SEVERITY_NAMES: Readonly<Record<string, Severity>> = {
  i: 'I', info: 'I', w: 'W', warning: 'W', warn: 'W', e: 'E', error: 'E', f: 'F', fatal: 'F',
};

/** `--min-severity` (`I`/`W`/`E`/`F` or `info`, `warning`, `error`, `fatal`). */
export function parseSeverity(value: string): Severity {
  const severity = SEVERITY_NAMES[value.toLowerCase()];
  if (severity === undefined) throw new CliError(`invalid --min-severity "${value}": expected info, warning, error or fatal (or I, W, E, F)`);
  return severity;
}

/** What a query keeps. */
export interface FilterSpec {
  readonly where: readonly WhereClause[];
  readonly minSeverity: Severity | undefined;
  readonly since: number | undefined;
  readonly until: number | undefined;
  /** klog's `-v`: records with a V level above it are left out (errors and text records have none). */
  readonly verbosity: number | undefined;
}

/**
 * The predicate of a query: every condition must hold. A record without a time fails `--since`/`--until`;
 * one without a severity (a headerless text line) counts as info.
 */
export function recordFilter(spec: FilterSpec): (record: LogRecord) => boolean {
  const { where, minSeverity, since, until, verbosity } = spec;
  const minRank = minSeverity === undefined ? 0 : SEVERITY_RANK[minSeverity];
  return (record) => {
    if (minRank > 0 && SEVERITY_RANK[record.severity ?? 'I'] < minRank) return false;
    if (since !== undefined && (record.ts === undefined || record.ts < since)) return false;
    if (until !== undefined && (record.ts === undefined || record.ts >= until)) return false;
    if (verbosity !== undefined && record.v !== undefined && record.v > verbosity) return false;
    for (const clause of where) if (!clause.matches(record)) return false;
    return true;
  };
}
