import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeArgsFor, REPO_ROOT } from './node-script.js';

/**
 * The sanitizer's own benchmark (owned by @klog-ts/sanitizer): a standalone script taking `--lines N`,
 * `--rounds N` and `--no-doc`, which prints its table and writes its Markdown page.
 */
export const SANITIZER_BENCH = join(REPO_ROOT, 'packages/sanitizer/bench/run.ts');
export const SANITIZER_DOC = join(REPO_ROOT, 'packages/sanitizer/docs/benchmark.md');

export interface SanitizerOutcome {
  status: 'skipped' | 'ran' | 'failed';
  /** Its page, when it wrote one during this run. */
  markdown?: string;
  message?: string;
}

export interface SanitizerSettings {
  /** true: run it (fail if missing); false: don't; undefined: run it if it exists. */
  mode: boolean | undefined;
  lines: number;
  /** Forwarded only when given on the command line; otherwise the script keeps its own default. */
  rounds: number | undefined;
  doc: boolean;
}

function exitCode(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Runs the sanitizer's benchmark after core's, and picks up the page it wrote, if any. */
export async function runSanitizerBench({ mode, lines, rounds, doc }: SanitizerSettings): Promise<SanitizerOutcome> {
  if (mode === false) return { status: 'skipped', message: '--no-sanitizer' };
  if (!existsSync(SANITIZER_BENCH)) {
    return mode === true ? { status: 'failed', message: `${SANITIZER_BENCH} does not exist` } : { status: 'skipped', message: 'no sanitizer benchmark yet' };
  }
  const started = Date.now();
  const args = ['--lines', String(lines), ...(rounds === undefined ? [] : ['--rounds', String(rounds)]), ...(doc ? [] : ['--no-doc'])];
  const code = await exitCode(nodeArgsFor(SANITIZER_BENCH, args));
  if (code !== 0) return { status: 'failed', message: `packages/sanitizer/bench/run.ts exited with code ${code}` };
  const fresh = doc && existsSync(SANITIZER_DOC) && statSync(SANITIZER_DOC).mtimeMs >= started - 1000;
  return { status: 'ran', markdown: fresh ? readFileSync(SANITIZER_DOC, 'utf8') : undefined };
}
