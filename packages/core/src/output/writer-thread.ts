/**
 * The shared-memory protocol between an asynchronous destination (main thread, the only producer) and its
 * writer thread (the only consumer): a byte ring in one SharedArrayBuffer and these Int32 slots in another.
 * Each offset has one writer, so no locks: the main thread moves HEAD, the writer thread moves TAIL.
 */
export const Slot = {
  /** Where the next entry's bytes go (main thread). */
  HEAD: 0,
  /** The first byte not yet written to the file descriptor (writer thread). Moves only after a write returned. */
  TAIL: 1,
  /** Bumped by the main thread to wake the writer thread, which sleeps on it. */
  WAKE: 2,
  /** Bumped by the main thread to ask for everything to be written, however little is buffered. */
  FLUSH: 3,
  /** 1 while the writer thread sleeps (or is about to), so the main thread wakes it only then. */
  SLEEPING: 4,
  /** The writer thread's {@link WriterStatus}. */
  STATUS: 5,
  /** Set by the main thread: 1 stop once everything is written, 2 stop now. */
  STOP: 6,
  /** Bytes of `CODE: message` in the error area: the writer thread's last error. */
  ERROR_LENGTH: 7,
  /** Never changed: the writer thread's timed sleeps wait on it. */
  NAP: 8,
} as const;

/** Slots in the control array. */
export const SLOT_COUNT = 9;

/** What the writer thread is doing. */
export const WriterStatus = {
  STARTING: 0,
  RUNNING: 1,
  /** The descriptor is full (EAGAIN): retrying with a growing pause, up to 100 ms. */
  BLOCKED: 2,
  /** A write failed for good (EPIPE, EBADF, …): the thread has ended, TAIL stays where it was. */
  FAILED: 3,
  /** Stopped on request. */
  STOPPED: 4,
} as const;

/** What the writer thread is given (structured-cloned; the buffers are shared, not copied). */
export interface WriterData {
  fd: number;
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  errorText: SharedArrayBuffer;
  /** Bytes gathered before a write (bufferSize); 0 writes whatever is there. */
  minLength: number;
  /** Milliseconds between writes of a partly filled buffer; 0 never. */
  interval: number;
  /** Largest single write. */
  maxWrite: number;
}

/**
 * The writer thread's program, run with `new Worker(source, { eval: true })`: plain JavaScript in a string so
 * that it runs the same from the TypeScript sources (tsx, vitest) and from dist, with no loader in the thread.
 * It writes with `fs.writeSync`, so TAIL moves only once the bytes are in the kernel: the main thread can
 * wait for TAIL to reach HEAD (Atomics.wait) and then know that everything it accepted was written.
 */
export const writerThreadSource = `'use strict';
const { writeSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { fd, control, data, errorText, minLength, interval, maxWrite } = workerData;
const state = new Int32Array(control);
const bytes = new Uint8Array(data);
const errorBytes = new Uint8Array(errorText);
const capacity = bytes.length;
const timed = minLength > 0 && interval > 0;

function report(error, status) {
  const text = Buffer.from(String(error && error.code || 'ERROR') + ': ' + String(error && error.message)).subarray(0, errorBytes.length);
  errorBytes.set(text);
  Atomics.store(state, ${Slot.ERROR_LENGTH}, text.length);
  Atomics.store(state, ${Slot.STATUS}, status);
  Atomics.notify(state, ${Slot.TAIL});
}

let tail = Atomics.load(state, ${Slot.TAIL});
// Zero, as the main thread starts: a flush asked for before this thread started still counts.
let flushSeen = 0;
let nextFlushAt = Date.now() + interval;
let pause = 1;
// Set by a flush request or a periodic tick: write everything, however little, until caught up.
let drain = false;
let status = ${WriterStatus.RUNNING};
Atomics.store(state, ${Slot.STATUS}, status);
for (;;) {
  const wake = Atomics.load(state, ${Slot.WAKE});
  const stop = Atomics.load(state, ${Slot.STOP});
  if (stop === 2) break;
  const flush = Atomics.load(state, ${Slot.FLUSH});
  const head = Atomics.load(state, ${Slot.HEAD});
  const pending = head >= tail ? head - tail : capacity - tail + head;
  if (flush !== flushSeen) drain = true;
  if (timed) {
    const now = Date.now();
    if (now >= nextFlushAt) {
      drain = true;
      nextFlushAt = now + interval;
    }
  }
  if (pending === 0) {
    drain = false;
    flushSeen = flush;
    if (stop === 1) break;
  } else if (pending >= minLength || drain || stop !== 0) {
    const length = Math.min((head >= tail ? head : capacity) - tail, maxWrite);
    let written = 0;
    try {
      written = writeSync(fd, bytes, tail, length);
    } catch (error) {
      if (error.code !== 'EAGAIN' && error.code !== 'EBUSY') {
        status = ${WriterStatus.FAILED};
        report(error, status);
        break;
      }
      if (status !== ${WriterStatus.BLOCKED}) report(error, (status = ${WriterStatus.BLOCKED}));
    }
    if (written > 0) {
      tail = (tail + written) % capacity;
      Atomics.store(state, ${Slot.TAIL}, tail);
      Atomics.notify(state, ${Slot.TAIL});
      pause = 1;
      if (status === ${WriterStatus.BLOCKED}) Atomics.store(state, ${Slot.STATUS}, (status = ${WriterStatus.RUNNING}));
    } else {
      // Full: nobody is reading. Back off without spinning; the main thread decides what to drop.
      Atomics.wait(state, ${Slot.NAP}, 0, pause);
      pause = Math.min(pause * 2, 100);
    }
    continue;
  }
  // Sleep until the main thread wakes us (enough bytes, a flush, a stop) or the next periodic write is due.
  Atomics.store(state, ${Slot.SLEEPING}, 1);
  if (Atomics.load(state, ${Slot.HEAD}) === head && Atomics.load(state, ${Slot.FLUSH}) === flush && Atomics.load(state, ${Slot.STOP}) === stop) {
    Atomics.wait(state, ${Slot.WAKE}, wake, timed ? Math.max(0, nextFlushAt - Date.now()) : Infinity);
  }
  Atomics.store(state, ${Slot.SLEEPING}, 0);
}
if (status !== ${WriterStatus.FAILED}) Atomics.store(state, ${Slot.STATUS}, ${WriterStatus.STOPPED});
Atomics.notify(state, ${Slot.TAIL});
`;
