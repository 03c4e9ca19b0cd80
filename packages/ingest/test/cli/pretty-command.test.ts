import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './cli-harness.js';
import { JSON_LOG, TEXT_LOG } from './fixtures.js';

const NOW = Date.UTC(2024, 2, 7, 10, 0, 0);
// eslint-disable-next-line no-control-regex -- the escape sequence is what these tests look for.
const SGR = /\x1b\[[0-9;]*m/;

describe('klog-ts pretty', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes Kubernetes JSON as coloured klog text on a terminal, and only colour is added', async () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('TERM', 'xterm-256color');
    const pretty = await run(['pretty', '--utc'], JSON_LOG, NOW, true);
    const plain = await run(['convert', '--to', 'text', '--utc'], JSON_LOG);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(SGR);
    expect(stripVTControlCharacters(pretty.stdout)).toBe(plain.stdout);
    // The severity letter of an error record in red, its keys in cyan.
    const failed = pretty.stdout.split('\n').find((line) => line.includes('Failed to create pod'))!;
    expect(failed.startsWith('\x1b[31mE\x1b[39m')).toBe(true);
    expect(failed).toContain('\x1b[36merr\x1b[39m=');
  });

  it('writes no colour to a pipe, nor on a terminal when NO_COLOR is set or with --no-color', async () => {
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('TERM', 'xterm-256color');
    vi.stubEnv('NO_COLOR', undefined);
    expect((await run(['pretty', '--utc'], TEXT_LOG)).stdout).not.toMatch(SGR);
    expect((await run(['pretty', '--utc', '--no-color'], TEXT_LOG, NOW, true)).stdout).not.toMatch(SGR);
    vi.stubEnv('NO_COLOR', '1');
    const text = await run(['pretty', '--utc'], TEXT_LOG, NOW, true);
    expect(text.stdout).toBe(TEXT_LOG);
  });

  it('colours a pipe with --color (a pager), and FORCE_COLOR does too', async () => {
    vi.stubEnv('NO_COLOR', undefined);
    expect((await run(['pretty', '--utc', '--color'], TEXT_LOG)).stdout).toMatch(SGR);
    vi.stubEnv('FORCE_COLOR', '1');
    const forced = await run(['pretty', '--utc'], TEXT_LOG);
    expect(forced.stdout).toMatch(SGR);
    expect(stripVTControlCharacters(forced.stdout)).toBe(TEXT_LOG);
  });

  it('convert --to text --color colours; --color with JSON or ClickHouse output is a usage error', async () => {
    expect((await run(['convert', '--to', 'text', '--utc', '--color'], JSON_LOG)).stdout).toMatch(SGR);
    const wrong = await run(['convert', '--to', 'json', '--color'], TEXT_LOG);
    expect(wrong).toMatchObject({ code: 2, stdout: '', stderr: 'klog-ts: --color colours text; --to json is never coloured (run "klog-ts convert --help")\n' });
  });
});
