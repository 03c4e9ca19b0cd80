import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { readExpectations } from '../../checker/test/corpus-expectations.js';
import plugin from '../src/index.js';

// One definition of a secret: `no-secret-logging` runs on klog-check's own fixture corpus, whose sink lines
// are marked `// expect-finding: <kind>` or `// expect-clean`, and must agree with it line by line.

const corpus = path.join(import.meta.dirname, '../../checker/test/fixtures/corpus');

/**
 * Findings the rule cannot make by design: the secret reaches the sink only through a caller in another
 * file (`audit(event, describe(creds))`), and a lint rule sees the file under lint, not who calls it.
 */
const NEEDS_CALLERS = new Set(['src/40-cross-file/audit.ts:6']);

function reportedLines(file: string): Set<number> {
  const config: LinterType.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: corpus } },
    plugins: { '@klog-ts': plugin as unknown as NonNullable<LinterType.Config['plugins']>[string] },
    rules: { '@klog-ts/no-secret-logging': 'error' },
  };
  const messages = new Linter({ configType: 'flat' }).verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return new Set(messages.map((m) => m.line));
}

describe('no-secret-logging on the checker corpus', () => {
  const expectations = readExpectations(path.join(corpus, 'src'));
  const reported = new Map<string, Set<number>>();
  const lines = (file: string): Set<number> => {
    let hit = reported.get(file);
    if (!hit) reported.set(file, (hit = reportedLines(file)));
    return hit;
  };
  const where = (e: (typeof expectations)[number]) => `${path.relative(corpus, e.file)}:${e.line}`;

  it('has a corpus to compare with', () => {
    expect(expectations.filter((e) => e.kind !== undefined).length).toBeGreaterThan(20);
    expect(expectations.filter((e) => e.kind === undefined).length).toBeGreaterThan(20);
  });

  it('reports no line the checker expects clean', () => {
    const falseAlarms = expectations.filter((e) => e.kind === undefined && lines(e.file).has(e.line)).map(where);
    expect(falseAlarms, `reported: ${falseAlarms.join(', ')}`).toEqual([]);
  });

  // The corpus grows with the checker (held-out cases included), so agreement on findings is a floor
  // rather than an exact list; the misses are named when it fails.
  it('finds at least 90% of the findings the checker expects, and the ones only callers explain are missed', () => {
    const expected = expectations.filter((e) => e.kind !== undefined && !NEEDS_CALLERS.has(where(e)));
    const missed = expected.filter((e) => !lines(e.file).has(e.line)).map(where);
    expect(missed.length / expected.length, `missed: ${missed.join(', ')}`).toBeLessThanOrEqual(0.1);
    for (const known of NEEDS_CALLERS) {
      const [file = '', line = ''] = known.split(':');
      expect(lines(path.join(corpus, file)).has(Number(line)), known).toBe(false);
    }
  });
});
