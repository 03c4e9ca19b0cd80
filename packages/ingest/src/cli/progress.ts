const SECOND = 1000;

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** How much was read, for the progress line and the summary. */
export class ReadStats {
  bytes = 0;
  records = 0;
  errors = 0;
  /** Records read in part: what could not be read is under `unparsed`. */
  unparsed = 0;
  matched = 0;
}

/**
 * Progress on stderr while a long run goes on (only on a terminal, redrawn once a second), and a summary
 * line at the end of a run that took more than a second or met parse errors. Never on stdout.
 */
export class Progress {
  readonly #stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly #quiet: boolean;
  readonly #start = performance.now();
  #lastDraw = this.#start;
  #drawn = false;

  constructor(stderr: NodeJS.WritableStream & { readonly isTTY?: boolean }, quiet: boolean) {
    this.#stderr = stderr;
    this.#quiet = quiet;
  }

  /** Redraws the progress line if a second has passed. */
  tick(stats: ReadStats): void {
    if (this.#quiet || this.#stderr.isTTY !== true) return;
    const now = performance.now();
    if (now - this.#lastDraw < SECOND) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.#stderr.write(`\r\x1b[Kklog-ts: ${megabytes(stats.bytes)} read, ${count(stats.records)} records, ${this.#rate(stats, now)}`);
  }

  /** Clears the progress line and prints the summary, `what` naming the result (`12 matched`). */
  finish(stats: ReadStats, what: string | undefined): void {
    if (this.#drawn) this.#stderr.write('\r\x1b[K');
    const now = performance.now();
    if (this.#quiet || (now - this.#start < SECOND && stats.errors === 0)) return;
    const seconds = ((now - this.#start) / SECOND).toFixed(1);
    const parts = [`${count(stats.records)} record${stats.records === 1 ? '' : 's'} (${megabytes(stats.bytes)}) in ${seconds} s, ${this.#rate(stats, now)}`];
    if (what !== undefined) parts.push(what);
    if (stats.unparsed > 0) parts.push(`${count(stats.unparsed)} read in part`);
    parts.push(`${count(stats.errors)} parse error${stats.errors === 1 ? '' : 's'}`);
    this.#stderr.write(`klog-ts: ${parts.join('; ')}\n`);
  }

  #rate(stats: ReadStats, now: number): string {
    const seconds = Math.max(now - this.#start, 1) / SECOND;
    return `${(stats.bytes / 1e6 / seconds).toFixed(0)} MB/s`;
  }
}
