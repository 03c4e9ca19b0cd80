import { open } from 'node:fs/promises';
import type { ByteBuffer } from '../convert/byte-buffer.js';
import type { ReadStats } from './progress.js';
import type { Input } from './read-inputs.js';

/** A file is read this much at a time. */
const CHUNK = 1 << 20;

/**
 * Reads `input` into the input part of `buffer`, after what is there, a chunk at a time, adding its size to
 * `stats.bytes`; yields after each chunk (the caller takes the lines and drops them from the buffer). A file
 * is read straight into the buffer (no chunk of its own to allocate and copy); stdin's chunks are appended.
 */
export async function* fillBuffer(input: Input, buffer: ByteBuffer, stats: ReadStats): AsyncGenerator<void> {
  if (input.path === undefined) {
    for await (const chunk of input.open()) {
      buffer.append(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      stats.bytes += chunk.length;
      yield;
    }
    return;
  }
  const file = await open(input.path, 'r');
  try {
    for (;;) {
      buffer.inputRoom(CHUNK);
      const { bytesRead } = await file.read(buffer.bytes, buffer.inputEnd, CHUNK, null);
      if (bytesRead === 0) return;
      buffer.inputEnd += bytesRead;
      stats.bytes += bytesRead;
      yield;
    }
  } finally {
    await file.close();
  }
}
