import { createLogger, setLogFilter, type Logger, type LogFormat, type LoggerOptions } from '@klog-ts/core';
import { afterEach } from 'vitest';

/** An output that keeps what it is given, for byte-exact assertions. */
export interface Captured {
  readonly output: { write(text: string): void; flush(): void };
  /** Everything written so far, then forgets it. */
  take(): string;
}

export function captured(): Captured {
  let text = '';
  return {
    output: { write: (chunk: string) => void (text += chunk), flush: () => undefined },
    take: () => {
      const out = text;
      text = '';
      return out;
    },
  };
}

/** The options that make lines deterministic: no header, no caller, time 0. */
export function plainOptions(format: LogFormat, output: Captured['output']): LoggerOptions {
  return { format, output, headers: false, caller: false, clock: () => 0 };
}

/** An independent logger in `format` writing into a capture. */
export function captureLogger(format: LogFormat, options: LoggerOptions = {}): { logger: Logger; take: () => string } {
  const sink = captured();
  return { logger: createLogger({ ...plainOptions(format, sink.output), ...options }), take: () => sink.take() };
}

/** Both formats, for tests that must hold in each. */
export const FORMATS: readonly LogFormat[] = ['text', 'json'];

/** The filter is process-wide: every test starts and ends without one. */
export function resetFilterAfterEach(): void {
  afterEach(() => setLogFilter(undefined));
}
