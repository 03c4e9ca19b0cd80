import { createLogger, setLogFilter, type Logger, type LogFormat, type LoggerOptions } from '@klog-ts/core';
import { pinoSink } from '@klog-ts/pino';
import pino from 'pino';
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

/** A logger whose backend is a pino logger (which serializes values itself, errors with their stack), writing into a capture. */
export function capturePinoLogger(): { logger: Logger; take: () => string } {
  const sink = captured();
  const pinoLogger = pino({ base: undefined, timestamp: false }, { write: (chunk: string) => sink.output.write(chunk) });
  return { logger: createLogger({ sink: pinoSink(pinoLogger), caller: false }), take: () => sink.take() };
}

/** What `log` writes through each output: klog text, Kubernetes JSON and the pino backend, by name. */
export function everyOutput(log: (logger: Logger) => void): Record<'text' | 'json' | 'pino', string> {
  const text = captureLogger('text');
  const json = captureLogger('json');
  const viaPino = capturePinoLogger();
  log(text.logger);
  log(json.logger);
  log(viaPino.logger);
  return { text: text.take(), json: json.take(), pino: viaPino.take() };
}

/** Both formats, for tests that must hold in each. */
export const FORMATS: readonly LogFormat[] = ['text', 'json'];

/** The filter is process-wide: every test starts and ends without one. */
export function resetFilterAfterEach(): void {
  afterEach(() => setLogFilter(undefined));
}
