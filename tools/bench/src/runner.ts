/**
 * One library prepared for one workload: the logger is built before timing starts, `run` makes `calls`
 * calls (and, for a library that queues internally, waits until everything is written), `close` flushes
 * and closes the destination.
 */
export interface Runner {
  run(calls: number): void | Promise<void>;
  close(): Promise<void>;
}
