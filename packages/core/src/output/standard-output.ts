import { Destination } from './destination.js';

const stderr: { sync?: Destination; async?: Destination } = {};

/**
 * The process's unbuffered stderr destination, shared by every logger that writes there (klog's default):
 * synchronous, or written by a writer thread (`sync` false). One of each at most, so that loggers share it.
 */
export function stderrDestination(sync = true): Destination {
  return sync ? (stderr.sync ??= new Destination({ dest: 2 })) : (stderr.async ??= new Destination({ dest: 2, sync: false }));
}
