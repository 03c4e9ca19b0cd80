// `pnpm bench:ingest [MB]`: klog-ts convert and query on generated controller logs (default 300 MB per
// format), each run in a fresh process (bench/measure.mjs) on the built CLI (`pnpm build` first), measured in
// CPU time (user + system): on a shared machine the wall clock measures the neighbours too.
// `--before PATH/run-cli.js` runs a second build beside it (an older klog-ts), the runs of both interleaved
// so that both see the same load. The inputs go to a temporary folder, removed at the end. Prints a Markdown
// table; docs/ingestion.md quotes it. Never part of `pnpm test`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLog } from './generate-log.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { before: { type: 'string' }, rounds: { type: 'string', default: '3' }, only: { type: 'string' } } });
const megabytes = Number(positionals[0] ?? 300);
const rounds = Number(values.rounds);
const measure = fileURLToPath(new URL('measure.mjs', import.meta.url));
const after = fileURLToPath(new URL('../dist/cli/run-cli.js', import.meta.url));
const builds = values.before === undefined ? [['klog-ts', after]] : [['before', values.before], ['after', after]];

const RUNS: [format: 'text' | 'json', what: string, args: string[]][] = [
  ['text', 'convert --to json', ['convert', '--to', 'json']],
  ['json', 'convert --to text', ['convert', '--to', 'text']],
  ['text', 'convert --to clickhouse', ['convert', '--to', 'clickhouse']],
  ['json', 'convert --to clickhouse', ['convert', '--to', 'clickhouse']],
  ['text', 'query --where pod=search/app-5-39595 --count', ['query', '--where', 'pod=search/app-5-39595', '--count']],
  ['json', 'query --where pod=search/app-5-39595 --count', ['query', '--where', 'pod=search/app-5-39595', '--count']],
  ['text', 'query --min-severity error --count', ['query', '--min-severity', 'error', '--count']],
  ['json', 'query --min-severity error --count', ['query', '--min-severity', 'error', '--count']],
];

interface Result {
  cpu: number;
  wall: number;
  code: number;
  count: string;
  stderr: string;
}

const dir = mkdtempSync(join(tmpdir(), 'klog-ts-bench-'));
try {
  const files = { text: join(dir, 'controller.log'), json: join(dir, 'controller.json') };
  for (const format of ['text', 'json'] as const) {
    const records = generateLog(files[format], format, megabytes * 1e6);
    process.stderr.write(`generated ${files[format]}: ${records} records, ${(statSync(files[format]).size / 1e6).toFixed(0)} MB\n`);
  }
  const load = loadavg()[0];
  const rows: string[] = [];
  for (const [format, what, args] of RUNS) {
    if (values.only !== undefined && !what.includes(values.only)) continue;
    const size = statSync(files[format]).size / 1e6;
    const best = new Map<string, Result>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, cli] of builds) {
        const result = JSON.parse(execFileSync(process.execPath, [measure, cli, ...args, '-q', files[format]], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim()) as Result;
        // An older build may not have the run (exit 2, a usage error): its cells stay empty.
        if (result.code === 2 && name === 'before') continue;
        if (result.code !== 0) throw new Error(`${name}: ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
        const previous = best.get(name);
        if (previous === undefined || result.cpu < previous.cpu) best.set(name, result);
      }
    }
    const cells = builds.map(([name]) => {
      const r = best.get(name);
      return r === undefined ? '– | –' : `${r.cpu.toFixed(1)} s | ${(size / r.cpu).toFixed(0)} MB/s`;
    });
    const matched = best.get(builds.at(-1)![0])!.count;
    rows.push(`| ${format} | \`${what}\`${matched === '' ? '' : ` (${matched} matched)`} | ${cells.join(' | ')} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  const heading = builds.map(([name]) => `${name}: CPU | ${name}: MB/s of CPU`).join(' | ');
  const rule = builds.map(() => '---|---').join('|');
  process.stdout.write(
    [
      `${megabytes} MB per format; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${load.toFixed(1)} at the start; best of ${rounds} runs each.`,
      '',
      `| input | run | ${heading} |`,
      `|---|---|${rule}|`,
      ...rows,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
