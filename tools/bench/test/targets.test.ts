import { describe, expect, it } from 'vitest';
import { describeMachine } from '../src/machine.js';
import { pairedRatioOf, ratioOf, type BenchResults } from '../src/results.js';
import type { Cell } from '../src/run-rounds.js';
import { median } from '../src/stats.js';
import { checkTargets, verdict } from '../src/targets.js';
import { VARIANTS } from '../src/variants.js';
import type { WorkloadId } from '../src/workloads.js';

function cell(id: string, workload: WorkloadId, samples: number[]): Cell {
  const variant = VARIANTS.find((v) => v.id === id)!;
  return { variant, workload, calls: 1, samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), wallSamples: samples, wallMedian: median(samples) };
}

function results(cells: Cell[]): BenchResults {
  return { lines: 1, rounds: 3, warmup: 0, workloads: ['W2', 'W5'], machine: describeMachine(), cells, allocations: new Map(), rss: [] };
}

describe('ratios', () => {
  const run = results([cell('klog-json', 'W2', [1, 2, 10]), cell('pino', 'W2', [1, 4, 5])]);

  it('divides medians, and separately takes the median of the per-round ratios', () => {
    expect(ratioOf(run, ['klog-json', 'W2'], ['pino', 'W2'])).toBe(0.5);
    expect(pairedRatioOf(run, ['klog-json', 'W2'], ['pino', 'W2'])).toBe(1);
    expect(ratioOf(run, ['klog-json', 'W1'], ['pino', 'W2'])).toBeUndefined();
  });

  it('checks only the targets whose cells ran', () => {
    expect(checkTargets(run).map((row) => [row.target, row.measured, row.paired])).toEqual([['JSON W2 vs pino, sync destination', 0.5, 1]]);
  });
});

describe('verdict', () => {
  it.each([
    [{ limit: 0.6, measured: 0.6 }, 'pass'],
    [{ limit: 0.6, measured: 0.9 }, 'MISS by 50%'],
    [{ limit: 1, measured: 1.003 }, 'MISS by 0.3%'],
    [{ limit: 10, measured: 5, allocates: true }, 'MISS: allocates'],
    [{ limit: undefined, measured: 2.25 }, 'context'],
  ])('%j → %s', (row, expected) => {
    expect(verdict({ target: 't', unit: 'x', ...row })).toBe(expected);
  });
});
