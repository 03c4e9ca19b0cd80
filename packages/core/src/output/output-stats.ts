/** What an output did: entries accepted, and what it had to drop (and why). */
export interface OutputStats {
  /** Entries handed to the output. */
  accepted: number;
  /** Entries refused because the output had failed (EPIPE, EBADF, …), was closed, or stayed full too long. */
  droppedEntries: number;
  /** Bytes that were accepted but never written (buffered when the output failed or the process ended). */
  droppedBytes: number;
  /** The last error, as `CODE: message`. */
  lastError: string | undefined;
}

/** Fresh counters. */
export function emptyStats(): OutputStats {
  return { accepted: 0, droppedEntries: 0, droppedBytes: 0, lastError: undefined };
}

/** The one line printed to stderr at exit about what `name` lost, or undefined if it lost nothing. */
export function lossReportOf(stats: OutputStats, name: string): string | undefined {
  const { droppedEntries, droppedBytes, lastError } = stats;
  if (droppedEntries === 0 && droppedBytes === 0) return undefined;
  return `${droppedEntries} log entries and ${droppedBytes} buffered bytes could not be written to ${name} (${lastError ?? 'unknown error'})`;
}

/** Records `error` as the last error, as `CODE: message`; returns its code. */
export function noteError(stats: OutputStats, error: unknown): string | undefined {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  stats.lastError = `${code ?? 'ERROR'}: ${message ?? String(error)}`;
  return code;
}
