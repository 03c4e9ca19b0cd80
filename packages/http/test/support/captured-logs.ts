import { createLogger, type Logger, type LogFormat } from '@klog-ts/core';
import { parseJSON, type LogRecord } from '@klog-ts/ingest';

/** A real logger writing to memory, and what it wrote, read back with core's parser. */
export interface CapturedLogs {
  readonly logger: Logger;
  text(): string;
  records(): LogRecord[];
}

export function captureLogs(format: LogFormat = 'json', verbosity = 0): CapturedLogs {
  let text = '';
  const logger = createLogger({ format, verbosity, output: { write: (chunk: string) => void (text += chunk), flush: () => undefined } });
  return {
    logger,
    text: () => text,
    records: () => (text === '' ? [] : text.trimEnd().split('\n').map((line) => parseJSON(line))),
  };
}

/** The value of `key` in a record's key/value pairs. */
export function valueOf(record: LogRecord, key: string): unknown {
  return record.kv.find(([k]) => k === key)?.[1];
}

/** Polls until `ready()` holds (an access entry is written when the response closes, after the client has it). */
export async function eventually(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
