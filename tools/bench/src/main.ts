// `pnpm bench`: klog-ts against pino, winston and bunyan on issue 3's workloads; prints the tables and
// writes docs/benchmarks.md. Never part of `pnpm test` (tools/bench/test only smoke-tests the harness).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './node-script.js';
import { parseOptions, USAGE, UsageError, type BenchOptions } from './options.js';
import { renderDoc } from './render-doc.js';
import { rssTable, targetsTable, workloadTables } from './render-tables.js';
import { runBenchmark } from './run-benchmark.js';
import { runSanitizerBench } from './sanitizer-hook.js';

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(options: BenchOptions): Promise<number> {
  progress(`${options.workloads.join(', ')}: ${options.lines} lines per round, ${options.warmup} warm-up + ${options.rounds} measured rounds`);
  const results = await runBenchmark({ ...options, pathFor: () => '/dev/null', progress });
  const tables = [`## Targets\n\n${targetsTable(results)}`, `## Results\n\n${workloadTables(results)}`];
  if (results.rss.length > 0) tables.push(`## Peak RSS\n\n${rssTable(results)}`);
  process.stdout.write(`${tables.join('\n\n')}\n\n`);

  const sanitizer = await runSanitizerBench({ mode: options.sanitizer, lines: options.lines, rounds: options.roundsGiven ? options.rounds : undefined, doc: options.out !== undefined });
  if (sanitizer.status !== 'ran') progress(`sanitizer benchmark ${sanitizer.status}: ${sanitizer.message ?? ''}`);

  if (options.out === undefined) {
    progress('no doc written (a partial run; pass --out PATH to write one)');
  } else {
    const path = join(REPO_ROOT, options.out);
    writeFileSync(path, renderDoc(results, sanitizer.markdown));
    progress(`wrote ${options.out}`);
  }
  return sanitizer.status === 'failed' ? 1 : 0;
}

try {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) process.stdout.write(`${USAGE}\n`);
  else process.exitCode = await main(options);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pnpm bench: ${message}${error instanceof UsageError ? ' (pnpm bench --help lists the flags)' : ''}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
