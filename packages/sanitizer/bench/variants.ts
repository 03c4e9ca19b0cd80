import type { SanitizerOptions } from '../src/index.js';
import { w3Paths } from './workloads.js';

/**
 * `W3`: `pnpm bench`'s W3, nothing secret-looking in it. `W3+secrets`: the same size with 3 credentials.
 * `W2+tagged`: W2 plus a class instance with one `@datapolicy` field.
 */
export type WorkloadId = 'W3' | 'W3+secrets' | 'W2+tagged';

/** klog-ts (JSON, through its synchronous destination) or pino 9 (fast-redact, through sonic-boom). */
export type LoggerId = 'klog-ts' | 'pino 9';

/** One row of the table. */
export interface Variant {
  readonly name: string;
  readonly workload: WorkloadId;
  readonly logger: LoggerId;
  /** klog-ts: the sanitizer's options; undefined: no sanitizer. */
  readonly sanitizer?: SanitizerOptions;
  /** pino: its `redact.paths`; undefined: no redaction. */
  readonly redact?: readonly string[];
  /** The row the others of its workload and logger are divided by (the first one, run without redaction). */
  readonly baseline?: true;
  /** How many values each line redacts: checked on a written line before anything is timed. */
  readonly redacted: number;
  /** The limit on the ratio of medians, if it sets one. */
  readonly target?: number;
  readonly what: string;
}

/**
 * The rows, in table order. Every ratio is against the baseline of the same workload and logger from the
 * same run. The targets: installed with nothing tagged ≤ 1.02x; 3 redaction paths ≤ 1.10x (pino 9
 * with fast-redact measured 1.03x); key names at any depth ≤ 1.25x; each redaction variant redacts 3
 * values per line.
 */
export const VARIANTS: readonly Variant[] = [
  { name: 'w3', workload: 'W3', logger: 'klog-ts', baseline: true, redacted: 0, what: 'not installed (baseline)' },
  { name: 'w3-again', workload: 'W3', logger: 'klog-ts', redacted: 0, what: 'not installed, measured again (the noise: should be 1.00x)' },
  { name: 'w3-installed', workload: 'W3', logger: 'klog-ts', sanitizer: {}, redacted: 0, target: 1.02, what: 'installed, default settings, nothing tagged' },
  { name: 'w3-objects', workload: 'W3', logger: 'klog-ts', sanitizer: { scan: 'objects' }, redacted: 0, target: 1.02, what: "`scan: 'objects'`, nothing tagged" },
  { name: 'w3-secrets', workload: 'W3+secrets', logger: 'klog-ts', baseline: true, redacted: 0, what: 'not installed (baseline; the 3 secrets are written!)' },
  { name: 'w3-secrets-again', workload: 'W3+secrets', logger: 'klog-ts', redacted: 0, what: 'not installed, measured again (the noise: should be 1.00x)' },
  { name: 'w3-paths', workload: 'W3+secrets', logger: 'klog-ts', sanitizer: { paths: w3Paths }, redacted: 3, target: 1.1, what: '3 redaction paths (one wildcard): 3 values redacted' },
  { name: 'w3-keys', workload: 'W3+secrets', logger: 'klog-ts', sanitizer: { keys: true }, redacted: 3, target: 1.25, what: 'key names at any depth (`keys: true`): 3 values redacted' },
  { name: 'w3-detectors', workload: 'W3+secrets', logger: 'klog-ts', sanitizer: { detectors: true }, redacted: 3, what: 'all string detectors: 3 values redacted' },
  {
    name: 'w3-objects-paths', workload: 'W3+secrets', logger: 'klog-ts', sanitizer: { scan: 'objects', paths: w3Paths }, redacted: 3, target: 1.1,
    what: "`scan: 'objects'`, 3 redaction paths: 3 values redacted",
  },
  { name: 'pino9', workload: 'W3+secrets', logger: 'pino 9', baseline: true, redacted: 0, what: 'pino 9, no redaction (its baseline)' },
  { name: 'pino9-paths', workload: 'W3+secrets', logger: 'pino 9', redact: w3Paths, redacted: 3, what: 'pino 9 + fast-redact, the 3 paths: 3 values redacted' },
  { name: 'w2-tagged', workload: 'W2+tagged', logger: 'klog-ts', baseline: true, redacted: 0, what: 'not installed (baseline; the password is written!)' },
  { name: 'w2-tagged-installed', workload: 'W2+tagged', logger: 'klog-ts', sanitizer: {}, redacted: 1, what: 'installed: the tagged field is redacted' },
  { name: 'w2-tagged-objects', workload: 'W2+tagged', logger: 'klog-ts', sanitizer: { scan: 'objects' }, redacted: 1, what: "`scan: 'objects'`: the tagged field is redacted" },
];

/** The index of a variant's baseline among `variants`. */
export function baselineOf(variants: readonly Variant[], variant: Variant): number {
  return variants.findIndex((v) => v.baseline === true && v.workload === variant.workload && v.logger === variant.logger);
}

/** The variants named by `--only` (all when undefined), always with every baseline. */
export function selectVariants(only: readonly string[] | undefined): Variant[] {
  if (only !== undefined) {
    const unknown = only.filter((name) => !VARIANTS.some((v) => v.name === name));
    if (unknown.length > 0) throw new Error(`--only: unknown variant ${unknown.join(', ')} (known: ${VARIANTS.map((v) => v.name).join(', ')})`);
  }
  return VARIANTS.filter((v) => only === undefined || v.baseline === true || only.includes(v.name));
}
