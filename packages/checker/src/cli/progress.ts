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
 * A one-line progress indicator (`klog-check: [2/6 api] reading files 120/1000`), redrawn at most every
 * 100 ms with `\r`, for a terminal only. `project()` names the project the next phases belong to (shown
 * once a run has more than one); `done()` erases the line so the output that follows starts clean.
 */
export function createProgress(
  stream: TerminalStream,
  now: () => number = Date.now,
): { update: ProgressCallback; project: (label: string, index: number, known: number) => void; done: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  let prefix = '';
  return {
    update: (phase, done, total) => {
      const t = now();
      if (done !== total && t - last < 100) return;
      last = t;
      shown = true;
      stream.write(`\r\x1b[2Kklog-check: ${prefix}${LABELS[phase]} ${done}/${total}`);
    },
    project: (label, index, known) => {
      prefix = known > 1 ? `[${index}/${known} ${label}] ` : '';
    },
    done: () => {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
