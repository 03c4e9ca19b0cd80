import type { Adapter } from './adapter.js';
import type { DestinationKind } from './destination.js';
import type { WorkloadId } from './workloads.js';

/** The set-ups that have an adapter; each loads only its own library (peak RSS is measured per library). */
export type LibraryId = 'floor' | 'pino' | 'pino-klog-destination' | 'klog-json' | 'klog-text' | 'klog-text-color' | 'klog-text-caller' | 'klog-text-callsite' | 'klog-global' | 'klog-json-otel' | 'klog-json-otel-span' | 'winston' | 'bunyan';

/** One row of the table: a library set-up, the destination it writes through, and the workloads it runs. */
export interface Variant {
  id: string;
  label: string;
  library: LibraryId;
  destination: DestinationKind;
  workloads: readonly WorkloadId[];
  /** W5 calls per line of the other workloads (default 100: a disabled call is ~100x cheaper than a line). */
  disabledCallsPerLine?: number;
}

/** Calls per round: `lines`, or for W5 `disabledCallsPerLine` × lines (10M at the default 100,000). */
export function callsPerRound(variant: Variant, workload: WorkloadId, lines: number): number {
  return workload === 'W5' ? lines * (variant.disabledCallsPerLine ?? 100) : lines;
}

const LINES: readonly WorkloadId[] = ['W1', 'W2', 'W3', 'W4', 'W4c'];
const ALL: readonly WorkloadId[] = [...LINES, 'W5'];

/**
 * In run order: each round runs them all once, in this order (A B C D A B C D …). W5 runs once per
 * library (the destination does not matter to a disabled call); the caller only on W2, where its cost is
 * reported; the floor on W1–W3, where a record is well defined.
 */
export const VARIANTS: readonly Variant[] = [
  { id: 'floor', label: 'floor: JSON.stringify + 4 KiB batched write', library: 'floor', destination: 'buffered', workloads: ['W1', 'W2', 'W3'] },
  { id: 'pino', label: 'pino', library: 'pino', destination: 'sync', workloads: ALL },
  { id: 'pino-4k', label: 'pino', library: 'pino', destination: 'buffered', workloads: LINES },
  { id: 'pino-klog-4k', label: "pino through klog-ts's destination (reference)", library: 'pino-klog-destination', destination: 'buffered', workloads: ['W2', 'W3'] },
  { id: 'klog-json', label: 'klog-ts JSON', library: 'klog-json', destination: 'sync', workloads: ALL },
  { id: 'klog-json-4k', label: 'klog-ts JSON', library: 'klog-json', destination: 'buffered', workloads: LINES },
  // Trace correlation (@klog-ts/otel): against the klog-json row, which runs without it, in the same rounds.
  { id: 'klog-json-otel', label: 'klog-ts JSON + trace correlation, no active span', library: 'klog-json-otel', destination: 'sync', workloads: ['W2'] },
  { id: 'klog-json-otel-span', label: 'klog-ts JSON + trace correlation, inside a span', library: 'klog-json-otel-span', destination: 'sync', workloads: ['W2'] },
  { id: 'klog-global', label: 'klog-ts global V(4)', library: 'klog-global', destination: 'sync', workloads: ['W5'] },
  { id: 'klog-text', label: 'klog-ts text', library: 'klog-text', destination: 'sync', workloads: LINES },
  { id: 'klog-text-4k', label: 'klog-ts text', library: 'klog-text', destination: 'buffered', workloads: LINES },
  { id: 'klog-text-color', label: 'klog-ts text, coloured (as on a terminal)', library: 'klog-text-color', destination: 'sync', workloads: ['W2'] },
  { id: 'klog-text-caller', label: 'klog-ts text + caller', library: 'klog-text-caller', destination: 'sync', workloads: ['W2'] },
  { id: 'klog-text-callsite', label: 'klog-ts text + caller, build-time call sites', library: 'klog-text-callsite', destination: 'sync', workloads: ['W2'] },
  // winston's disabled call goes through its object streams and costs as much as a line: 1 per line.
  { id: 'winston', label: 'winston', library: 'winston', destination: 'sync', workloads: ALL, disabledCallsPerLine: 1 },
  { id: 'bunyan', label: 'bunyan', library: 'bunyan', destination: 'sync', workloads: ALL },
];

/** The pino variant a variant is compared with: the same destination kind. */
export function pinoFor(variant: Variant): string {
  return variant.destination === 'buffered' ? 'pino-4k' : 'pino';
}

const loaders: Readonly<Record<LibraryId, () => Promise<Adapter>>> = {
  floor: async () => (await import('./adapters/floor.js')).floorAdapter,
  pino: async () => (await import('./adapters/pino.js')).pinoAdapter,
  'pino-klog-destination': async () => (await import('./adapters/pino.js')).pinoOnKlogDestinationAdapter,
  'klog-json': async () => (await import('./adapters/klog.js')).klogAdapter({ format: 'json', caller: false }),
  'klog-text': async () => (await import('./adapters/klog.js')).klogAdapter({ format: 'text', caller: false }),
  'klog-text-color': async () => (await import('./adapters/klog.js')).klogAdapter({ format: 'text', caller: false, color: true }),
  'klog-text-caller': async () => (await import('./adapters/klog.js')).klogAdapter({ format: 'text', caller: true }),
  'klog-text-callsite': async () => (await import('./adapters/klog-call-sites.js')).klogCallSitesAdapter,
  'klog-global': async () => (await import('./adapters/klog.js')).klogAdapter({ format: 'json', caller: false, global: true }),
  'klog-json-otel': async () => (await import('./adapters/klog-otel.js')).klogOtelAdapter({ inSpan: false }),
  'klog-json-otel-span': async () => (await import('./adapters/klog-otel.js')).klogOtelAdapter({ inSpan: true }),
  winston: async () => (await import('./adapters/winston.js')).winstonAdapter,
  bunyan: async () => (await import('./adapters/bunyan.js')).bunyanAdapter,
};

/** Imports a library's adapter (and so the library) on first use. */
export function loadAdapter(library: LibraryId): Promise<Adapter> {
  return loaders[library]();
}
