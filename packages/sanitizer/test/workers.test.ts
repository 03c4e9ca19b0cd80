import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Worker threads have a globalThis of their own, so a filter installed in the main thread is not theirs.
 * A real Node process starts real workers here (with tsx, as a service run from source would).
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const CORE = pathToFileURL(join(repoRoot, 'packages/core/src/index.ts')).href;
/** tsx's own API: a worker does not inherit the parent's loader hooks, so each one registers them first. */
const TSX_API = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const SANITIZER = pathToFileURL(join(repoRoot, 'packages/sanitizer/src/index.ts')).href;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klog-ts-workers-'));
  writeFileSync(
    join(dir, 'model.mts'),
    `import { datapolicy } from ${JSON.stringify(SANITIZER)};
export class Credentials {
  user = 'alice';
  @datapolicy('password') password = 'hunter2';
}
`,
  );
  const logInWorker = (imports: string): string => `import { parentPort } from 'node:worker_threads';
const { createLogger } = await import(${JSON.stringify(CORE)});
${imports}
let out = '';
createLogger({ output: { write: (s: string) => void (out += s) }, headers: false, caller: false }).infoS('In a worker', 'creds', creds, 'password', 'hunter2');
parentPort!.postMessage(out);
`;
  writeFileSync(join(dir, 'boot.mjs'), `import { workerData } from 'node:worker_threads';\n(await import(${JSON.stringify(TSX_API)})).register();\nawait import(workerData.file);\n`);
  // Loads the tagged class (and so the sanitizer) before logging it.
  writeFileSync(join(dir, 'with-model.mts'), logInWorker(`const { Credentials } = await import(${JSON.stringify(pathToFileURL(join(dir, 'model.mts')).href)});\nconst creds = new Credentials();`));
  // Never loads the sanitizer: a plain object shaped like the class.
  writeFileSync(join(dir, 'core-only.mts'), logInWorker(`const creds = { user: 'alice', password: 'hunter2' };`));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mainThread(setup: string, worker: string): { stdout: string; stderr: string } {
  const script = join(dir, `main-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    script,
    `import { Worker } from 'node:worker_threads';
const sanitizer = await import(${JSON.stringify(SANITIZER)});
${setup}
const worker = new Worker(${JSON.stringify(join(dir, 'boot.mjs'))}, { workerData: { file: ${JSON.stringify(pathToFileURL(join(dir, worker)).href)} } });
worker.once('message', (out: string) => process.stdout.write(out));
`,
  );
  const { stdout, stderr } = spawnSync(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { stdout, stderr };
}

describe('worker threads', () => {
  it('a worker that loads the sanitizer installs the one its parent installed, with the same options', () => {
    const { stdout } = mainThread(`sanitizer.installSanitizer({ keys: true });`, 'with-model.mts');
    expect(stdout).toBe('"In a worker" creds={"user":"alice","password":"[REDACTED:password]"} password="[REDACTED:password]"\n');
  });

  it('a worker that logs without loading the sanitizer withholds its entries and warns', () => {
    const { stdout, stderr } = mainThread(`sanitizer.installSanitizer();`, 'core-only.mts');
    expect(stdout).toBe('"Log entry withheld" reason="the thread that started this worker installed SanitizerFilter, but no log filter is installed in this worker"\n');
    expect(stderr).toContain('KLOG_TS_WORKER_WITHOUT_FILTER');
  });

  it('without a sanitizer in the parent, a worker logs as usual', () => {
    const { stdout } = mainThread('', 'core-only.mts');
    expect(stdout).toBe('"In a worker" creds={"password":"hunter2","user":"alice"} password="hunter2"\n');
  });
});
