/**
 * The published packages, tested from outside the workspace as a new user gets them: every non-private
 * package under packages/ is built, packed with `pnpm pack` and installed from its tarball with npm into
 * fresh projects in a temporary folder, next to third-party packages from the registry at the versions the
 * repository uses. Each scenario asserts behaviour (a value redacted, a rule reported, a finding found).
 * Slow (npm installs): not part of `pnpm test`; run it with `pnpm test:packed` (`.ci/run` does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumerEnv,
  consumerProject,
  installedPackages,
  nodeModulesAbove,
  succeeded,
  type ConsumerProject,
  type RunResult,
  type Workbench,
} from './src/consumer-project.js';
import { everyExportModule, exportTargets } from './src/package-exports.js';
import { packPackages, tarballsFor, workspacePackages, type PackedPackage } from './src/workspace-packages.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** Third-party packages at the versions the repository pins (root and package manifests). */
const PINS = {
  typescript: 'typescript@6.0.3',
  typesNode: '@types/node@20.19.43',
  vitest: 'vitest@4.1.12',
  vite: 'vite@8.3.8',
  eslint: 'eslint@10.15.0',
  typescriptEslint: 'typescript-eslint@8.72.0',
  pino: 'pino@10.4.0',
  express: 'express@5.3.0',
  typesExpress: '@types/express@5.0.6',
  fastify: 'fastify@5.12.8',
  tsx: 'tsx@4.23.15',
  otelApi: '@opentelemetry/api@1.9.1',
  otelApiLogs: '@opentelemetry/api-logs@0.223.1',
  otelSdkLogs: '@opentelemetry/sdk-logs@0.223.1',
  otelSdkTrace: '@opentelemetry/sdk-trace-base@2.12.1',
  otelContext: '@opentelemetry/context-async-hooks@2.12.1',
  // Not used by the repository: the swc release the toolchain notes in the sanitizer README were checked with.
  swc: '@swc/core@1.16.22',
};

let bench: Workbench;
let packed: PackedPackage[];

function progress(line: string): void {
  console.log(`[packed] ${line}`);
}

/** Makes a scenario's project from its fixture folder and installs the tarballs of `packages` with `registry`. */
function scenario(name: string, packages: readonly string[], registry: readonly string[], type: 'module' | 'commonjs' = 'module'): ConsumerProject {
  const started = performance.now();
  const project = consumerProject(bench, name, { fixture: path.join(FIXTURES, name), type, install: [...tarballsFor(packed, packages), ...registry] });
  progress(`${name}: npm install ${packages.join(' ')} ${registry.join(' ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // Every workspace package comes from its tarball, never from the registry (where the name may be someone else's).
  for (const pkg of installedPackages(project).filter((installed) => installed.name.startsWith('@klog-ts/'))) {
    expect(pkg.resolved, `${name}: ${pkg.name}`).toMatch(/^file:/);
  }
  return project;
}

/** Everything a command printed, for asserting on a failure's text. */
const printed = (result: RunResult): string => `${result.stdout}\n${result.stderr}`;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'klog-ts-packed-'));
  const shadow = nodeModulesAbove(root);
  if (shadow !== undefined) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${shadow} holds a node_modules folder: the consumer projects under ${root} would resolve packages from it`);
  }
  const env = consumerEnv(ROOT);
  const npmCache = process.env.KLOG_TS_NPM_CACHE ?? execFileSync('npm', ['config', 'get', 'cache'], { cwd: root, env, encoding: 'utf8' }).trim();
  bench = { root, npmCache, env };
  progress(`workbench ${root}, npm cache ${npmCache}`);

  progress('pnpm build');
  execFileSync('pnpm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarballs = path.join(root, 'tarballs');
  mkdirSync(tarballs);
  packed = packPackages(workspacePackages(ROOT), tarballs);
  for (const pkg of packed) {
    const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
    const part = (test: (file: string) => boolean): number => pkg.files.filter((file) => test(file.path)).reduce((sum, file) => sum + file.size, 0);
    const src = part((file) => file.startsWith('src/'));
    const maps = part((file) => file.endsWith('.map'));
    progress(
      `packed ${pkg.name}: ${kib(pkg.packedBytes)}, unpacked ${kib(pkg.unpackedBytes)} in ${pkg.files.length} files ` +
        `(src/ ${kib(src)}, source maps ${kib(maps)})`,
    );
  }
}, 600_000);

afterAll(() => {
  // The tarballs and every project are under the one temporary folder.
  if (bench !== undefined) rmSync(bench.root, { recursive: true, force: true });
});

describe('the tarballs', () => {
  it('hold every file their exports and bins point at', () => {
    expect(packed.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['@klog-ts/checker', '@klog-ts/core', '@klog-ts/eslint-plugin', '@klog-ts/http', '@klog-ts/ingest', '@klog-ts/otel', '@klog-ts/pino', '@klog-ts/sanitizer']));
    for (const pkg of packed) {
      const files = new Set(pkg.files.map((file) => file.path));
      const published = exportTargets(pkg.manifest.exports);
      // The workspace-only condition that points at src/*.ts is not published.
      expect(JSON.stringify(pkg.manifest.exports), pkg.name).not.toContain('@klog-ts/source');
      for (const { subpath, target } of published) {
        const file = target.replace(/^\.\//, '');
        const found = file.includes('*') ? [...files].some((name) => new RegExp(`^${file.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`).test(name)) : files.has(file);
        expect(found, `${pkg.name} exports ${subpath} -> ${target}`).toBe(true);
      }
      for (const [bin, target] of Object.entries(pkg.manifest.bin ?? {})) {
        expect(files.has(target.replace(/^\.\//, '')), `${pkg.name} bin ${bin} -> ${target}`).toBe(true);
      }
      // pnpm pack rewrote every workspace: range to a semver range.
      expect(JSON.stringify(pkg.manifest), pkg.name).not.toContain('workspace:');
      expect(files.has('LICENSE'), `${pkg.name} LICENSE`).toBe(true);
      const { license, engines, repository } = pkg.manifest as { license?: string; engines?: { node?: string }; repository?: { directory?: string } };
      expect([license, engines?.node, repository?.directory?.startsWith('packages/')], pkg.name).toEqual(['Apache-2.0', '>=20.19.0', true]);
    }
  });
});

describe('installed with npm into fresh projects', () => {
  it('ESM TypeScript (nodenext), compiled with tsc: a @datapolicy field and a Secret are redacted in text and JSON, KRef is "ns/name"', () => {
    progress('scenario esm-nodenext');
    const project = scenario('esm-nodenext', ['@klog-ts/core', '@klog-ts/sanitizer'], [PINS.typescript, PINS.typesNode]);
    succeeded(project.run('npx', ['tsc', '-p', 'tsconfig.json']));

    const text = succeeded(project.run('node', ['dist/main.js', 'text'])).stdout;
    expect(text).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ main\.js:\d+\] "Login" user=\{"user":"alice","password":"\[REDACTED:password\]"\} apiKey="\[REDACTED:token\]" replicaSet="shop\/web"\n$/);

    const json = succeeded(project.run('node', ['dist/main.js', 'json'])).stdout;
    expect(JSON.parse(json)).toMatchObject({
      msg: 'Login',
      user: { user: 'alice', password: '[REDACTED:password]' },
      apiKey: '[REDACTED:token]',
      replicaSet: { name: 'web', namespace: 'shop' },
    });
    expect(text + json).not.toMatch(/hunter2|tok-nodenext/);
  });

  it('ESM TypeScript (bundler, and nodenext): every export of every package type-checks against the published types', () => {
    progress('scenario esm-bundler');
    const project = scenario(
      'esm-bundler',
      packed.map((pkg) => pkg.name),
      [PINS.typescript, PINS.typesNode, PINS.pino, PINS.eslint, PINS.otelApi, PINS.otelApiLogs, PINS.express, PINS.typesExpress, PINS.fastify],
    );
    const everyExport = everyExportModule(packed.map((pkg) => pkg.manifest));
    project.write('src/every-export.ts', everyExport);
    progress(`esm-bundler: ${everyExport.split('\n').filter((line) => line.startsWith('import')).length} entry points`);
    succeeded(project.run('npx', ['tsc', '-p', 'tsconfig.json']));
    succeeded(project.run('npx', ['tsc', '-p', 'tsconfig.nodenext.json']));
  });

  it('CommonJS: require() of the ES modules (Node >= 20.19) logs and redacts', () => {
    progress('scenario commonjs');
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 20 || (major === 20 && minor >= 19), `Node ${process.versions.node} has no require(esm)`).toBe(true);
    const project = scenario('commonjs', ['@klog-ts/core', '@klog-ts/sanitizer'], [], 'commonjs');
    const result = succeeded(project.run('node', ['main.cjs']));
    expect(result.stderr).toBe(''); // no ExperimentalWarning either
    expect(result.stdout).toMatch(/\] "Login" user=\{"user":"alice","password":"\[REDACTED:password\]"\} apiKey="\[REDACTED:token\]" replicaSet="shop\/web"\n$/);
    expect(result.stdout).not.toMatch(/hunter2|tok-commonjs/);
  });

  it('legacy decorators (experimentalDecorators) compiled with tsc: the tagged fields are redacted, with useDefineForClassFields on and off', () => {
    progress('scenario legacy-decorators');
    const project = scenario('legacy-decorators', ['@klog-ts/core', '@klog-ts/sanitizer'], [PINS.typescript, PINS.typesNode]);
    for (const [tsconfig, out] of [['tsconfig.json', 'dist'], ['tsconfig.assign.json', 'dist-assign']] as const) {
      succeeded(project.run('npx', ['tsc', '-p', tsconfig]));
      expect(project.read(`${out}/main.js`)).toContain('__decorate(');
      const result = succeeded(project.run('node', [`${out}/main.js`]));
      expect(result.stdout, tsconfig).toMatch(
        /\] "Login" account=\{"user":"alice","password":"\[REDACTED:password\]"\} session=\{"token":"\[REDACTED:token\]"\}\n$/,
      );
    }
  });

  it('vitest 4 with its default config fails on a standard decorator; with datapolicyDecorators() it passes; legacy decorators need nothing', () => {
    progress('scenario vitest');
    const project = scenario('vitest', ['@klog-ts/core', '@klog-ts/sanitizer'], [PINS.vitest, PINS.vite, PINS.typescript, PINS.typesNode]);
    // Vite 8 does not bring esbuild: the plugin's default compiler is the project's typescript.
    expect(installedPackages(project).map((pkg) => pkg.name)).not.toContain('esbuild');

    progress('vitest: default config, standard decorators');
    const plain = project.run('npx', ['vitest', 'run']);
    expect(plain.status, printed(plain)).toBe(1);
    expect(printed(plain)).toContain('FAIL  test/login.test.ts');
    expect(printed(plain)).toContain('SyntaxError: Invalid or unexpected token');

    progress('vitest: datapolicyDecorators()');
    project.write(
      'vitest.config.ts',
      "import { datapolicyDecorators } from '@klog-ts/sanitizer/vite';\nimport { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ plugins: [datapolicyDecorators()] });\n",
    );
    const lowered = succeeded(project.run('npx', ['vitest', 'run']));
    expect(lowered.stdout).toMatch(/Tests +1 passed \(1\)/);
    // The config type-checks against Vite's own Plugin type.
    succeeded(project.run('npx', ['tsc', '-p', 'tsconfig.json']));

    progress('vitest: datapolicyDecorators({ compiler: "esbuild" }) without esbuild');
    project.write(
      'vitest.config.ts',
      "import { datapolicyDecorators } from '@klog-ts/sanitizer/vite';\nimport { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ plugins: [datapolicyDecorators({ compiler: 'esbuild' })] });\n",
    );
    const missing = project.run('npx', ['vitest', 'run']);
    expect(missing.status, printed(missing)).toBe(1);
    expect(printed(missing)).toContain('@klog-ts/sanitizer/vite: datapolicyDecorators() lowers standard decorators with `esbuild`, which could not be loaded from');
    expect(printed(missing)).toContain('npm install --save-dev esbuild');

    progress('vitest: default config, experimentalDecorators');
    project.remove('vitest.config.ts');
    const tsconfig = JSON.parse(project.read('tsconfig.json')) as { compilerOptions: Record<string, unknown> };
    tsconfig.compilerOptions.experimentalDecorators = true;
    project.write('tsconfig.json', JSON.stringify(tsconfig, null, 2));
    const legacy = succeeded(project.run('npx', ['vitest', 'run']));
    expect(legacy.stdout).toMatch(/Tests +1 passed \(1\)/);

    progress('vitest: experimentalDecorators in a tsconfig.json whose include misses the decorated file');
    project.write('tsconfig.json', JSON.stringify({ ...tsconfig, include: ['test'] }, null, 2));
    const uncovered = project.run('npx', ['vitest', 'run']);
    expect(uncovered.status, printed(uncovered)).toBe(1);
    expect(printed(uncovered)).toContain('SyntaxError: Invalid or unexpected token');
  });

  it('other toolchains on a standard decorator: tsx and swc (2022-03 and legacy) redact; Node 20 has no type stripping', () => {
    progress('scenario toolchains');
    const project = scenario('toolchains', ['@klog-ts/core', '@klog-ts/sanitizer'], [PINS.tsx, PINS.swc]);
    const redacted = '{"user":"alice","password":"[REDACTED:password]"}\n';

    expect(succeeded(project.run('npx', ['tsx', 'src/main.ts'])).stdout).toBe(redacted);

    for (const transform of [{ decoratorVersion: '2022-03' }, { legacyDecorator: true }, {}]) {
      rmSync(path.join(project.dir, 'swc-out'), { recursive: true, force: true });
      succeeded(project.run('node', ['swc.mjs', JSON.stringify(transform)]));
      // Without settings, swc lowers decorators as TypeScript's legacy ones.
      expect(project.read('swc-out/credentials.js'), JSON.stringify(transform)).toContain('decoratorVersion' in transform ? '_apply_decs_2203_r' : '_ts_decorate');
      expect(succeeded(project.run('node', ['swc-out/main.js'])).stdout, JSON.stringify(transform)).toBe(redacted);
    }

    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const stripped = project.run('node', ['--experimental-strip-types', 'src/main.ts']);
    if (major < 22 || (major === 22 && minor < 6)) {
      expect(stripped.stderr).toContain('bad option: --experimental-strip-types');
    } else {
      // Type stripping removes types only: the decorator stays, and V8 has no decorators.
      expect(stripped.stderr).toContain('SyntaxError: Invalid or unexpected token');
    }
    expect(stripped.status).not.toBe(0);
  });

  it('ESLint flat config with @klog-ts/eslint-plugin reports the planted violations', () => {
    progress('scenario eslint');
    const project = scenario(
      'eslint',
      ['@klog-ts/eslint-plugin', '@klog-ts/core'],
      [PINS.eslint, PINS.typescriptEslint, PINS.typescript, PINS.typesNode],
    );
    const result = project.run('npx', ['eslint', '--format', 'json', 'src/login.ts']);
    expect(result.status, printed(result)).toBe(1);
    const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[];
    const found = report?.messages.map(({ ruleId, line }) => `${line} ${String(ruleId)}`);
    expect(found).toEqual(expect.arrayContaining(['4 @klog-ts/no-secret-logging', '5 @klog-ts/kv-pairs']));
  });

  it('klog-check through the installed bin finds a logged @datapolicy field and exits 1', () => {
    progress('scenario klog-check');
    const project = scenario('klog-check', ['@klog-ts/checker', '@klog-ts/core', '@klog-ts/sanitizer'], []);
    const text = project.run('npx', ['klog-check', '--project', 'tsconfig.json']);
    expect(text.status, printed(text)).toBe(1);
    expect(text.stdout).toContain('src/database.ts:11:3');
    expect(text.stdout).toContain('klog/secret-logging');

    const json = project.run('npx', ['klog-check', '--project', 'tsconfig.json', '--format', 'json']);
    expect(json.status, printed(json)).toBe(1);
    const { findings } = JSON.parse(json.stdout) as { findings: { file: string; line: number; source: { kind: string; name: string } }[] };
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'src/database.ts', line: 11, source: { kind: 'datapolicy' } });
  });

  it('the pino backend, with pino from the registry, routes a sanitized entry', () => {
    progress('scenario pino');
    const project = scenario('pino', ['@klog-ts/pino', '@klog-ts/core', '@klog-ts/sanitizer'], [PINS.pino]);
    const result = succeeded(project.run('node', ['main.mjs']));
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 30,
      msg: 'Pod ready',
      v: 0,
      pod: { name: 'web-1', namespace: 'shop' },
      attempt: 2,
      token: '[REDACTED:token]',
    });
    expect(result.stdout).not.toContain('tok-pino');
  });

  it('request logging with Express from the registry: the handler\'s entry and the access entry carry the request ID', () => {
    progress('scenario http');
    const project = scenario('http', ['@klog-ts/http', '@klog-ts/core'], [PINS.express]);
    const result = succeeded(project.run('node', ['main.mjs']));
    expect(result.stdout).toBe('200 {"name":"web-1"}\n');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^I\d{4} [\d:.]+ +\d+ main\.mjs:\d+\] "Looking up pod" requestID="packed-1" name="web-1"$/);
    expect(lines[1]).toMatch(/\] "Request completed" requestID="packed-1" method="GET" path="\/pods\/web-1" status=200 durationMs=[\d.]+ bytes=16$/);
    expect(result.stderr).not.toContain('tok-packed');
    // Optional peers: Fastify is not installed with it.
    expect(installedPackages(project).map((pkg) => pkg.name)).not.toContain('fastify');
  });

  it('OpenTelemetry, with the SDK from the registry: trace ids in klog lines, and the logs bridge, both after the sanitizer', () => {
    progress('scenario otel');
    const project = scenario('otel', ['@klog-ts/otel', '@klog-ts/core', '@klog-ts/sanitizer'], [PINS.otelApi, PINS.otelApiLogs, PINS.otelSdkLogs, PINS.otelSdkTrace, PINS.otelContext]);
    const result = succeeded(project.run('node', ['main.mjs']));
    const [line, exported, ...rest] = result.stdout.trim().split('\n');
    expect(rest).toEqual([]);
    const bridged = JSON.parse(exported ?? '') as { ids: { traceId: string; spanId: string }; body: string; severityNumber: number; attributes: object; spanContext: object };
    expect(bridged.ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(line ?? '')).toMatchObject({ msg: 'Pod ready', trace_id: bridged.ids.traceId, span_id: bridged.ids.spanId, trace_flags: '01', token: '[REDACTED:token]' });
    expect(bridged).toMatchObject({
      body: 'Pod ready',
      severityNumber: 9,
      attributes: { pod: { name: 'web-1', namespace: 'shop' }, token: '[REDACTED:token]', v: 0 },
      spanContext: { traceId: bridged.ids.traceId, spanId: bridged.ids.spanId, traceFlags: 1 },
    });
    expect(result.stdout).not.toContain('tok-otel');
  });

  it('@klog-ts/ingest: the installed klog-ts bin converts both ways and keeps a malformed record; the reader reads the same file', () => {
    progress('scenario ingest');
    const project = scenario('ingest', ['@klog-ts/ingest'], []);
    const json = succeeded(project.run('npx', ['klog-ts', 'convert', '--to', 'json', '--utc', '--year', '2024', 'controller.log']));
    const records = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([
      { ts: 1709802303013.58, logger: 'pod-controller', caller: 'controller.go:41', msg: 'Pod status updated', v: 0, pod: { name: 'web-1', namespace: 'shop' }, node: { name: 'node-0' }, restarts: 0 },
      { ts: 1709802304000.001, caller: 'controller.go:53', msg: 'Failed to update pod status', pod: { name: 'web-2', namespace: 'shop' }, err: 'context deadline exceeded' },
      { ts: 1709802305000, caller: 'controller.go:60', msg: 'Cut short', v: 0, pod: { name: 'web-3', namespace: 'shop' }, unparsed: 'detail="unterminated' },
    ]);
    expect(json.stderr).toContain('1 record was read in part');
    project.write('controller.json', json.stdout);
    const text = succeeded(project.run('npx', ['klog-ts', 'convert', '--to', 'text', '--utc', 'controller.json']));
    expect(text.stdout.split('\n')[1]).toBe('E0307 09:05:04.000001       0 controller.go:53] "Failed to update pod status" err="context deadline exceeded" pod="shop/web-2"');
    const read = succeeded(project.run('node', ['main.mjs'])).stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(read).toEqual([
      { severity: 'I', msg: 'Pod status updated', pod: { name: 'web-1', namespace: 'shop' } },
      { severity: 'E', msg: 'Failed to update pod status', err: 'context deadline exceeded', pod: { name: 'web-2', namespace: 'shop' } },
      { severity: 'I', msg: 'Cut short', pod: { name: 'web-3', namespace: 'shop' }, unparsed: 'detail="unterminated' },
    ]);
  });

  it('@klog-ts/core alone installs no pino, typescript or ts-morph, and no reader: no ingest package, no klog-ts bin, no parser in its files', () => {
    progress('scenario core-only');
    const project = scenario('core-only', ['@klog-ts/core'], []);
    expect(succeeded(project.run('node', ['main.mjs'])).stdout).toMatch(/\] "Pod ready" pod="shop\/web-1" attempt=2\n$/);
    const installed = installedPackages(project);
    const kilobytes = Number.parseInt(succeeded(project.run('du', ['-sk', 'node_modules'])).stdout, 10);
    const apparent = Number.parseInt(succeeded(project.run('du', ['-sk', '--apparent-size', 'node_modules'])).stdout, 10);
    progress(
      `core-only: ${installed.length} package(s) (${installed.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}), ` +
        `node_modules ${kilobytes} KiB on disk (du -sk), ${apparent} KiB apparent size (du -sk --apparent-size)`,
    );
    expect(installed.map((pkg) => pkg.name).filter((name) => /^(?:pino|typescript|ts-morph|@ts-morph\/.*)$/.test(name))).toEqual([]);
    // picocolors (colour on a terminal) is core's one dependency, with none of its own.
    expect(installed.map((pkg) => pkg.name).sort()).toEqual(['@klog-ts/core', 'picocolors']);
    expect(existsSync(path.join(project.dir, 'node_modules', '.bin', 'klog-ts'))).toBe(false);
    const core = packed.find((pkg) => pkg.name === '@klog-ts/core')!;
    expect(core.manifest.bin).toBeUndefined();
    expect(core.files.map((file) => file.path).filter((file) => /^(?:bin|schema|dist\/parse|dist\/cli|src\/parse|src\/cli)\//.test(file))).toEqual([]);
  });
});
