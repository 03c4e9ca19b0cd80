/**
 * The sanitizer's overhead, measured the way `pnpm bench` measures core: 100,000 JSON lines per round to
 * /dev/null through klog-ts's synchronous destination, rounds of all variants interleaved in one process,
 * the ratio of the median CPU time per line to the same workload's without the sanitizer; pino 9 with
 * fast-redact on the same object beside it, against pino 9 without redaction. Every redaction variant's
 * line is checked before timing. Writes packages/sanitizer/docs/benchmark.md. Run (or `pnpm bench:sanitizer`):
 *   node --conditions=@klog-ts/source --import tsx packages/sanitizer/bench/run.ts [--rounds N] [--lines N] [--only w3-installed,w3-paths,…] [--no-doc]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, destination, setLogFilter } from '@klog-ts/core';
import { createSanitizer } from '../src/index.js';
import { checkVariants } from './check-variants.js';
import { klogLines } from './klog-lines.js';
import { collectGarbage, cpuNsPer, entryOf, filterCost, median } from './measure.js';
import { pinoDestination, pinoLines, pinoLogger } from './pino-lines.js';
import { renderHeadline, renderPage, renderTable, type Row } from './render-page.js';
import { baselineOf, selectVariants, type Variant } from './variants.js';

function fail(message: string, code: number): never {
  process.stderr.write(`sanitizer bench: ${message}\n`);
  process.exit(code);
}

function selectOrFail(only: string | undefined): Variant[] {
  try {
    return selectVariants(only?.split(','));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), 2);
  }
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
  const rounds = Number(values.rounds);
  const lines = Number(values.lines);
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(lines) || lines < 1) {
    fail(`--rounds and --lines must be positive integers (got ${values.rounds}, ${values.lines})`, 2);
  }
  const variants = selectOrFail(values.only);

  const filters = variants.map((v) => (v.sanitizer === undefined ? undefined : createSanitizer(v.sanitizer).filter));
  const { lines: firstLines, problems } = checkVariants(variants, filters);
  if (problems.length > 0) fail(`a variant does not do what the page says it does; nothing was timed:\n  ${problems.join('\n  ')}`, 1);

  const logger = createLogger({ format: 'json', output: destination({ dest: '/dev/null' }), caller: false });
  const pinoOut = pinoDestination('/dev/null');
  const runs = variants.map((variant): ((count: number) => void) => {
    if (variant.logger === 'pino 9') {
      const log = pinoLogger(variant, pinoOut);
      return (count) => pinoLines(log, variant.workload, count);
    }
    return (count) => klogLines(logger, variant.workload, count);
  });
  const times = variants.map((): number[] => []);
  // Round 0 warms every path up and is not counted. Each round starts one variant later, so that no
  // variant always runs first (or right after the same neighbour): position in a round matters here.
  for (let round = 0; round <= rounds; round++) {
    variants.forEach((_, position) => {
      const i = (position + round) % variants.length;
      setLogFilter(filters[i]);
      collectGarbage();
      const ns = cpuNsPer(lines, () => runs[i](lines));
      if (round > 0) times[i].push(ns);
    });
  }
  setLogFilter(undefined);
  pinoOut.flushSync();
  pinoOut.end();

  const rows = variants.map((variant, i): Row => {
    const base = times[baselineOf(variants, variant)];
    const baseMedian = median(base);
    const filter = filters[i];
    const cost = filter === undefined ? undefined : filterCost(filter, entryOf(logger, variant.workload));
    return {
      variant,
      ns: median(times[i]),
      ratio: median(times[i]) / baseMedian,
      paired: median(times[i].map((t, round) => t / base[round])),
      fastest: Math.min(...times[i]) / Math.min(...base),
      cost,
      estimate: cost === undefined ? undefined : 1 + cost / baseMedian,
    };
  });
  console.log(`${renderHeadline(rows)}\n\n${renderTable(rows)}`);

  if (!values['no-doc']) {
    const bytes = new Map(variants.map((v, i) => [v.name, Buffer.byteLength(firstLines[i])]));
    const target = fileURLToPath(new URL('../docs/benchmark.md', import.meta.url));
    writeFileSync(target, renderPage(rows, { rounds, lines, bytes }));
    console.log(`\nwrote ${target}`);
  }
}

main();
