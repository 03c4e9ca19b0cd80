import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a command printed, and how it ended. */
export interface RunResult {
  readonly command: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where consumer projects are made, and how npm is run for them. */
export interface Workbench {
  /** A temporary folder outside the repository (and outside any folder holding a node_modules). */
  readonly root: string;
  /** The one npm cache every install shares. */
  readonly npmCache: string;
  /** The environment of every command: the parent's, without what pnpm, vitest or the repository put there. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The environment of the parent process minus what would make a consumer project see the repository:
 * pnpm's and npm's `npm_*` settings, vitest's variables (a nested vitest would take itself for a worker),
 * `NODE_OPTIONS`, and every PATH entry inside the repository (its node_modules/.bin).
 */
export function consumerEnv(repositoryRoot: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(?:npm_|pnpm_|vitest|vite_|__vitest)/i.test(key) || ['NODE_OPTIONS', 'NODE_ENV', 'TEST', 'INIT_CWD', 'FORCE_COLOR'].includes(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => entry !== '' && !path.resolve(entry).startsWith(repositoryRoot + path.sep))
    .join(path.delimiter);
  env.NO_COLOR = '1';
  env.CI = 'true';
  return env;
}

/** Runs a command in `cwd`; never throws (the caller asserts on the result). */
export function run(bench: Workbench, cwd: string, command: string, args: readonly string[], timeoutMs = 300_000): RunResult {
  const result = spawnSync(command, args, { cwd, env: bench.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  if (result.error) throw new Error(`${command} ${args.join(' ')} in ${cwd}: ${result.error.message}`);
  return { command: `${command} ${args.join(' ')}`, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The result, or an Error that shows everything the command printed. */
export function succeeded(result: RunResult): RunResult {
  if (result.status !== 0) {
    throw new Error(`\`${result.command}\` exited ${String(result.status)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}

/** A fresh npm project of one scenario, under the workbench. */
export interface ConsumerProject {
  readonly dir: string;
  /** Runs `command` in the project (`node_modules/.bin` commands through npx, as a user would). */
  run(command: string, args: readonly string[], timeoutMs?: number): RunResult;
  write(file: string, text: string): void;
  read(file: string): string;
  remove(file: string): void;
}

/** Copies a fixture folder; a file named `X.fixture` is written as `X` (a `*.test.ts` the repository must not run itself). */
function copyFixture(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const rename = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) rename(file);
      else if (name.endsWith('.fixture')) renameSync(file, file.slice(0, -'.fixture'.length));
    }
  };
  rename(to);
}

/**
 * Makes `name` under the workbench: a package.json (`type` as given), the fixture's files, then one
 * `npm install` of `install` (tarball paths and pinned registry packages), with the shared cache.
 */
export function consumerProject(
  bench: Workbench,
  name: string,
  options: { readonly fixture?: string; readonly type: 'module' | 'commonjs'; readonly install: readonly string[] },
): ConsumerProject {
  const dir = path.join(bench.root, name);
  mkdirSync(dir);
  if (options.fixture !== undefined) copyFixture(options.fixture, dir);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${name}`, version: '1.0.0', private: true, type: options.type }, null, 2)}\n`);
  const project: ConsumerProject = {
    dir,
    run: (command, args, timeoutMs) => run(bench, dir, command, args, timeoutMs),
    write: (file, text) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    remove: (file) => rmSync(path.join(dir, file), { force: true }),
  };
  succeeded(
    project.run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--cache', bench.npmCache, ...options.install], 600_000),
  );
  return project;
}

/** The folder itself or an ancestor that holds a node_modules, which a consumer project would resolve packages from. */
export function nodeModulesAbove(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'node_modules'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** An installed package, from the project's package-lock.json. */
export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  /** Where npm took it from: a registry URL, or `file:` for a tarball. */
  readonly resolved: string;
}

/** Every package npm installed in the project (nested copies too), from its package-lock.json. */
export function installedPackages(project: ConsumerProject): InstalledPackage[] {
  const lock = JSON.parse(project.read('package-lock.json')) as { packages: Record<string, { version?: string; resolved?: string; link?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([key]) => key !== '')
    .map(([key, entry]) => ({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version ?? '', resolved: entry.resolved ?? '' }));
}
