import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection. Between projects of one run the previous program is garbage, but V8 collects
 * lazily and grows the heap instead: 5 projects peaked at 1.9x one project's memory, 1.0x with this
 * between them. `--expose-gc` set at run time gives the `gc` function to a new context.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
