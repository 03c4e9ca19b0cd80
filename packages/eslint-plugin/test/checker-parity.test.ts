import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fixtureGroups, readExpectations } from '../../checker/test/corpus-expectations.js';
import plugin from '../src/index.js';

// One definition of a secret: `no-secret-logging` runs on every group of klog-check's fixture corpus (the
// corpus, the held-out programs, the interface variants, ...), whose sink lines are marked
// `// expect-finding: <kind>` or `// expect-clean`, and must agree with it line by line.

const fixtures = path.join(import.meta.dirname, '../../checker/test/fixtures');
const doc = fs.readFileSync(path.join(import.meta.dirname, '../docs/rules/no-secret-logging.md'), 'utf8');

/**
 * Findings a lint rule cannot make, each with its reason (listed in docs/rules/no-secret-logging.md): the
 * secret reaches the sink only through the callers of a function, and the rule follows what the file under
 * lint calls, not who calls it.
 */
const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map([
  ['corpus/src/40-cross-file/audit.ts:6', 'the secret is passed to audit() by a caller in another file'],
  ['variants/src/76-generic-store.ts:21', 'the secret enters the store through another call on the same object (keys.put), a caller of put()'],
  ['variants/src/83-deep-call-chain.ts:6', "the secret reaches level3()'s parameter only through three levels of callers"],
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
  return new Set(messages.map((m) => m.line));
}

const groups = fixtureGroups(fixtures);

it('compares every fixture group, the held-out programs and the interface variants included', () => {
  expect(groups.map((g) => path.basename(g))).toEqual(expect.arrayContaining(['corpus', 'held-out', 'interfaces']));
});

it('documents each known difference with its reason', () => {
  for (const [where, reason] of KNOWN_DIFFERENCES) expect(doc, where).toContain(`\`${where}\`: ${reason}`);
});

describe.each(groups.map((g) => [path.basename(g), g] as const))('no-secret-logging on the checker fixtures: %s', (_name, group) => {
  const expectations = readExpectations(group);
  const reported = new Map<string, Set<number>>();
  const lines = (file: string): Set<number> => {
    let hit = reported.get(file);
    if (!hit) reported.set(file, (hit = reportedLines(group, file)));
    return hit;
  };
  const where = (e: (typeof expectations)[number]) => `${path.relative(fixtures, e.file)}:${e.line}`;

  it('reports no line the checker expects clean', () => {
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
