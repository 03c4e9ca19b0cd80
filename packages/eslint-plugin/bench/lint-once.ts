import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KlogPlugin } from '../src/index.js';

// One measured lint run, in its own process so that no run reuses another's TypeScript program.
// Usage: lint-once.ts <codebase dir> <base|secret|plugin>; prints one JSON line.

// The built plugin, as users (and the root lint) run it; run.ts builds it first.
const distEntry = pathToFileURL(path.join(import.meta.dirname, '../dist/index.js')).href;
const { default: plugin } = (await import(distEntry)) as { default: KlogPlugin };

const [dir, variant] = process.argv.slice(2);
if (dir === undefined || (variant !== 'base' && variant !== 'secret' && variant !== 'plugin')) {
  console.error('usage: lint-once.ts <codebase dir> <base|secret|plugin>');
  process.exit(2);
}

const base = [
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } } },
] as Linter.Config[];
const klog = plugin as unknown as ESLint.Plugin;
const variants: Record<string, Linter.Config[]> = {
  base,
  secret: [...base, { plugins: { '@klog-ts': klog }, rules: { '@klog-ts/no-secret-logging': 'error' } }],
  plugin: [...base, plugin.configs['recommended-type-checked'] as Linter.Config],
};

const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: variants[variant], stats: true });
const start = performance.now();
const cpuStart = process.cpuUsage();
const results = await eslint.lintFiles(['src/**/*.ts']);
const cpu = process.cpuUsage(cpuStart);
const ms = performance.now() - start;
// CPU time of the lint: on a machine shared with other work it moves much less than wall time.
const cpuMs = (cpu.user + cpu.system) / 1000;

const ruleMs: Record<string, number> = {};
const problems: Record<string, number> = {};
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
  }
  for (const message of result.messages) {
    const id = message.ruleId ?? (message.fatal ? 'fatal' : 'other');
    problems[id] = (problems[id] ?? 0) + 1;
  }
}
const klogMs = Object.entries(ruleMs).filter(([rule]) => rule.startsWith('@klog-ts/')).reduce((sum, [, t]) => sum + t, 0);
console.log(
  JSON.stringify({ variant, files: results.length, ms, cpuMs, klogMs, ruleMs, problems, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
);
