import { parseArgs } from 'node:util';
import { expandWorkloads, WORKLOADS, type WorkloadId } from './workloads.js';

/** What `pnpm bench` was asked to do. */
export interface BenchOptions {
  rounds: number;
  /** Whether `--rounds` was given (the sanitizer's benchmark keeps its own default otherwise). */
  roundsGiven: boolean;
  warmup: number;
  lines: number;
  workloads: readonly WorkloadId[];
  /** `true`/`false` from the flags; undefined: run the sanitizer's benchmark if it exists. */
  sanitizer: boolean | undefined;
  rss: boolean;
  /** Where the doc goes; undefined: nowhere. */
  out: string | undefined;
  help: boolean;
}

export const DEFAULT_DOC = 'docs/benchmarks.md';

export const USAGE = `Usage: pnpm bench [options]
  --rounds N          measured rounds per variant (default 7)
  --warmup N          discarded warm-up rounds (default 2)
  --lines N           lines per round (default 100000; W5: 100 disabled calls per line)
  --only W2,W5        workloads to run: ${WORKLOADS.join(', ')} (W4 includes W4c)
  --with-sanitizer    also run packages/sanitizer/bench/run.ts (default: if it exists)
  --no-sanitizer      do not run it
  --no-rss            skip the peak-RSS child processes
  --out PATH          write the doc there (default ${DEFAULT_DOC}, only when every workload ran)
  --no-doc            write no doc`;

/** A bad command line: the message names the flag and the value. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function integer(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${flag} must be an integer ≥ ${min}, got "${value}"`);
  }
  return n;
}

function workloads(value: string | undefined): WorkloadId[] {
  if (value === undefined) return [...WORKLOADS];
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const chosen: WorkloadId[] = [];
  for (const name of names) {
    const id = WORKLOADS.find((w) => w.toLowerCase() === name.toLowerCase());
    if (id === undefined) throw new UsageError(`--only: unknown workload "${name}" (known: ${WORKLOADS.join(', ')})`);
    chosen.push(id);
  }
  if (chosen.length === 0) throw new UsageError(`--only needs at least one workload, got "${value}"`);
  return expandWorkloads(chosen);
}

/** Parses `pnpm bench`'s flags; throws UsageError on anything unknown or malformed. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        rounds: { type: 'string' },
        warmup: { type: 'string' },
        lines: { type: 'string' },
        only: { type: 'string' },
        'with-sanitizer': { type: 'boolean' },
        'no-sanitizer': { type: 'boolean' },
        'no-rss': { type: 'boolean' },
        out: { type: 'string' },
        'no-doc': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values['with-sanitizer'] && values['no-sanitizer']) throw new UsageError('--with-sanitizer and --no-sanitizer contradict each other');
  if (values.out !== undefined && values['no-doc']) throw new UsageError('--out and --no-doc contradict each other');
  const chosen = workloads(values.only);
  const everything = chosen.length === WORKLOADS.length;
  return {
    rounds: integer('rounds', values.rounds, 7, 1),
    roundsGiven: values.rounds !== undefined,
    warmup: integer('warmup', values.warmup, 2, 0),
    lines: integer('lines', values.lines, 100_000, 1),
    workloads: chosen,
    sanitizer: values['with-sanitizer'] ? true : values['no-sanitizer'] ? false : undefined,
    rss: !values['no-rss'],
    out: values['no-doc'] ? undefined : (values.out ?? (everything ? DEFAULT_DOC : undefined)),
    help: values.help ?? false,
  };
}
