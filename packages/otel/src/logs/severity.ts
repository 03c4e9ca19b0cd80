import { SeverityNumber } from '@opentelemetry/api-logs';
import type { Entry } from '@klog-ts/core/sink';

/**
 * An entry's OpenTelemetry severity. W, E and F are WARN, ERROR and FATAL; an info entry at V(0) is INFO,
 * and each V level one step below the last, as OpenTelemetry's Go bridge for logr does
 * (`SeverityInfo - level`): V(1) DEBUG4 (8) … V(4) DEBUG (5), V(5) TRACE4 (4) … V(8) and above TRACE (1).
 * The DEBUG/TRACE boundary is the pino backend's (V(1–4) debug, V(5+) trace).
 */
export function severityNumber(entry: Entry): SeverityNumber {
  switch (entry.severity) {
    case 'F': return SeverityNumber.FATAL;
    case 'E': return SeverityNumber.ERROR;
    case 'W': return SeverityNumber.WARN;
    default: return Math.max(SeverityNumber.INFO - entry.verbosity, SeverityNumber.TRACE);
  }
}

const SEVERITY_TEXT: Readonly<Record<Entry['severity'], string>> = { I: 'INFO', W: 'WARNING', E: 'ERROR', F: 'FATAL' };

/** klog's own name for the severity (its `Severity` names), OpenTelemetry's `severityText`. */
export function severityText(entry: Entry): string {
  return SEVERITY_TEXT[entry.severity];
}
