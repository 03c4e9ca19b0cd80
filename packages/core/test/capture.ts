import { createLogger, type Logger, type LoggerOptions } from '@klog-ts/core';

/** A logger writing into a string, with a fixed clock and pid, for byte-exact tests. */
export function captureLogger(options: LoggerOptions = {}): { logger: Logger; output: () => string; reset: () => void } {
  let text = '';
  const logger = createLogger({
    clock: () => 1_709_802_303_012,
    pid: 4242,
    output: { write: (chunk: string) => void (text += chunk), flush: () => undefined },
    ...options,
  });
  return {
    logger,
    output: () => text,
    reset: () => {
      text = '';
    },
  };
}
