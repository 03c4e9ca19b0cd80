import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE = path.join(import.meta.dirname, '..');
const README = readFileSync(path.join(PACKAGE, 'README.md'), 'utf8');

/** The README's ```ts example that contains `marker` (its examples are plain JavaScript, so Node runs them as they are). */
function example(marker: string): string {
  const fences = [...README.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  const found = fences.filter((code) => code.includes(marker));
  expect(found, marker).toHaveLength(1);
  return found[0] ?? '';
}

/** Runs an example as a user would, in a process of its own, from this package (where its imports resolve). */
function run(code: string): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--conditions=@klog-ts/source', '--import', 'tsx', '--input-type=module', '--eval', code], { cwd: PACKAGE, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('the README examples run', () => {
  it('trace correlation: the entry inside the span carries its ids, the one after it none', () => {
    const lines = run(example('enableTraceCorrelation()')).stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^I\d{4} [\d:.]+ +\d+ .+?\] "Pod synced" trace_id="[0-9a-f]{32}" span_id="[0-9a-f]{16}" trace_flags="01" pod="shop\/web-1"$/);
    expect(lines[1]).toMatch(/\] "Idle"$/);
  });

  it('logs bridge: the entry is exported as a LogRecord', () => {
    const { stdout, stderr } = run(example('otelLogsSink()'));
    expect(stderr).toBe('');
    expect(stdout).toContain("body: 'Pod synced'");
    expect(stdout).toContain('severityNumber: 9');
    expect(stdout).toContain("severityText: 'INFO'");
    expect(stdout).toMatch(/pod: \{ name: 'web-1', namespace: 'shop' \}/);
    expect(stdout).toContain('attempt: 2');
  });
});
