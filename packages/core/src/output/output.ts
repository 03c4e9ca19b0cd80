import type { Severity } from '../logger/severity.js';

/** Where encoded entries go. `write` never throws to the caller; `flush` writes out anything buffered. */
export interface Output {
  /** One encoded entry (a complete record, ending in a line feed) and its severity, for routing. */
  write(text: string, severity: Severity): void;
  /** Writes out anything buffered, synchronously. */
  flush(): void;
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

/** Adapts a writable (a stream, a sonic-boom) to an Output; an Output is returned as is. */
export function toOutput(target: Output | WritableLike): Output {
  if (isOutput(target)) return target;
  const writable = target;
  return {
    write(text) {
      writable.write(text);
    },
    flush() {
      writable.flushSync?.();
    },
  };
}
