/** What a CLI run reads from and writes to: the process's streams, or test doubles. */
export interface CliIO {
  readonly stdin: AsyncIterable<string | Uint8Array> & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** The current time in epoch milliseconds (for `--since 1h`). */
  readonly now: () => number;
}
