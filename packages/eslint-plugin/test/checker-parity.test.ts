import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../checker/src/index.js';
import { fixtureGroups, readExpectations } from '../../checker/test/corpus-expectations.js';
import plugin from '../src/index.js';

// One definition of a secret: `no-secret-logging` runs on every group of klog-check's fixture corpus (the
// corpus, the held-out programs, the interface variants, ...), whose sink lines are marked
// `// expect-finding: <kind>` or `// expect-clean`, and must agree with it line by line.

const fixtures = path.join(import.meta.dirname, '../../checker/test/fixtures');
const doc = fs.readFileSync(path.join(import.meta.dirname, '../docs/rules/no-secret-logging.md'), 'utf8');

/**
 * Findings a lint rule cannot make, each with its reason (listed in docs/rules/no-secret-logging.md): the
 * secret reaches the sink only through the callers of a function in another file, which the rule does not
 * see (it sees the callers in the function's own file).
 */
const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map([
  ['corpus/src/40-cross-file/audit.ts:6', 'the secret is passed to audit() by a caller in another file'],
]);

function reportedLines(group: string, file: string): Set<number> {
  const config: LinterType.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: group } },
    plugins: { '@klog-ts': plugin as unknown as NonNullable<LinterType.Config['plugins']>[string] },
    rules: { '@klog-ts/no-secret-logging': 'error' },
  };
  // cwd: the group, so that its files match `files` whatever directory vitest runs from.
  const messages = new Linter({ configType: 'flat', cwd: group }).verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return new Set(messages.filter((m) => m.ruleId === '@klog-ts/no-secret-logging').map((m) => m.line));
}

const groups = fixtureGroups(fixtures);

// The rule's reported lines per file, linted once for both comparisons below.
const reported = new Map<string, Set<number>>();
function lintedLines(group: string, file: string): Set<number> {
  let hit = reported.get(file);
  if (!hit) reported.set(file, (hit = reportedLines(group, file)));
  return hit;
}

it('compares every fixture group, the held-out programs and the interface variants included', () => {
  expect(groups.map((g) => path.basename(g))).toEqual(expect.arrayContaining(['corpus', 'held-out', 'interfaces']));
});

it('documents each known difference with its reason', () => {
  for (const [where, reason] of KNOWN_DIFFERENCES) expect(doc, where).toContain(`\`${where}\`: ${reason}`);
});

describe.each(groups.map((g) => [path.basename(g), g] as const))('no-secret-logging on the checker fixtures: %s', (_name, group) => {
  const expectations = readExpectations(group);
  const lines = (file: string): Set<number> => lintedLines(group, file);
  const where = (e: (typeof expectations)[number]) => `${path.relative(fixtures, e.file)}:${e.line}`;

  // This test lints the whole group (the corpus is 66 programs, each a typed lint): 24 s alone on a quiet
  // 2-core machine, more when the suite runs in parallel, so it has more than the default 30 s.
  it('reports no line the checker expects clean', { timeout: 180_000 }, () => {
    const falseAlarms = expectations.filter((e) => e.kind === undefined && lines(e.file).has(e.line)).map(where);
    expect(falseAlarms).toEqual([]);
  });

  it('finds every finding the checker expects, except the known differences', () => {
    const findings = expectations.filter((e) => e.kind !== undefined);
    const missed = findings.filter((e) => !lines(e.file).has(e.line)).map(where);
    const known = findings.map(where).filter((w) => KNOWN_DIFFERENCES.has(w));
    expect(missed).toEqual(known);
  });
});

// A program of one file (a file of a group's `src/` itself, not of a program's directory, that imports no
// other file of the group) is all the rule sees, and all klog-check sees of it: both run the one engine of
// @klog-ts/taint/engine, so they must report the same lines, expected or not. Only callers in other files
// (which the rule does not see) may make them differ, and a single file has none.
const RELATIVE_IMPORT = /\bfrom\s+['"]\.\.?\/|\bimport\s*\(\s*['"]\.\.?\/|\brequire\(\s*['"]\.\.?\//;
const isSingleFile = (group: string, file: string): boolean =>
  path.dirname(file) === path.join(group, 'src') && !RELATIVE_IMPORT.test(fs.readFileSync(file, 'utf8'));

const singleFiles = (group: string): string[] => [...new Set(readExpectations(group).map((e) => e.file))].filter((file) => isSingleFile(group, file));
const withSingleFiles = groups.filter((g) => singleFiles(g).length > 0);

it('compares the rule and klog-check on more than 100 single-file programs', () => {
  expect(withSingleFiles.flatMap(singleFiles).length).toBeGreaterThan(100);
});

describe.each(withSingleFiles.map((g) => [path.basename(g), g] as const))('no-secret-logging and klog-check on the single-file programs of %s', (_name, group) => {
  const checked = new Map<string, Set<number>>();

  beforeAll(async () => {
    const { findings, suppressed } = await analyzeProject({ tsconfig: group, typeErrors: false });
    // A `klog-check-ignore-next-line` comment is klog-check's own; the rule reports the line (an ESLint
    // disable comment is its way to suppress).
    for (const f of [...findings, ...suppressed.map((s) => s.finding)]) {
      let lines = checked.get(f.file);
      if (!lines) checked.set(f.file, (lines = new Set()));
      lines.add(f.line);
    }
  }, 180_000);

  it('reports the same lines', { timeout: 180_000 }, () => {
    const differences = singleFiles(group).flatMap((file) => {
      const byRule = [...lintedLines(group, file)].sort((a, b) => a - b);
      const byCli = [...(checked.get(file) ?? [])].sort((a, b) => a - b);
      return JSON.stringify(byRule) === JSON.stringify(byCli) ? [] : [`${path.relative(fixtures, file)}: rule ${byRule.join(',')}; klog-check ${byCli.join(',')}`];
    });
    expect(differences).toEqual([]);
  });
});
