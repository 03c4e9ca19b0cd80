import { formatNs, formatRatio, markdownTable } from './format.js';
import { medianOf, type BenchResults } from './results.js';
import type { Cell } from './run-rounds.js';
import { checkTargets, verdict, type TargetRow } from './targets.js';
import { pinoFor, type Variant } from './variants.js';
import { WORKLOAD_TITLES, type WorkloadId } from './workloads.js';

/** W5 rows are named by the call they make. */
const DISABLED_CALLS: Readonly<Record<string, string>> = {
  pino: 'pino `logger.debug`',
  'klog-json': 'klog-ts `logger.V(4).infoS`',
  'klog-global': 'klog-ts `V(4).infoS` (global)',
  winston: 'winston `logger.debug`',
  bunyan: 'bunyan `log.debug`',
};

function destinationLabel(variant: Variant): string {
  if (variant.library === 'floor') return '4 KiB batches, writeSync';
  return variant.destination === 'buffered' ? 'sync, 4 KiB buffer' : 'sync';
}

function range(cell: Cell): string {
  return `${formatNs(cell.min)}–${formatNs(cell.max)}`;
}

function lineTable(results: BenchResults, workload: WorkloadId, cells: readonly Cell[]): string {
  const withFloor = medianOf(results, 'floor', workload) !== undefined;
  const third = withFloor ? '× floor' : workload === 'W4' || workload === 'W4c' ? '× own W2' : '';
  const rows = cells.map((cell) => {
    const pino = medianOf(results, pinoFor(cell.variant), workload);
    const base = withFloor ? medianOf(results, 'floor', workload) : medianOf(results, cell.variant.id, 'W2');
    const row = [cell.variant.label, destinationLabel(cell.variant), formatNs(cell.median), range(cell), formatNs(cell.wallMedian), formatRatio(pino === undefined ? undefined : cell.median / pino)];
    return third === '' ? row : [...row, formatRatio(base === undefined ? undefined : cell.median / base)];
  });
  const header = ['library', 'destination', 'CPU ns/line (median)', 'range', 'wall ns/line', '× pino (same destination)'];
  return markdownTable(third === '' ? header : [...header, third], rows, [false, false, true, true, true, true, true]);
}

function disabledTable(results: BenchResults, cells: readonly Cell[]): string {
  const pino = medianOf(results, 'pino', 'W5');
  const rows = cells.map((cell) => {
    const allocation = results.allocations.get(cell.variant.id);
    const allocated =
      allocation === undefined
        ? 'not measured'
        : `${allocation.allocates ? `≈ ${allocation.bytesPerCall.toFixed(1)} B/call` : 'none'} (${allocation.collections} GCs, heap ${(allocation.heapGrowthBytes / 1024).toFixed(0)} KiB)`;
    const calls = cell.calls.toLocaleString('en-US');
    return [DISABLED_CALLS[cell.variant.id] ?? cell.variant.label, calls, formatNs(cell.median), range(cell), formatNs(cell.wallMedian), formatRatio(pino === undefined ? undefined : cell.median / pino), allocated];
  });
  return markdownTable(['call', 'calls per round', 'CPU ns/call (median)', 'range', 'wall ns/call', '× pino', 'allocation'], rows, [false, true, true, true, true, true, false]);
}

/** One table per workload that ran, each under its title. */
export function workloadTables(results: BenchResults): string {
  return results.workloads
    .map((workload) => {
      const cells = results.cells.filter((cell) => cell.workload === workload);
      const table = workload === 'W5' ? disabledTable(results, cells) : lineTable(results, workload, cells);
      return `### ${WORKLOAD_TITLES[workload]}\n\n${table}`;
    })
    .join('\n\n');
}

/** Peak RSS of each library's W2 in its own process. */
export function rssTable(results: BenchResults): string {
  const pino = results.rss.find((r) => r.library === 'pino');
  const rows = results.rss.map((r) => [r.label, (r.maxRssKiB / 1024).toFixed(1), formatRatio(pino === undefined ? undefined : r.maxRssKiB / pino.maxRssKiB)]);
  return markdownTable(['process', 'peak RSS (MiB)', '× pino'], rows, [false, true, true]);
}

function formatMeasured(row: TargetRow): string {
  if (row.measured === undefined) return '–';
  if (row.unit === 'x') return formatRatio(row.measured);
  return row.unit === 'ns' ? `${formatNs(row.measured)} ns` : `${row.measured.toFixed(2)} µs`;
}

function formatLimit(row: TargetRow): string {
  if (row.limit === undefined) return '–';
  return row.unit === 'x' ? `≤ ${row.limit.toFixed(2)}x` : `≤ ${row.limit} ${row.unit}`;
}

/**
 * The issue's targets with pass or miss (on the ratio of medians, as the issue defines them), the paired
 * ratio beside each, then the context figures.
 */
export function targetsTable(results: BenchResults): string {
  const rows = checkTargets(results).map((row) => [row.target, formatLimit(row), formatMeasured(row), formatRatio(row.paired), verdict(row), row.note ?? '']);
  return markdownTable(['target (issue 3)', 'limit', 'measured', 'paired', 'result', 'note'], rows, [false, true, true, true, false, false]);
}
