import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/index.js';
import type { Finding } from '../src/report/finding.js';
import { fixtureGroups, readExpectations, type Expectation } from './corpus-expectations.js';

const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const groups = fixtureGroups(root);
const results = new Map<string, Finding[]>();

beforeAll(async () => {
  for (const group of groups) {
    const { findings } = await analyzeProject({ tsconfig: group, typeErrors: false });
    results.set(group, findings);
  }
});

const where = (f: { file: string; line: number }): string => `${relative(root, f.file)}:${f.line}`;

describe('fixture corpus', () => {
  it('has at least 40 programs with positive and negative expectations', () => {
    const all = groups.flatMap(readExpectations);
    const programs = new Set(all.map((e) => relative(root, e.file).split('/').slice(0, 3).join('/').replace(/\.ts$/, '')));
    expect(programs.size).toBeGreaterThanOrEqual(40);
    expect(all.filter((e) => e.kind !== undefined).length).toBeGreaterThan(40);
    expect(all.filter((e) => e.kind === undefined).length).toBeGreaterThan(40);
  });

  it('meets every expectation (precision and recall printed)', () => {
    let tp = 0;
    const problems: string[] = [];
    let expectedCount = 0;
    let reported = 0;
    for (const group of groups) {
      const findings = results.get(group) ?? [];
      reported += findings.length;
      const expected = new Map<string, Expectation>(readExpectations(group).map((e) => [where(e), e]));
      expectedCount += [...expected.values()].filter((e) => e.kind !== undefined).length;
      for (const f of findings) {
        const e = expected.get(where(f));
        if (e?.kind === undefined) problems.push(`unexpected finding at ${where(f)}: ${f.message}`);
        else if (e.kind !== f.source.kind) problems.push(`wrong source kind at ${where(f)}: expected ${e.kind}, got ${f.source.kind}`);
        else tp++;
      }
      const found = new Set(findings.map(where));
      for (const [at, e] of expected) if (e.kind !== undefined && !found.has(at)) problems.push(`missed finding at ${at} (${e.kind})`);
    }
    const precision = reported === 0 ? 1 : tp / reported;
    const recall = expectedCount === 0 ? 1 : tp / expectedCount;
    process.stdout.write(
      `klog-check corpus: ${tp}/${expectedCount} expected findings, ${reported} reported, ` +
        `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%\n`,
    );
    expect(problems).toEqual([]);
  });
});
