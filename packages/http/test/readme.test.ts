/**
 * The README's examples, run: every ```ts fence that listens on 8080 is written to a file in this package,
 * started as its own process on a free port instead, sent a request, and its log lines (klog text on
 * stderr) checked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFences } from '../../../test/src/code-fences.js';
import { eventually } from './support/captured-logs.js';

const PACKAGE = path.join(import.meta.dirname, '..');
const DIR = path.join(PACKAGE, '.readme-examples');
const examples = codeFences(readFileSync(path.join(PACKAGE, 'README.md'), 'utf8')).filter((fence) => fence.lang === 'ts' && fence.code.includes('8080'));

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  stderr(): string;
}

async function start(file: string): Promise<Started> {
  const child = spawn(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', '--import', './test/support/report-port.ts', file], { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await eventually(() => /listening \d+/.test(stdout) || child.exitCode !== null, `${file} to listen`);
  const port = /listening (\d+)/.exec(stdout)?.[1];
  if (port === undefined) throw new Error(`${file} exited (${child.exitCode}) without listening:\n${stderr}`);
  return { child, url: `http://127.0.0.1:${port}`, stderr: () => stderr };
}

afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
});

describe('README examples', () => {
  it('has the node:http, Express, Fastify and headers examples', () => {
    expect(examples.map((fence) => /from '(@klog-ts\/http[^']*)'/.exec(fence.code)?.[1])).toEqual(['@klog-ts/http', '@klog-ts/http/express', '@klog-ts/http/fastify', '@klog-ts/http']);
  });

  it.each(examples.map((fence) => [fence.line, fence.code] as const))('README.md:%i runs: a request is logged with its ID', async (line, code) => {
    mkdirSync(DIR, { recursive: true });
    const file = path.join(DIR, `example-${line}.ts`);
    writeFileSync(file, code.replace('8080', '0'));
    const server = await start(file);
    try {
      const id = `readme-${line}`;
      const response = await fetch(`${server.url}/pods/web-1?token=query-secret`, { headers: { 'x-request-id': id, authorization: 'Bearer header-secret', 'user-agent': 'readme-test' } });
      expect(response.status).toBe(200);
      await response.text();
      await eventually(() => server.stderr().includes('"Request completed"'), 'the access entry');
      const lines = server.stderr().trimEnd().split('\n');
      const access = lines.find((l) => l.includes('"Request completed"')) ?? '';
      expect(access).toContain(`"Request completed" requestID="${id}" method="GET" path="/pods/web-1" status=200 durationMs=`);
      if (code.includes('Looking up pod')) expect(lines.find((l) => l.includes('"Looking up pod"'))).toMatch(new RegExp(`\\] "Looking up pod" requestID="${id}" name="web-1"$`));
      if (code.includes('headers:')) expect(access).toContain('headers={"authorization":"[REDACTED:password,token]","user-agent":"readme-test"}');
      expect(server.stderr()).not.toMatch(/query-secret|header-secret/);
    } finally {
      server.child.kill('SIGTERM');
    }
  });
});
