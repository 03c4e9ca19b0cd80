import type { ProgressCallback } from '../analysis/analyze-program.js';

const LABELS: Readonly<Record<Parameters<ProgressCallback>[0], string>> = {
  files: 'reading files',
  sinks: 'tracing sinks',
  types: 'checking types',
};

/** Writes to a terminal. */
export interface TerminalStream {
  write(text: string): unknown;
}

/**
 * A one-line progress indicator (`klog-check: files 120/1000`), redrawn at most every 100 ms with `\r`,
 * for a terminal only. `done()` erases it so the output that follows starts on a clean line.
 */
export function createProgress(stream: TerminalStream, now: () => number = Date.now): { update: ProgressCallback; done: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update: (phase, done, total) => {
      const t = now();
      if (done !== total && t - last < 100) return;
      last = t;
      shown = true;
      stream.write(`\r\x1b[2Kklog-check: ${LABELS[phase]} ${done}/${total}`);
    },
    done: () => {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
