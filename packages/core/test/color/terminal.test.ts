import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = join(import.meta.dirname, '..', 'fixtures', 'color-child.ts');
const NODE = [process.execPath, '--conditions=@klog-ts/source', '--import', 'tsx', CHILD];

const GREEN_I = '\u001b[32mI\u001b[39m';
const RED_E = '\u001b[31mE\u001b[39m';
const CYAN_POD = '\u001b[36mpod\u001b[39m=';
// eslint-disable-next-line no-control-regex -- an escape is what it looks for
const ANY_ESCAPE = /\u001b/;

/** The environment without any colour variable, plus `extra`. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...rest } = process.env;
  return { ...rest, TERM: 'xterm-256color', ...extra };
}

function run(command: string, args: string[], environment: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The child on pipes: stdout and stderr are not terminals. */
function onPipes(mode: string, extra?: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run(NODE[0], [...NODE.slice(1), mode], env(extra));
}

const quote = (arg: string): string => `'${arg.replaceAll("'", "'\\''")}'`;

/** The child on a real pseudo-terminal (util-linux `script`): what the terminal showed, line feeds restored. */
async function onTerminal(mode: string, extra?: Record<string, string>, redirect = ''): Promise<string> {
  const command = [...NODE, mode].map(quote).join(' ') + redirect;
  const { code, stdout } = await run('script', ['-qec', command, '/dev/null'], env(extra));
  expect(code).toBe(0);
  return stdout.replaceAll('\r\n', '\n');
}

describe('colour follows the terminal: never on a pipe, on a real pseudo-terminal unless NO_COLOR', () => {
  it('a pipe gets plain text', async () => {
    const { code, stderr } = await onPipes('global');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^I\d{4} [^\n]*\] "Pod status updated" pod="kube-system\/kubedns"\nW[^\n]*\] Slow response\nE[^\n]*\] "Failed to sync" err="refused" attempt=3\n$/);
  }, 30_000);

  it('a terminal gets coloured severity letters and keys', async () => {
    const screen = await onTerminal('global');
    expect(screen).toContain(`${GREEN_I}`);
    expect(screen).toContain(`"Pod status updated" ${CYAN_POD}"kube-system/kubedns"`);
    expect(screen).toContain('\u001b[33mW\u001b[39m');
    // eslint-disable-next-line no-control-regex -- the colour escapes are what it looks for
    expect(screen).toMatch(/\u001b\[31mE\u001b\[39m[^\n]*\] "Failed to sync" \u001b\[36merr\u001b\[39m="refused" \u001b\[36mattempt\u001b\[39m=3\n/);
  }, 30_000);

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['TERM=dumb', { TERM: 'dumb' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
  ])('a terminal with %s gets plain text', async (_name, extra) => {
    const screen = await onTerminal('global', extra);
    expect(screen).toContain('"Pod status updated" pod="kube-system/kubedns"');
    expect(ANY_ESCAPE.test(screen)).toBe(false);
  }, 30_000);

  it('an empty NO_COLOR does not count (no-color.org)', async () => {
    expect(await onTerminal('global', { NO_COLOR: '' })).toContain(CYAN_POD);
  }, 30_000);

  it('JSON is never coloured, even on a terminal', async () => {
    const screen = await onTerminal('json');
    expect(screen).toContain('"msg":"Pod status updated"');
    expect(ANY_ESCAPE.test(screen)).toBe(false);
  }, 30_000);

  it('a createLogger() logger on a terminal destination or stream is coloured too', async () => {
    expect(await onTerminal('destination')).toContain(`"Pod status updated" ${CYAN_POD}`);
    expect(await onTerminal('stream')).toContain(`"Pod status updated" ${CYAN_POD}`);
  }, 60_000);

  it('a split stream with stdout in a file and stderr on the terminal stays plain on both', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'klog-color-')), 'out.log');
    const screen = await onTerminal('split', {}, ` > ${quote(file)}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^I\d{4} [^\n]*\] "Pod status updated" pod="kube-system\/kubedns"\nW/);
    expect(screen).toMatch(/^E\d{4} [^\n]*\] "Failed to sync" err="refused" attempt=3\n$/);
  }, 30_000);
});

describe('FORCE_COLOR and the color option', () => {
  it('FORCE_COLOR colours a pipe', async () => {
    const { stderr } = await onPipes('global', { FORCE_COLOR: '1' });
    expect(stderr.startsWith(GREEN_I)).toBe(true);
    expect(stderr).toContain(CYAN_POD);
  }, 30_000);

  it('NO_COLOR wins over FORCE_COLOR', async () => {
    const { stderr } = await onPipes('global', { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(ANY_ESCAPE.test(stderr)).toBe(false);
  }, 30_000);

  it('color: true colours a pipe even with NO_COLOR (an explicit choice wins)', async () => {
    const { stderr } = await onPipes('color-true', { NO_COLOR: '1' });
    expect(stderr.startsWith(GREEN_I)).toBe(true);
    expect(stderr).toContain(RED_E);
  }, 30_000);

  it('color: false keeps a terminal plain', async () => {
    const screen = await onTerminal('color-false', { FORCE_COLOR: '1' });
    expect(screen).toContain('"Pod status updated" pod="kube-system/kubedns"');
    expect(ANY_ESCAPE.test(screen)).toBe(false);
  }, 30_000);
});
