import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseJSON, parseText } from '@klog-ts/ingest';
import { runCli } from '../../packages/ingest/src/cli/run-cli.js';

const SERVICE_MAIN = fileURLToPath(new URL('../../examples/service/src/main.ts', import.meta.url));
const CLI_MAIN = fileURLToPath(new URL('../../packages/ingest/src/cli/main.ts', import.meta.url));
const SOURCE = ['--conditions=@klog-ts/source', '--import', 'tsx'];

/** The example service, started as its own process, with what it has logged on stderr so far. */
export interface ServiceProcess {
  readonly url: string;
  logs(): string;
  /** SIGTERM; resolves with the exit code once it has exited. */
  stop(): Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/**
 * Starts `examples/service` for real (`--port 0` on 127.0.0.1) with the given logging flags, and waits for
 * its "Service listening" record, read with klog-ts's own parser, to learn the port.
 */
export async function startServiceProcess(flags: readonly string[], env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...SOURCE, SERVICE_MAIN, '--port', '0', ...flags], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let logs = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (logs += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const line = logs.split('\n').find((l) => l.includes('Service listening'));
      if (line === undefined) return;
      child.stderr.off('data', look);
      const record = line.startsWith('{') ? parseJSON(line) : parseText(line);
      const address = record.kv.find(([key]) => key === 'address')?.[1];
      if (typeof address === 'string') resolve(`http://${address}`);
      else reject(new Error(`no address in ${line}`));
    };
    child.stderr.on('data', look);
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before listening:\n${logs}`)));
  });
  return {
    url,
    logs: () => logs,
    stop: () => {
      child.kill('SIGTERM');
      return exited(child);
    },
  };
}

/** Runs the klog-ts CLI from source (what `pnpm klog-ts` runs) on `input`; resolves with its output. */
export function runKlogTs(args: readonly string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...SOURCE, CLI_MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input);
  return exited(child).then((code) => ({ code, stdout, stderr }));
}

/** Runs the klog-ts CLI inside this process on `input` (quicker than a process, same code). */
export async function runKlogTsInProcess(args: readonly string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
  const code = await runCli(args, { stdin: Readable.from([input]), stdout, stderr, now: Date.now });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out.join(''), stderr: err.join('') };
}
