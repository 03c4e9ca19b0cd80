import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../src/index.js';
import type { LineAnnotation } from './logcheck-parity/annotations.js';
import { readAnnotations } from './logcheck-parity/annotations.js';
import type { KindName } from './logcheck-parity/kinds.js';
import { DEFAULT_CHECKS, eslintRules, kindOf, KINDS, NO_TS_MEANING, PLUGIN_ONLY, SUGGESTIONS } from './logcheck-parity/kinds.js';
import { checksFor, RUNS } from './logcheck-parity/runs.js';
import type { FileResult, Report } from './logcheck-parity/score.js';
import { compare } from './logcheck-parity/score.js';
import { fixturesDir } from './rule-tester.js';

// Parity with a suite nobody here wrote: logcheck's own test data (kubernetes-sigs/logtools,
// logcheck/testdata/src), translated line for line into klog-ts in test/fixtures/logcheck, linted under each
// of logcheck's test runs (logcheck/main_test.go) with its checks mapped to the plugin's rules. Every
// diagnostic logcheck's test expects must be reported, and nothing else that logcheck checks.
// docs/logcheck-parity.md explains the mapping; the README shows the score this test computes.

const packageDir = path.join(import.meta.dirname, '..');
const dataDir = path.join(fixturesDir, 'logcheck');
const STAND_INS = '../klog-next.js';

/** The translated files of a package of the test data (its own directory, not its subpackages). */
function packageFiles(testPackage: string): string[] {
  return fs
    .readdirSync(path.join(dataDir, testPackage))
    .filter((file) => file.endsWith('.ts'))
    .sort();
}

/** Lints one translated file under the checks of one run; returns its reports as kinds, and its call lines. */
function lintFile(file: string, rulesConfig: LinterType.RulesRecord): { reports: Report[]; pluginOnly: number; callLines: Set<number> } {
  const config: LinterType.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dataDir } },
    plugins: { '@klog-ts': plugin as unknown as NonNullable<LinterType.Config['plugins']>[string] },
    settings: { '@klog-ts': { modules: [STAND_INS] } },
    rules: rulesConfig,
  };
  const linter = new Linter({ configType: 'flat', cwd: dataDir });
  const messages = linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
  const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
  if (fatal.length > 0) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  const reports: Report[] = [];
  let pluginOnly = 0;
  for (const m of messages) {
    const source = `${(m.ruleId ?? '').replace('@klog-ts/', '')}/${m.messageId ?? ''}`;
    const kind = kindOf(source);
    if (kind === undefined) pluginOnly++;
    else reports.push({ line: m.line, column: m.column, kind, source });
  }
  return { reports, pluginOnly, callLines: callLines(linter.getSourceCode()) };
}

function callLines(sourceCode: ReturnType<Linter['getSourceCode']>): Set<number> {
  const lines = new Set<number>();
  const visit = (node: { type: string; loc: { start: { line: number } } }): void => {
    if (node.type === 'CallExpression') lines.add(node.loc.start.line);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as typeof node);
      }
    }
  };
  visit(sourceCode.ast);
  return lines;
}

interface RunResult {
  readonly run: string;
  readonly file: string;
  readonly result: FileResult;
  readonly pluginOnly: number;
  readonly annotations: ReadonlyMap<number, LineAnnotation>;
}

const results: RunResult[] = RUNS.flatMap((run) =>
  packageFiles(run.testPackage).map((name) => {
    const file = path.join(dataDir, run.testPackage, name);
    const annotations = readAnnotations(fs.readFileSync(file, 'utf8'), path.relative(dataDir, file));
    const rulesConfig = eslintRules(checksFor(run, name.replace(/\.ts$/, '.go')));
    const { reports, pluginOnly, callLines: calls } = lintFile(file, rulesConfig);
    return { run: run.name, file: path.relative(dataDir, file), result: compare(annotations, reports, calls), pluginOnly, annotations };
  }),
);

const sum = (pick: (r: RunResult) => number): number => results.reduce((total, r) => total + pick(r), 0);

/** What the Go cases without a TypeScript meaning expect, by reason, counted per run as the others are. */
function untranslatable(): Map<string, { expected: number; lines: number }> {
  const byReason = new Map<string, { expected: number; lines: number }>();
  for (const { annotations } of results) {
    for (const annotation of annotations.values()) {
      if (annotation.status !== 'n/a' || annotation.reason === undefined) continue;
      const entry = byReason.get(annotation.reason) ?? { expected: 0, lines: 0 };
      entry.expected += annotation.want.length;
      entry.lines++;
      byReason.set(annotation.reason, entry);
    }
  }
  return byReason;
}

/** The score table of the README, between its markers. */
function scoreTable(): string {
  const t = (pick: (r: FileResult) => number) => sum((r) => pick(r.result));
  const row = (what: string, bucket: 'translated' | 'pending') =>
    `| ${what} | ${t((r) => r.expected[bucket])} | ${t((r) => r.found[bucket])} | ${t((r) => r.expected[bucket] - r.found[bucket])} | ${t((r) => r.falseAlarmCount[bucket])} | ${t((r) => r.cleanLines[bucket])} |`;
  const na = [...untranslatable().values()].reduce((n, e) => n + e.expected, 0);
  return [
    `| logcheck's test data, ${RUNS.length} runs | diagnostics logcheck expects | reported | missed | false alarms | clean lines |`,
    '|---|---|---|---|---|---|',
    row('translated to klog-ts', 'translated'),
    row("pending: klog's Fatal, Exit and `*Depth` functions, through stand-ins", 'pending'),
    `| no TypeScript meaning: \`context.Context\` parameters, klogr helpers, \`TODO()\` | ${na} | – | – | – | – |`,
    '',
    `Not false alarms: ${t((r) => r.shadowed.length)} reports logcheck does not make because it stops at its first finding on a call or`,
    `a key. Not scored: ${sum((r) => r.pluginOnly)} reports of checks logcheck does not have (message capitalization, say).`,
  ].join('\n');
}

describe("logcheck's test data, translated", () => {
  it('type-checks against klog-ts (its workspace sources) as written', () => {
    const configFile = path.join(dataDir, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new Error(`cannot read ${configFile}`);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it("classifies every report of the mapped rules: a logcheck kind, a check logcheck lacks, or a suggestion", () => {
    const mapped = Object.keys(eslintRules(DEFAULT_CHECKS)).map((name) => name.replace('@klog-ts/', '')) as (keyof typeof rules)[];
    for (const name of mapped) {
      for (const messageId of Object.keys(rules[name].meta.messages)) {
        const id = `${name}/${messageId}`;
        const classified = SUGGESTIONS.has(id) || PLUGIN_ONLY.has(id) || Object.values(KINDS).some((k) => (k.reportedBy as readonly string[]).includes(id));
        expect(classified, id).toBe(true);
      }
    }
  });

  it('runs every package of the test data', () => {
    expect(results.length).toBeGreaterThan(RUNS.length);
    for (const run of RUNS) expect(packageFiles(run.testPackage).length, run.name).toBeGreaterThan(0);
  });

  describe.each(results.map((r) => [`${r.run} › ${r.file}`, r] as const))('%s', (_name, { result }) => {
    it('reports every diagnostic logcheck expects', () => {
      expect(result.missed).toEqual([]);
    });

    it('reports nothing logcheck does not', () => {
      expect(result.falseAlarms).toEqual([]);
    });
  });

  it('explains every reason a Go case has no TypeScript meaning, and the README shows the score', () => {
    const doc = fs.readFileSync(path.join(packageDir, 'docs/logcheck-parity.md'), 'utf8');
    for (const reason of Object.keys(NO_TS_MEANING)) expect(doc).toContain(`\`${reason}\``);
    for (const kind of Object.keys(KINDS) as KindName[]) expect(doc).toContain(`\`${kind}\``);
    const readme = fs.readFileSync(path.join(packageDir, 'README.md'), 'utf8');
    const block = /<!-- logcheck-parity:start[^>]*-->\n([\s\S]*?)\n<!-- logcheck-parity:end -->/.exec(readme)?.[1];
    expect(block, 'the README score, as this test computes it').toBe(scoreTable());
  });
});
