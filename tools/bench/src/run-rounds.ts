import type { Destination } from './destination.js';
import { collectGarbage } from './gc.js';
import type { Runner } from './runner.js';
import { median } from './stats.js';
import { callsPerRound, loadAdapter, VARIANTS, type Variant } from './variants.js';
import type { WorkloadId } from './workloads.js';

/**
 * A variant's timings on one workload: CPU nanoseconds per call (user + system time of the process) in each
 * measured round and their summary, plus the wall-clock median. CPU time is the primary figure because on
 * a shared machine wall time also counts the time other processes held the CPU.
 */
export interface Cell {
  variant: Variant;
  workload: WorkloadId;
  calls: number;
  samples: number[];
  median: number;
  min: number;
  max: number;
  wallSamples: number[];
  wallMedian: number;
}

/** A cell that is still running: its runner stays open until the last round. */
export interface LiveCell extends Cell {
  runner: Runner;
}

export interface RoundSettings {
  lines: number;
  rounds: number;
  warmup: number;
  workloads: readonly WorkloadId[];
  /** The file a cell writes to: `/dev/null` when measuring, a temp file when the smoke test counts lines. */
  pathFor(variant: Variant, workload: WorkloadId): string;
  progress?(message: string): void;
}

async function prepare(settings: RoundSettings): Promise<LiveCell[]> {
  const cells: LiveCell[] = [];
  for (const workload of settings.workloads) {
    for (const variant of VARIANTS) {
      if (!variant.workloads.includes(workload)) continue;
      const adapter = await loadAdapter(variant.library);
      const destination: Destination = { kind: variant.destination, path: settings.pathFor(variant, workload) };
      const runner = adapter(workload, destination);
      if (runner === undefined) continue;
      const calls = callsPerRound(variant, workload, settings.lines);
      cells.push({ variant, workload, calls, runner, samples: [], median: NaN, min: NaN, max: NaN, wallSamples: [], wallMedian: NaN });
    }
  }
  return cells;
}

/**
 * Runs every selected (variant, workload) cell once per round, in a fixed order, for `warmup` discarded
 * rounds and then `rounds` measured ones, with a full GC before each timed run so that one library's
 * garbage is not collected on another's time. Returns the open cells (the caller closes the runners).
 * Process CPU time includes V8's helper threads (concurrent GC and compilation): work the library causes.
 */
export async function runRounds(settings: RoundSettings): Promise<LiveCell[]> {
  const cells = await prepare(settings);
  const total = settings.warmup + settings.rounds;
  for (let round = 0; round < total; round++) {
    const started = Date.now();
    for (const cell of cells) {
      collectGarbage();
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await cell.runner.run(cell.calls);
      const wall = Number(process.hrtime.bigint() - start);
      const { user, system } = process.cpuUsage(cpu);
      if (round >= settings.warmup) {
        cell.samples.push(((user + system) * 1000) / cell.calls);
        cell.wallSamples.push(wall / cell.calls);
      }
    }
    const kind = round < settings.warmup ? 'warm-up' : 'measured';
    settings.progress?.(`round ${round + 1}/${total} (${kind}): ${cells.length} runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const cell of cells) {
    if (cell.samples.length === 0) continue;
    cell.median = median(cell.samples);
    cell.min = Math.min(...cell.samples);
    cell.max = Math.max(...cell.samples);
    cell.wallMedian = median(cell.wallSamples);
  }
  return cells;
}

/** Flushes and closes every runner's destination. */
export async function closeCells(cells: readonly LiveCell[]): Promise<void> {
  for (const cell of cells) await cell.runner.close();
}
