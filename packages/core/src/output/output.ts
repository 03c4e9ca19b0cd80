import type { Severity } from '../logger/severity.js';
import { StreamOutput } from './stream-output.js';

/** Where encoded entries go. `write` never throws to the caller; `flush` writes out anything buffered. */
export interface Output {
  /** One encoded entry (a complete record, ending in a line feed) and its severity, for routing. */
  write(text: string, severity: Severity): void;
  /** Writes out anything buffered, synchronously. */
  flush(): void;
  /**
   * Whether klog text written here is coloured when the logger's `color` is `'auto'`: true for a terminal
   * that takes colour (see `colorEnabled`). Absent means no.
   */
  readonly color?: boolean;
}

/** Anything with a `write(string)`: a Node stream, a sonic-boom destination, a test buffer. */
export interface WritableLike {
  /** Takes one encoded entry. */
  write(chunk: string): unknown;
  /** Called by `flush()` when present (sonic-boom has it). */
  flushSync?: () => void;
}

function isOutput(target: Output | WritableLike): target is Output {
  return typeof (target as Partial<Output>).flush === 'function' && !('flushSync' in target) && !('writable' in target);
}

/** One adapter per stream, so that configuring the same stream again adds no second 'error' listener. */
const adapters = new WeakMap<WritableLike, StreamOutput>();

/**
 * Adapts a writable (a stream, a sonic-boom) to an Output that counts what it cannot write instead of
 * crashing (see StreamOutput); an Output is returned as is.
 */
export function toOutput(target: Output | WritableLike): Output {
  if (isOutput(target)) return target;
  let adapter = adapters.get(target);
  if (adapter === undefined) adapters.set(target, (adapter = new StreamOutput(target)));
  return adapter;
}
