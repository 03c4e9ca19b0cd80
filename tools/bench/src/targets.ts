import type { DestinationKind } from './destination.js';
import { medianOf, pairedRatioOf, ratioOf, type BenchResults } from './results.js';
import type { WorkloadId } from './workloads.js';

/** One target of issue 3 (or a figure it quotes for context, with no limit), checked against a run. */
export interface TargetRow {
  target: string;
  /** The upper limit, in `unit`; undefined for a context figure. */
  limit: number | undefined;
  unit: 'x' | 'ns' | 'µs';
  /** undefined when the workloads it needs were not run. */
  measured: number | undefined;
  /** For a ratio of two cells: the median of the per-round ratios, shown beside the ratio of medians. */
  paired?: number;
  /** For W5: whether the disabled call allocated (which misses the target whatever its time). */
  allocates?: boolean;
  note?: string;
}

type CellRef = [string, WorkloadId];

const DESTINATIONS: readonly [DestinationKind, string, string][] = [
  ['buffered', '4 KiB destination', '-4k'],
  ['sync', 'sync destination', ''],
];

function ratioRow(results: BenchResults, target: string, limit: number | undefined, a: CellRef, b: CellRef, note?: string): TargetRow {
  return { target, limit, unit: 'x', measured: ratioOf(results, a, b), paired: pairedRatioOf(results, a, b), note };
}

function lineTargets(results: BenchResults, [, name, suffix]: (typeof DESTINATIONS)[number]): TargetRow[] {
  const json = `klog-json${suffix}`;
  const pino = `pino${suffix}`;
  const pinoChild = ratioOf(results, [pino, 'W4c'], [pino, 'W2']);
  return [
    ratioRow(results, `JSON W2 vs pino, ${name}`, 0.6, [json, 'W2'], [pino, 'W2']),
    ratioRow(results, `JSON W1 vs pino, ${name}`, 0.8, [json, 'W1'], [pino, 'W1']),
    ratioRow(results, `JSON W3 vs pino, ${name}`, 0.8, [json, 'W3'], [pino, 'W3']),
    ratioRow(results, `JSON W4 (3 bound pairs) vs own W2, ${name}`, 1.05, [json, 'W4'], [json, 'W2']),
    ratioRow(results, `JSON child per call vs own W2, ${name}`, 1.15, [json, 'W4c'], [json, 'W2'], pinoChild === undefined ? undefined : `pino: ${pinoChild.toFixed(2)}x`),
    ratioRow(results, `text W2 (no caller) vs pino JSON, ${name}`, 0.6, [`klog-text${suffix}`, 'W2'], [pino, 'W2']),
  ];
}

function disabledTargets(results: BenchResults): TargetRow[] {
  return [
    ['klog-json', 'W5 logger.V(4).infoS disabled'],
    ['klog-global', 'W5 global V(4).infoS disabled'],
  ].map(([id, target]) => {
    const allocation = results.allocations.get(id);
    const note = allocation === undefined ? 'allocation not measured' : allocation.allocates ? `allocates ≈ ${allocation.bytesPerCall.toFixed(1)} B/call` : 'no allocation';
    return { target, limit: 10, unit: 'ns', measured: medianOf(results, id, 'W5'), allocates: allocation?.allocates, note };
  });
}

function rssTargets(results: BenchResults): TargetRow[] {
  const pino = results.rss.find((r) => r.library === 'pino');
  if (pino === undefined) return [];
  return results.rss
    .filter((r) => r.library === 'klog-json' || r.library === 'klog-text')
    .map((r) => ({ target: `peak RSS (W2), ${r.label} vs pino`, limit: 1, unit: 'x', measured: r.maxRssKiB / pino.maxRssKiB }));
}

/** µs per call that a caller variant adds to klog-ts text on W2 (caller off). */
function callerCost(results: BenchResults, target: string, variantId: string): TargetRow {
  const caller = medianOf(results, variantId, 'W2');
  const text = medianOf(results, 'klog-text', 'W2');
  return { target, limit: undefined, unit: 'µs', measured: caller === undefined || text === undefined ? undefined : (caller - text) / 1000 };
}

function contextRows(results: BenchResults): TargetRow[] {
  return [
    ratioRow(results, 'pino W2 vs floor, 4 KiB (issue: 2.25x)', undefined, ['pino-4k', 'W2'], ['floor', 'W2']),
    ratioRow(results, 'JSON W2 vs floor, 4 KiB (issue: about 1.35x)', undefined, ['klog-json-4k', 'W2'], ['floor', 'W2']),
    callerCost(results, 'caller cost per call, V8 stack capture (text W2, on − off)', 'klog-text-caller'),
    callerCost(results, 'caller cost per call, build-time call sites (text W2, on − off)', 'klog-text-callsite'),
    ratioRow(results, 'trace correlation on, no active span: JSON W2 vs without, sync', undefined, ['klog-json-otel', 'W2'], ['klog-json', 'W2']),
    ratioRow(results, 'trace correlation on, inside a span: JSON W2 vs without, sync', undefined, ['klog-json-otel-span', 'W2'], ['klog-json', 'W2']),
  ];
}

/** Every target of issue 3 that the run's workloads allow to check, then the context figures. */
export function checkTargets(results: BenchResults): TargetRow[] {
  return [...DESTINATIONS.flatMap((d) => lineTargets(results, d)), ...disabledTargets(results), ...rssTargets(results), ...contextRows(results)].filter(
    (row) => row.measured !== undefined,
  );
}

/** `pass`, `MISS by n%`, or `context` for a figure with no limit. A disabled call that allocates misses. */
export function verdict(row: TargetRow): string {
  if (row.limit === undefined || row.measured === undefined) return 'context';
  const allocates = row.allocates === true;
  if (row.measured <= row.limit && !allocates) return 'pass';
  if (row.measured <= row.limit) return 'MISS: allocates';
  const over = (row.measured / row.limit - 1) * 100;
  return `MISS by ${over.toFixed(over < 10 ? 1 : 0)}%`;
}
