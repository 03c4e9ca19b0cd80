import { Destination } from './destination.js';

let stderr: Destination | undefined;

/** The process's unbuffered stderr destination, shared by every logger that writes there (klog's default). */
export function stderrDestination(): Destination {
  return (stderr ??= new Destination({ dest: 2 }));
}
