import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

/** What a CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs the CLI in this process, with `stdin` as its input (a text, or the chunks it comes in) and a fixed clock. */
export async function run(argv: readonly string[], stdin: string | readonly Uint8Array[] = '', now = Date.UTC(2024, 2, 7, 10, 0, 0)): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const chunks = typeof stdin === 'string' ? (stdin === '' ? [] : [stdin]) : stdin;
  const code = await runCli(argv, { stdin: Readable.from(chunks), stdout: stdout.stream, stderr: stderr.stream, now: () => now });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Writes files into a new temporary directory; returns their paths by name. */
export function files(contents: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'klog-ts-cli-'));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(contents)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], text);
  }
  return paths;
}
