/**
 * Measures `klog-ts query` and `klog-ts convert` throughput on generated logs (default 1 GB per format,
 * outside the repository), running the built CLI (`packages/ingest/bin/klog-ts.js`; build the packages first:
 * `pnpm exec tsc -b packages/ingest/tsconfig.build.json`). Wall time and CPU time (user + system, from
 * /usr/bin/time) are both reported: on a shared machine the wall clock measures the neighbours too.
 * Run: node --conditions=@klog-ts/source --import tsx test/src/query-throughput.ts [MB] [dir]
 * Results go to stdout as a Markdown table; packages/ingest/docs/ingestion.md quotes them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLog } from './generate-log.js';

const megabytes = Number(process.argv[2] ?? 1000);
const dir = process.argv[3] ?? '/tmp';
const cli = fileURLToPath(new URL('../../packages/ingest/bin/klog-ts.js', import.meta.url));

const RUNS: [string, string[]][] = [
  ['query: one pod (`--where pod=search/app-5-39595 --count`)', ['query', '--where', 'pod=search/app-5-39595', '--count']],
  ['query: every error (`--min-severity error --count`)', ['query', '--min-severity', 'error', '--count']],
  ['query: namespace and severity (`--where namespace=kube-system --min-severity error --count`)', ['query', '--where', 'namespace=kube-system', '--min-severity', 'error', '--count']],
  ['query: every record printed as JSON (`--where msg~. -o json`)', ['query', '--where', 'msg~.', '-o', 'json']],
  ['convert --to json', ['convert', '--to', 'json']],
];

const rows: string[] = [];
for (const format of ['json', 'text'] as const) {
  const path = join(dir, `klog-ts-throughput-${megabytes}MB.${format === 'json' ? 'json' : 'log'}`);
  if (!existsSync(path) || statSync(path).size < megabytes * 1e6) {
    const start = performance.now();
    const records = generateLog(path, format, megabytes * 1e6);
    process.stderr.write(`generated ${path}: ${records} records in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  const size = statSync(path).size;
  for (const [what, args] of RUNS) {
    const start = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, ...args, '-q', path], {
      stdio: ['ignore', args.includes('--count') ? 'pipe' : 'ignore', 'pipe'],
      maxBuffer: 1 << 20,
    });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
    const [user, system] = result.stderr.toString().trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    const cpu = user + system;
    const matched = args.includes('--count') ? ` (${result.stdout.toString().trim()} matched)` : '';
    const mb = size / 1e6;
    rows.push(`| ${format} | ${what}${matched} | ${mb.toFixed(0)} MB | ${seconds.toFixed(1)} s | ${(mb / seconds).toFixed(0)} MB/s | ${cpu.toFixed(1)} s | ${(mb / cpu).toFixed(0)} MB/s |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
}
process.stdout.write(['| input | run | size | wall | MB/s (wall) | CPU | MB/s (CPU) |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n'));
