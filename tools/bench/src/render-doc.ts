import type { BenchResults } from './results.js';
import { rssTable, targetsTable, workloadTables } from './render-tables.js';

function machineLine({ machine }: BenchResults): string {
  const load = machine.loadAverage.join(' ');
  return `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}; load average at the start: ${load} (1, 5, 15 min).`;
}

const METHOD = `## Method

- **One process, interleaved rounds.** Every (library, workload) cell is prepared first (loggers, children
  for W4 and destinations are built before timing). Each round then runs every cell once in a fixed order
  (A B C D A B C D …), so a change in machine load hits all libraries alike. Warm-up rounds are discarded.
- **CPU time.** Each timed run records the process's CPU time (\`process.cpuUsage()\`, user + system, so
  the write syscalls count) and its wall time. The tables show the median CPU ns per line over the measured
  rounds with their range, and the wall median beside it: on a shared machine wall time also counts the time
  other processes held the CPU. Ratios are ratios of CPU medians from the same run; \`× pino\` is against
  pino with the same destination kind. The targets table also shows the **paired** ratio, the median over
  rounds of the two cells' ratio in the same round, which drifting load disturbs less; pass or miss is
  decided on the ratio of medians.
- **Destinations.** Every library writes to \`/dev/null\` through its own fastest synchronous destination,
  one write per line (\`sync\`) or one per 4 KiB (\`sync, 4 KiB buffer\`, pino's fast path). pino, winston
  and bunyan use pino's sonic-boom: \`pino.destination({ dest: '/dev/null', sync: true })\`, with
  \`minLength: 4096\` for the buffered kind; winston through a Stream transport whose Writable hands each line
  synchronously to the destination (a round ends when winston's streams are drained), bunyan through a
  stream entry. klog-ts uses its own \`destination({ dest: '/dev/null', bufferSize: 0 | 4096 })\`, given as
  \`createLogger({ format, verbosity: 2, caller, output })\`: it encodes each entry straight into a reused
  buffer instead of batching strings. The row "pino through klog-ts's destination" shows pino on that
  destination, for reference (it is in no target): what of a difference is the destination's and what the
  logger's. pino, winston and bunyan run with their defaults (pino and bunyan add pid and hostname; winston
  its default JSON format).
- **Floor.** \`JSON.stringify\` of a minimal record (level, time, message and the workload's values) plus
  a batched \`writeSync\` every 4 KiB: what no JSON logger can beat.
- **Same work for everyone.** \`pod\` is \`KObj(pod)\` at every call; \`attempt\` and \`latency\` change per
  line, as does one leaf of W3's object, so nothing can be cached. Each library has its own loop code, so
  V8's inline caches are not shared between libraries. A full GC (\`gc()\` through
  \`v8.setFlagsFromString('--expose-gc')\`) runs before each timed run, so that one library's garbage is not
  collected on another's time; collections caused by a library's own calls are counted.
- **W5.** 100 disabled calls per line of the other workloads (10M per round by default; winston, whose
  disabled call costs as much as a line, 1 per line), with W2's pairs (an existing ref, a constant float:
  passing a fresh double would itself allocate). **Allocation**: after the timed rounds and two more unmeasured
  runs (so the JIT is done), a full GC, then as many calls as a round (10M), then the heap growth
  (\`process.memoryUsage().heapUsed\`) and the GCs V8 reported meanwhile (\`PerformanceObserver\`, \`gc\`).
  With no GC the growth is every byte allocated; any GC counts as allocation (then B/call is measured again on
  1,000 calls). Growth under 64 KiB in total is the JIT's own code and feedback and counts as none.
- **Caller.** klog-ts text on W2 with \`caller: true\` minus \`caller: false\`, per call, two ways: the
  default V8 stack capture, and build-time call sites (the call written as the \`@klog-ts/core/register\`
  loader rewrites it, \`callMethodAt(file, line, log, 'infoS', …)\`; the smoke test checks the loader still
  writes that form). JSON rows run with \`caller: false\` (pino records no caller).
- **Peak RSS.** Each library's W2 (3 rounds, sync destination) in a fresh process that imports only that
  library; \`process.resourceUsage().maxRSS\`. The baseline row is Node with tsx and no logger.
- Sources run through tsx (\`@klog-ts/source\` condition), as \`pnpm bench\` does; the JIT sees the same code.`;

function reproduce(results: BenchResults): string {
  return `## Reproduce

\`\`\`sh
pnpm install --frozen-lockfile
pnpm bench                            # this page: ${results.lines.toLocaleString('en-US')} lines, ${results.warmup} + ${results.rounds} rounds, peak RSS, sanitizer if present
pnpm bench --only W2,W5 --rounds 5    # a quick look: prints the tables, leaves this page alone
pnpm bench --help                     # every flag
\`\`\``;
}

/** Demotes a Markdown document's headings by one level, to embed it as a section. */
export function embedSection(markdown: string): string {
  return markdown.replace(/^(#{1,5}) /gm, '#$1 ').trim();
}

/** docs/benchmarks.md: targets, tables, machine, method and how to reproduce, plus the sanitizer's section. */
export function renderDoc(results: BenchResults, sanitizer: string | undefined): string {
  const parts = [
    `# Benchmarks

Generated by \`pnpm bench\` (\`tools/bench\`) on ${results.machine.date}; do not edit by hand, run it again.
${results.lines.toLocaleString('en-US')} lines per round to \`/dev/null\`, ${results.warmup} warm-up and ${results.rounds} measured rounds, interleaved, in one process.

Machine: ${machineLine(results)}`,
    `## Targets\n\n${targetsTable(results)}`,
    `## Results\n\n${workloadTables(results)}`,
    ...(results.rss.length > 0 ? [`## Peak RSS\n\n${rssTable(results)}`] : []),
    METHOD,
    reproduce(results),
    ...(sanitizer === undefined ? [] : [embedSection(sanitizer)]),
  ];
  return `${parts.join('\n\n')}\n`;
}
