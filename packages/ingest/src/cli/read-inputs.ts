import { createReadStream, statSync } from 'node:fs';
import { readRecordBatches, type ParseOptions, type ReadItem } from '../index.js';
import { CliError } from './cli-error.js';
import type { CliIO } from './cli-io.js';
import type { ReadStats } from './progress.js';

/** One input: a file, or stdin (`-`). */
export interface Input {
  readonly name: string;
  /** A file's path (undefined for stdin): what may be read straight into a buffer. */
  readonly path?: string;
  readonly open: () => AsyncIterable<string | Uint8Array>;
}

const STDIN = '-';

function isFile(name: string): boolean {
  try {
    return statSync(name).isFile();
  } catch (error) {
    throw new CliError(`cannot read "${name}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, false);
  }
}

/** The inputs named (stdin without names); checks each before anything is read, so a typo fails fast with one line. */
export function inputs(names: readonly string[], io: CliIO): Input[] {
  if (names.length === 0) {
    if (io.stdin.isTTY === true) throw new CliError('no input: name log files, or pipe logs into stdin');
    return [{ name: '<stdin>', open: () => io.stdin }];
  }
  return names.map((name) => {
    if (name === STDIN) return { name: '<stdin>', open: () => io.stdin };
    if (!isFile(name)) throw new CliError(`cannot read "${name}": not a file`, false);
    return { name, path: name, open: () => createReadStream(name, { highWaterMark: 1 << 17 }) };
  });
}

/** The chunks of `source`, their sizes added to `stats.bytes` as they pass. */
export async function* counted(source: AsyncIterable<string | Uint8Array>, stats: ReadStats): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of source) {
    stats.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * Reads the named inputs (or stdin) one after the other, handing each batch of items to `handle` with the
 * input's name. `handle` returns false to stop early (the reader of the output has gone away).
 */
export async function readInputs(
  names: readonly string[],
  io: CliIO,
  options: ParseOptions,
  stats: ReadStats,
  handle: (items: readonly ReadItem[], source: string) => Promise<boolean>,
): Promise<void> {
  for (const input of inputs(names, io)) {
    try {
      for await (const items of readRecordBatches(counted(input.open(), stats), options)) {
        if (!(await handle(items, input.name))) return;
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot read "${input.name}": ${(error as Error).message}`, false);
    }
  }
}
