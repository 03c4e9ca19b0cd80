import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDoc } from '../src/render-doc.js';
import type { BenchResults } from '../src/results.js';
import { runBenchmark } from '../src/run-benchmark.js';
import { checkTargets } from '../src/targets.js';
import { VARIANTS } from '../src/variants.js';
import { WORKLOAD_TITLES, WORKLOADS } from '../src/workloads.js';
import { lineProblem } from './validate-lines.js';

const LINES = 50;
const dir = mkdtempSync(join(tmpdir(), 'klog-bench-'));
let results: BenchResults;

// The harness itself with a tiny line count: every (library, workload) cell writes to its own file.
beforeAll(async () => {
  results = await runBenchmark({
    lines: LINES,
    rounds: 1,
    warmup: 0,
    workloads: WORKLOADS,
    rss: false,
    pathFor: (variant, workload) => join(dir, `${variant.id}-${workload}.log`),
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every workload through every library', () => {
  it('runs each cell the issue asks for', () => {
    const names = results.cells.map((cell) => `${cell.variant.id}/${cell.workload}`);
    for (const workload of ['W1', 'W2', 'W3', 'W4', 'W4c', 'W5']) {
      for (const id of ['pino', 'klog-json', 'winston', 'bunyan']) expect(names).toContain(`${id}/${workload}`);
    }
    for (const workload of ['W1', 'W2', 'W3']) expect(names).toContain(`floor/${workload}`);
    expect(names).toContain('klog-text-caller/W2');
    expect(names).toContain('klog-text-callsite/W2');
    expect(names).toContain('klog-text-color/W2');
    expect(names).toContain('klog-global/W5');
    expect(names).toContain('klog-json-otel/W2');
    expect(names).toContain('klog-json-otel-span/W2');
    expect(names).toContain('pino-4k/W2');
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes the expected number of valid lines (none for a disabled call)', () => {
    for (const cell of results.cells) {
      const text = readFileSync(join(dir, `${cell.variant.id}-${cell.workload}.log`), 'utf8');
      const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
      const label = `${cell.variant.id}/${cell.workload}`;
      expect(lines.length, label).toBe(cell.workload === 'W5' ? 0 : LINES);
      const problems = lines.map((line, i) => lineProblem(cell, line, i)).filter((p) => p !== undefined);
      expect(problems.slice(0, 3), `${label}: ${lines[0]}`).toEqual([]);
    }
  });

  it('times every cell and checks every disabled call for allocation', () => {
    for (const cell of results.cells) {
      expect(cell.samples, cell.variant.id).toHaveLength(1);
      expect(cell.wallSamples, cell.variant.id).toHaveLength(1);
      expect(cell.median).toBeGreaterThanOrEqual(0);
      expect(cell.wallMedian).toBeGreaterThan(0);
    }
    const disabled = results.cells.filter((cell) => cell.workload === 'W5').map((cell) => cell.variant.id);
    expect([...results.allocations.keys()].sort()).toEqual(disabled.sort());
  });
});

describe('the report', () => {
  it('checks every target the run allows', () => {
    const targets = checkTargets(results).map((row) => row.target);
    expect(targets).toContain('JSON W2 vs pino, 4 KiB destination');
    expect(targets).toContain('JSON child per call vs own W2, sync destination');
    expect(targets).toContain('W5 logger.V(4).infoS disabled');
    expect(targets).toContain('caller cost per call, V8 stack capture (text W2, on − off)');
    expect(targets).toContain('caller cost per call, build-time call sites (text W2, on − off)');
    expect(targets).toContain('trace correlation on, inside a span: JSON W2 vs without, sync');
    for (const row of checkTargets(results)) expect(Number.isFinite(row.measured), row.target).toBe(true);
  });

  it('renders a doc with every workload, the machine and an embedded section', () => {
    const doc = renderDoc(results, '# Sanitizer benchmark\n\n## Paths\n');
    for (const workload of WORKLOADS) expect(doc).toContain(WORKLOAD_TITLES[workload]);
    expect(doc).toContain(`Node ${process.version}`);
    expect(doc).toContain('\n## Sanitizer benchmark\n\n### Paths\n');
    expect(doc).not.toMatch(/NaN|undefined/);
  });

  it('has a row for every variant', () => {
    const doc = renderDoc(results, undefined);
    for (const variant of VARIANTS.filter((v) => v.id !== 'klog-global' && v.id !== 'klog-json')) expect(doc).toContain(`| ${variant.label} |`);
  });
});
