/**
 * The request logger's cost per request on node:http: the same handler bare, with `withRequestLogging`
 * (klog-ts JSON, and klog text with the caller), and with pino-http, each on its own loopback server,
 * driven by keep-alive clients in this process; rounds of all variants interleaved. Writes
 * packages/http/docs/benchmark.md. Run (or `pnpm bench:http`):
 *   node --conditions=@klog-ts/source --import tsx packages/http/bench/run.ts [--rounds N] [--requests N] [--concurrency N] [--no-doc]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkVariants, close, listen } from './check-variants.js';
import { drive, type RoundCost } from './drive.js';
import { renderPage, type Row } from './render-page.js';
import { benchServers, type BenchServer } from './servers.js';

function fail(message: string, code: number): never {
  process.stderr.write(`http bench: ${message}\n`);
  process.exit(code);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '9' },
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '8' },
      'no-doc': { type: 'boolean', default: false },
    },
  });
  const [rounds, requests, concurrency] = [values.rounds, values.requests, values.concurrency].map(Number);
  if (![rounds, requests, concurrency].every((n) => Number.isInteger(n) && n >= 1)) {
    fail(`--rounds, --requests and --concurrency must be positive integers (got ${values.rounds}, ${values.requests}, ${values.concurrency})`, 2);
  }
  const problems = await checkVariants();
  if (problems.length > 0) fail(`a variant does not log what the page says; nothing was timed:\n  ${problems.join('\n  ')}`, 1);

  const variants: BenchServer[] = benchServers('/dev/null');
  const servers = variants.map((variant) => variant.make());
  const urls = await Promise.all(servers.map(listen));
  const costs: RoundCost[][] = variants.map(() => []);
  for (const url of urls) await drive(url, requests, concurrency); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (round + k) % variants.length;
      costs[i].push(await drive(urls[i], requests, concurrency));
    }
    process.stderr.write(`http bench: round ${round + 1}/${rounds}\n`);
  }
  await Promise.all(servers.map(close));

  const bare = costs[0];
  const rows: Row[] = variants.map((variant, i) => ({
    variant,
    cpuUs: median(costs[i].map((c) => c.cpuNsPerRequest)) / 1000,
    wallUs: median(costs[i].map((c) => c.wallNsPerRequest)) / 1000,
    // Within each round, against that round's bare run: the pairing cancels some of the machine's drift.
    pairedOverheadUs: median(costs[i].map((c, r) => c.cpuNsPerRequest - bare[r].cpuNsPerRequest)) / 1000,
  }));
  const page = renderPage(rows, { rounds, requests, concurrency });
  process.stdout.write(`${page}\n`);
  if (!values['no-doc']) {
    const out = fileURLToPath(new URL('../docs/benchmark.md', import.meta.url));
    writeFileSync(out, page);
    process.stderr.write(`http bench: wrote ${path.relative(process.cwd(), out)}\n`);
  }
}

await main();
