import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCodebase } from './generate-codebase.js';

// The cost of the typed rule: typescript-eslint's recommended-type-checked alone, plus no-secret-logging,
// plus the whole recommended-type-checked config of the plugin, on a generated codebase outside the repo.
// Usage: pnpm --filter @klog-ts/eslint-plugin bench:lint [--files 1000] [--rounds 3] [--seed 1] [--write]

type Variant = 'base' | 'secret' | 'plugin';

interface Run {
  readonly variant: Variant;
  readonly files: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly klogMs: number;
  readonly ruleMs: Record<string, number>;
  readonly problems: Record<string, number>;
  readonly maxRssMB: number;
}

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'klog-ts-eslint-bench') },
    write: { type: 'boolean', default: false },
  },
});
const files = Number(values.files);
const rounds = Number(values.rounds);
const seed = Number(values.seed);
if (![files, rounds, seed].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('bench:lint: --files, --rounds and --seed must be positive integers');
  process.exit(2);
}

const here = import.meta.dirname;
const repoRoot = path.resolve(here, '../../..');
const dir = path.resolve(values.dir);
if (!path.relative(repoRoot, dir).startsWith('..')) {
  console.error(`bench:lint: --dir must be outside the repository (${dir})`);
  process.exit(2);
}

// Measure the plugin as it ships: the compiled dist/, not sources run through a transpiler.
try {
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', path.join(here, '../tsconfig.build.json')], {
    stdio: 'inherit',
  });
} catch {
  console.error('bench:lint: building the plugin (tsc -b packages/eslint-plugin/tsconfig.build.json) failed');
  process.exit(1);
}

generateCodebase(dir, { files, seed });
// The codebase resolves node's types from the repository's install.
const typesDir = path.join(dir, 'node_modules/@types');
mkdirSync(typesDir, { recursive: true });
if (!existsSync(path.join(typesDir, 'node'))) symlinkSync(path.join(repoRoot, 'node_modules/@types/node'), path.join(typesDir, 'node'));

const variants: readonly Variant[] = ['base', 'secret', 'plugin'];
const runs: Run[] = [];
const loadBefore = os.loadavg()[0] ?? 0;
for (let round = 1; round <= rounds; round++) {
  for (const variant of variants) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'lint-once.ts'), dir, variant],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const run = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
    runs.push(run);
    console.error(
      `round ${round}/${rounds} ${variant.padEnd(6)} wall ${(run.ms / 1000).toFixed(1)} s, cpu ${(run.cpuMs / 1000).toFixed(1)} s, @klog-ts rules ${(run.klogMs / 1000).toFixed(2)} s`,
    );
  }
}
const loadAfter = os.loadavg()[0] ?? 0;

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const of = (variant: Variant) => runs.filter((r) => r.variant === variant);
const wall = (variant: Variant) => median(of(variant).map((r) => r.ms));
const cpu = (variant: Variant) => median(of(variant).map((r) => r.cpuMs));
const ruleTime = (variant: Variant, rule: string) => median(of(variant).map((r) => r.ruleMs[rule] ?? 0));
const tsRules = (variant: Variant) => median(of(variant).map((r) => Object.entries(r.ruleMs).filter(([id]) => id.startsWith('@typescript-eslint/')).reduce((s, [, t]) => s + t, 0)));
const secretMs = ruleTime('secret', '@klog-ts/no-secret-logging');
const pluginMs = median(of('plugin').map((r) => r.klogMs));
const findings = of('secret')[0]?.problems['@klog-ts/no-secret-logging'] ?? 0;
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

const row = (label: string, variant: Variant, klogTime: string) =>
  `| ${label} | ${fmt(cpu(variant))} | ${(cpu(variant) / cpu('base')).toFixed(2)} | ${fmt(wall(variant))} | ${(wall(variant) / wall('base')).toFixed(2)} | ${klogTime} | ${Math.round(median(of(variant).map((r) => r.maxRssMB)))} MB |`;
const table = [
  `| configuration | CPU time | ratio | wall time | ratio | time in @klog-ts rules | peak RSS |`,
  `|---|---|---|---|---|---|---|`,
  row('typescript-eslint `recommended-type-checked`', 'base', '-'),
  row('+ `@klog-ts/no-secret-logging`', 'secret', `${fmt(secretMs)} (${pct(secretMs, tsRules('secret'))} of the typescript-eslint rules' time)`),
  row("+ the plugin's `recommended-type-checked` (its 8 rules)", 'plugin', fmt(pluginMs)),
].join('\n');

// Paired ratios, round by round: how much the load moved between runs.
const paired = (variant: Variant) =>
  of(variant)
    .map((run, i) => (run.cpuMs / (of('base')[i]?.cpuMs ?? run.cpuMs)).toFixed(2))
    .join(', ');
const roundRatios = `Per-round CPU ratios against the baseline run of the same round: ${paired('secret')} with the typed rule, ${paired('plugin')} with the plugin's config.`;

const klogRules = [...new Set(of('plugin').flatMap((r) => Object.keys(r.ruleMs)))].filter((id) => id.startsWith('@klog-ts/'));
const breakdown = [
  '| rule | time (plugin config, median) |',
  '|---|---|',
  ...klogRules
    .map((id) => [id, ruleTime('plugin', id)] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([id, ms]) => `| \`${id}\` | ${(ms / 1000).toFixed(2)} s |`),
].join('\n');

console.log(table);
console.log(`\n${roundRatios}\n\n${breakdown}`);
console.log(`\n${of('secret')[0]?.files ?? 0} files linted; no-secret-logging findings: ${findings}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`);

if (values.write) {
  const cpus = os.cpus();
  const doc = `# Performance of the typed rule

\`no-secret-logging\` follows types and declarations with TypeScript's checker, so it costs more than a
syntactic rule. This page measures what it adds to a typed lint run that already pays for the TypeScript
program: typescript-eslint's \`recommended-type-checked\` alone, then with the rule, then with the plugin's
whole \`recommended-type-checked\` config.

## Result

${table}

- The steadiest figure is the rule's own time: ${fmt(secretMs)}, ${pct(secretMs, cpu('base'))} of the baseline's CPU time.
  Run-to-run noise on this shared machine (the per-round ratios below) is of the same order or larger.
- Codebase: ${of('secret')[0]?.files ?? files} generated TypeScript files (seed ${seed}; 10% models with a
  \`@datapolicy\` field, 20% helpers, 70% services that log through klog-ts and import the others), written to
  a temporary directory outside the repository. The rule reports ${findings} findings on it (one service in
  twenty logs a tagged field on purpose).
- Medians of ${rounds} rounds. CPU time (user + system of the lint process) is the figure to read: the
  machine is shared, and wall time also counts waiting for a core. ${roundRatios}
- The plugin is measured as it ships (its compiled \`dist/\`). Each run is a fresh \`node\` process (no TypeScript program is reused), the configurations interleaved
  round by round; wall time is \`ESLint.lintFiles\` only, rule times come from ESLint's \`stats\`.
- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, shared with other
  work (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after): compare the ratios, not the seconds.

Time per rule of the plugin (ESLint's \`stats\`, which count wall time inside the process):

${breakdown}

Where the time goes: creating the TypeScript program and the type-aware typescript-eslint rules dominate.
The rule filters calls by method name before it asks the type checker anything, resolves each candidate sink
through its declarations, and memoizes the taint of every declaration for the whole program, so a field or a
function used by many files is analysed once.

## Reproduce

\`\`\`sh
pnpm --filter @klog-ts/eslint-plugin bench:lint              # prints the table (3 rounds, 1,000 files)
pnpm --filter @klog-ts/eslint-plugin bench:lint --write      # also rewrites this page
pnpm --filter @klog-ts/eslint-plugin bench:lint --files 200 --rounds 1   # a quick look
\`\`\`

The benchmark is never part of \`pnpm test\`.
`;
  writeFileSync(path.join(here, '../docs/performance.md'), doc);
  console.error('wrote docs/performance.md');
}
