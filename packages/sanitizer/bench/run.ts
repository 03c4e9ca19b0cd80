/**
 * The sanitizer's overhead, measured the way `pnpm bench` measures core: 100,000 JSON lines per round to
 * /dev/null through klog-ts's synchronous destination, rounds of all variants interleaved in one process,
 * the ratio of the median CPU time per line to the same workload's without the sanitizer. Writes
 * packages/sanitizer/docs/benchmark.md. Run:
 *   node --conditions=@klog-ts/source --import tsx packages/sanitizer/bench/run.ts [--rounds N] [--lines N] [--only w3-installed,w3-paths,…] [--no-doc]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, destination, setLogFilter, type Entry, type LogFilter, type Logger } from '@klog-ts/core';
import { createSanitizer, type SanitizerOptions } from '../src/index.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KObj, latencyAt, w2Credentials, w2Pod, w3At, w3Paths } from './workloads.js';

interface Variant {
  readonly name: string;
  readonly workload: 'W3' | 'W2+tagged';
  /** undefined: no sanitizer installed (the baseline of its workload). */
  readonly options: SanitizerOptions | undefined;
  readonly target: number | undefined;
  readonly what: string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'w3', workload: 'W3', options: undefined, target: undefined, what: 'not installed (baseline)' },
  { name: 'w3-again', workload: 'W3', options: undefined, target: undefined, what: 'not installed, measured again (the noise: should be 1.00x)' },
  { name: 'w3-installed', workload: 'W3', options: {}, target: 1.02, what: 'installed, nothing tagged' },
  { name: 'w3-paths', workload: 'W3', options: { paths: w3Paths }, target: 1.1, what: '3 redaction paths (one wildcard)' },
  { name: 'w3-keys', workload: 'W3', options: { keys: true }, target: 1.25, what: 'key-name redaction at any depth (default names)' },
  { name: 'w3-detectors', workload: 'W3', options: { detectors: true }, target: undefined, what: 'all string detectors' },
  { name: 'w3-objects', workload: 'W3', options: { scan: 'objects' }, target: 1.02, what: "`scan: 'objects'`, nothing tagged" },
  { name: 'w3-objects-paths', workload: 'W3', options: { scan: 'objects', paths: w3Paths }, target: 1.1, what: "`scan: 'objects'`, 3 redaction paths (one wildcard)" },
  { name: 'w2-tagged', workload: 'W2+tagged', options: undefined, target: undefined, what: 'not installed (baseline; the password is written!)' },
  { name: 'w2-tagged-installed', workload: 'W2+tagged', options: {}, target: undefined, what: 'installed: the tagged field is redacted' },
  { name: 'w2-tagged-objects', workload: 'W2+tagged', options: { scan: 'objects' }, target: undefined, what: "`scan: 'objects'`: the tagged field is redacted" },
];

function logLines(logger: Logger, workload: Variant['workload'], lines: number): void {
  if (workload === 'W3') {
    for (let n = 0; n < lines; n++) logger.infoS('Request handled', 'request', w3At(n), 'attempt', n, 'ok', true);
    return;
  }
  for (let n = 0; n < lines; n++) {
    // eslint-disable-next-line @klog-ts/no-secret-logging -- the workload is a tagged instance, redacted by the sanitizer.
    logger.infoS('Pod status updated', 'pod', KObj(w2Pod), 'node', 'node-1', 'attempt', n, 'latency', latencyAt(n), 'ok', true, 'credentials', w2Credentials);
  }
}

/** A full GC before each timed run, so that one variant's garbage is not collected on another's time. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The entry a workload's line hands to the filter stage. */
function entryOf(logger: Logger, workload: Variant['workload']): Entry {
  let captured: Entry | undefined;
  setLogFilter({ filterEntry: (entry) => void (captured = entry) });
  logLines(logger, workload, 1);
  setLogFilter(undefined);
  return captured!;
}

/**
 * The filter's own cost per entry, without encoding or writing: the median of many short samples, which
 * a busy machine disturbs less than the end-to-end ratio. Nanoseconds of CPU time per entry. With
 * `scan: 'objects'` the entry is filtered as for klog-ts's encoders, whose own calls (for objects that are
 * not plain data) are then left out.
 */
function filterCost(filter: LogFilter, entry: Entry, encoded: boolean): number {
  const samples: number[] = [];
  for (let s = 0; s < 41; s++) {
    const start = process.cpuUsage();
    for (let n = 0; n < 20_000; n++) filter.filterEntry!(entry, encoded);
    const used = process.cpuUsage(start);
    samples.push(((used.user + used.system) * 1000) / 20_000);
  }
  return median(samples);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '21' },
      lines: { type: 'string', default: '100000' },
      only: { type: 'string' },
      'no-doc': { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',');
  const variants = VARIANTS.filter((v) => only === undefined || v.options === undefined || only.includes(v.name));
  const baseline = (workload: Variant['workload']): number => variants.findIndex((v) => v.workload === workload && v.options === undefined);
  const rounds = Number(values.rounds);
  const lines = Number(values.lines);
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(lines) || lines < 1) {
    console.error(`bench: --rounds and --lines must be positive integers (got ${values.rounds}, ${values.lines})`);
    process.exit(2);
  }
  const logger = createLogger({ format: 'json', output: destination({ dest: '/dev/null' }), caller: false });
  const filters = variants.map((v) => (v.options === undefined ? undefined : createSanitizer(v.options).filter));
  const times = variants.map((): number[] => []);
  // Round 0 warms every path up and is not counted. Each round starts one variant later, so that no
  // variant always runs first (or right after the same neighbour): position in a round matters here.
  for (let round = 0; round <= rounds; round++) {
    variants.forEach((_, position) => {
      const i = (position + round) % variants.length;
      const variant = variants[i];
      setLogFilter(filters[i]);
      collectGarbage();
      // CPU time, not wall time: the machine is shared, and another process's burst must not count.
      const start = process.cpuUsage();
      logLines(logger, variant.workload, lines);
      const used = process.cpuUsage(start);
      if (round > 0) times[i].push(((used.user + used.system) * 1000) / lines);
    });
  }
  setLogFilter(undefined);

  const verdict = (ratio: number, target: number | undefined): string =>
    target === undefined ? '' : ratio <= target ? `≤ ${target.toFixed(2)}x: met` : `≤ ${target.toFixed(2)}x: missed by ${((ratio / target - 1) * 100).toFixed(1)}%`;
  const rows = variants.map((variant, i) => {
    const base = baseline(variant.workload);
    const ns = median(times[i]);
    const ratio = ns / median(times[base]);
    const fastest = Math.min(...times[i]) / Math.min(...times[base]);
    const filter = filters[i];
    const cost = filter === undefined ? undefined : filterCost(filter, entryOf(logger, variant.workload), variant.options?.scan === 'objects');
    const estimate = cost === undefined ? undefined : 1 + cost / median(times[base]);
    return { variant, ns, ratio, fastest, cost, estimate };
  });
  const table = [
    '| workload | variant | ns/line (median) | ratio of medians | ratio of fastest rounds | filter alone, ns/entry | ratio from the filter\'s cost | target (ratio of medians) |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(({ variant, ns, ratio, fastest, cost, estimate }) => {
      const fromCost = estimate === undefined ? '' : `${estimate.toFixed(3)}x`;
      return `| ${variant.workload} | ${variant.what} | ${ns.toFixed(0)} | ${ratio.toFixed(3)}x | ${fastest.toFixed(3)}x | ${cost?.toFixed(0) ?? ''} | ${fromCost} | ${verdict(ratio, variant.target)} |`;
    }),
  ].join('\n');
  console.log(table);

  if (!values['no-doc']) {
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`;
    const doc = `# Sanitizer benchmark

Generated by \`node --conditions=@klog-ts/source --import tsx packages/sanitizer/bench/run.ts\`
(${rounds} interleaved rounds of ${lines.toLocaleString('en-US')} lines per variant, after one warm-up round).
Each line is written as Kubernetes JSON through \`createLogger({ format: 'json', output:
destination({ dest: '/dev/null' }), caller: false })\` (one write per line); each round starts with a
different variant. The headline ratio is the variant's median time per line over its workload's baseline
(no sanitizer); the ratio of the fastest rounds is the least disturbed by other processes. On a shared,
busy machine both carry the noise shown by the baseline measured against itself, so the filter's own cost
is also measured alone (\`filterEntry\` on the workload's entry, median of 41 samples of 20,000 calls)
and turned into a ratio against the baseline's median time per line: a lower bound, which leaves out what
the copies cost the garbage collector.

- **W3**: one nested object (3 levels, 15 leaves, with an \`authorization\` header; one leaf changes per
  line) and 2 scalars.
- **W2+tagged**: W2 (\`pod\` as \`KObj(pod)\` at each call, \`node\`, \`attempt\`, \`latency\`, \`ok\`) plus a
  class instance with one \`@datapolicy('password')\` field.
- A full GC runs before each timed run; times are the process's CPU time (user + system), which another
  process's load on this shared machine disturbs less than wall time.
- Paths: \`${w3Paths.join('`, `')}\`.

Why "installed, nothing tagged" is not free: a tagged class instance or a \`Secret\` can sit anywhere in
a logged value, so the sanitizer reads every property of every object once (no allocation, no copy, the
same entry object goes on to the encoder). A bare \`for in\` walk of W3's object is most of that cost;
the rest is the per-object type check and depth bookkeeping. Redaction adds copies of the containers on
the way to each secret and of the entry, which the garbage collector pays for later. With
\`scan: 'objects'\` the filter stage leaves plain data alone and klog-ts's encoders, which walk it anyway,
hand it only the objects that are not plain data (class instances, Maps, Sets, Errors, Secrets): W3 has
none, W2+tagged one.

${table}

Machine: ${machine}.
`;
    const target = fileURLToPath(new URL('../docs/benchmark.md', import.meta.url));
    writeFileSync(target, doc);
    console.log(`\nwrote ${target}`);
  }
}

main();
