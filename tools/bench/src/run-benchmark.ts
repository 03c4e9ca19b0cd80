import { describeMachine } from './machine.js';
import { measureAllocation, type Allocation } from './measure-allocation.js';
import { measurePeakRss, RSS_LIBRARIES, type PeakRss } from './peak-rss.js';
import type { BenchResults } from './results.js';
import { closeCells, runRounds, type RoundSettings } from './run-rounds.js';

export interface BenchSettings extends RoundSettings {
  /** Measure each library's peak RSS in a child process. */
  rss: boolean;
}

const RSS_ROUNDS = 3;

/**
 * The whole measurement: interleaved rounds of every selected cell, W5's allocation check, then (unless
 * disabled) peak RSS per library in child processes. Every runner is closed (its lines flushed) on return.
 */
export async function runBenchmark(settings: BenchSettings): Promise<BenchResults> {
  const machine = describeMachine();
  const cells = await runRounds(settings);
  const allocations = new Map<string, Allocation>();
  try {
    for (const cell of cells.filter((c) => c.workload === 'W5')) {
      allocations.set(cell.variant.id, await measureAllocation((calls) => cell.runner.run(calls), cell.calls));
    }
  } finally {
    await closeCells(cells);
  }
  settings.progress?.(`allocation checked for ${allocations.size} disabled calls`);
  const rss: PeakRss[] = [];
  if (settings.rss) {
    for (const entry of RSS_LIBRARIES) {
      rss.push(await measurePeakRss(entry, settings.lines, RSS_ROUNDS));
      settings.progress?.(`peak RSS: ${entry.label}`);
    }
  }
  const { lines, rounds, warmup, workloads } = settings;
  return { lines, rounds, warmup, workloads, machine, cells, allocations, rss };
}
