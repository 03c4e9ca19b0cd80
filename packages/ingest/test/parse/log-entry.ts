import { createLogger, withCallSite, type LogFormat } from '@klog-ts/core';
import type { GenEntry } from './arbitraries.js';

/** Logs a generated entry through a real logger, with the entry's clock, pid and call site; returns the bytes. */
export function logEntry(entry: GenEntry, format: LogFormat): string {
  let out = '';
  const root = createLogger({
    format,
    output: { write: (text: string) => void (out += text), flush: () => undefined },
    clock: () => entry.nanos,
    pid: entry.pid,
    caller: entry.caller !== undefined,
    verbosity: 10,
  });
  let logger = root;
  for (const name of entry.names) logger = logger.withName(name);
  if (entry.bound.length > 0) logger = logger.withValues(...entry.bound.flatMap(([key, gen]) => [key, gen.value]));
  const kv = entry.pairs.flatMap(([key, gen]) => [key, gen.value]);
  const call = (): void => {
    if (entry.kind === 'info') logger.V(entry.v).infoS(entry.msg, ...kv);
    else logger.errorS(entry.err === null ? null : new Error(entry.err), entry.msg, ...kv);
  };
  if (entry.caller === undefined) call();
  else withCallSite(entry.caller, call);
  return out;
}
