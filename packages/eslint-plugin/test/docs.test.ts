import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../src/index.js';
import { fixturesDir } from './rule-tester.js';

// typescript-eslint's docs.test.mts, for this plugin: a rule, its test and its doc cannot drift apart.

const packageDir = path.join(import.meta.dirname, '..');
const ruleNames = Object.keys(rules).sort();
type RuleName = keyof typeof rules;

function baseNames(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(path.join(packageDir, dir))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

/** The lines of each `##`/`###` section of a Markdown page, by heading (code fences are not headings). */
function sections(markdown: string): { heading: string; level: number; body: string[] }[] {
  const result: { heading: string; level: number; body: string[] }[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const match = inFence ? null : /^(#{1,3}) (.*)$/.exec(line);
    if (match) result.push({ heading: match[2] ?? '', level: match[1]?.length ?? 0, body: [] });
    else result.at(-1)?.body.push(line);
  }
  return result;
}

function codeBlocks(lines: readonly string[]): string[] {
  return lines.join('\n').match(/```ts\n[\s\S]*?```/g)?.map((block) => block.slice('```ts\n'.length, -3)) ?? [];
}

function lint(name: RuleName, code: string, typed: boolean): LinterType.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const config: LinterType.Config = {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
    },
    plugins: { '@klog-ts': plugin as unknown as NonNullable<LinterType.Config['plugins']>[string] },
    rules: { [`@klog-ts/${name}`]: 'error' },
  };
  return linter.verify(code, config, { filename: path.join(fixturesDir, typed ? 'file.ts' : 'example.ts') });
}

describe('rule triplets', () => {
  it('has exactly the rules whose names are the public contract', () => {
    expect(ruleNames).toEqual(
      [
        'contextual',
        'deprecations',
        'inherited-stringer',
        'key-naming',
        'kv-pairs',
        'message-style',
        'no-secret-logging',
        'prefer-kobj',
        'structured',
        'verbosity',
      ].sort(),
    );
  });

  it('has the configs recommended, recommended-type-checked and strict, built from the rules', () => {
    const enabled = (config: keyof typeof plugin.configs) => Object.keys(plugin.configs[config].rules ?? {}).sort();
    const all = ruleNames.map((name) => `@klog-ts/${name}`);
    expect(enabled('strict')).toEqual(all);
    const strictOnly = ['@klog-ts/contextual', '@klog-ts/inherited-stringer'];
    expect(enabled('recommended-type-checked')).toEqual(all.filter((r) => !strictOnly.includes(r)));
    expect(enabled('recommended')).toEqual(all.filter((r) => !strictOnly.includes(r) && r !== '@klog-ts/no-secret-logging'));
    expect(plugin.configs.recommended.plugins?.['@klog-ts']).toBe(plugin);
  });

  it('every rule has a source, a test and a doc page, and every such file a rule', () => {
    expect(baseNames('src/rules', '.ts').filter((name) => name !== 'index')).toEqual(ruleNames);
    expect(baseNames('test/rules', '.test.ts')).toEqual(ruleNames);
    expect(baseNames('docs/rules', '.md')).toEqual(ruleNames);
  });
});

describe.each(ruleNames as RuleName[])('%s', (name) => {
  const rule = rules[name];
  const docs = rule.meta.docs;
  if (!docs) throw new Error(`rule ${name} has no meta.docs`);
  const page = fs.readFileSync(path.join(packageDir, 'docs/rules', `${name}.md`), 'utf8');
  const parts = sections(page);
  const section = (heading: string) => parts.find((part) => part.heading === heading);

  it('is named for its file, and its docs URL points at its page', () => {
    expect(rule.name).toBe(name);
    expect(docs.url).toMatch(new RegExp(`/packages/eslint-plugin/docs/rules/${name}\\.md$`));
  });

  it('has a page with the title, the description and the sections in order', () => {
    const lines = page.split('\n');
    expect(lines[0]).toBe(`# \`@klog-ts/${name}\``);
    expect(lines[2]).toBe(`> ${docs.description}`);
    expect(parts.filter((p) => p.level === 2).map((p) => p.heading)).toEqual([
      'Examples',
      'Options',
      'When not to use it',
      'Related',
    ]);
    expect(parts.filter((p) => p.level === 3).map((p) => p.heading).slice(0, 2)).toEqual(['Incorrect', 'Correct']);
  });

  it('states its config, its use of types and its fixes as the rule declares them', () => {
    const config = docs.recommended === undefined ? 'none' : `\`${docs.recommended}\``;
    const row = page.split('\n').find((line) => line.startsWith('| `') || line.startsWith('| none'));
    const [cfg, types, fixes] = (row ?? '').split('|').slice(1, 4).map((cell) => cell.trim());
    expect(cfg).toBe(config);
    expect(types === 'required').toBe(docs.requiresTypeChecking);
    const meta = rule.meta as { fixable?: string; hasSuggestions?: boolean };
    expect(fixes).toBe(meta.fixable ? 'automatic' : meta.hasSuggestions ? 'suggestion' : 'none');
  });

  it('documents every option of its schema', () => {
    const body = section('Options')?.body.join('\n') ?? '';
    const schema = rule.meta.schema as readonly { properties?: Record<string, { description?: string }> }[];
    const options = schema.flatMap((item) => Object.entries(item.properties ?? {}));
    if (options.length === 0) expect(body).toContain('This rule has no options.');
    for (const [option, spec] of options) {
      expect(body).toContain(`- \`${option}\``);
      expect(spec.description, `schema description of ${option}`).toBeTruthy();
    }
  });

  it('reports every incorrect example and none of the correct ones', () => {
    const typed = docs.requiresTypeChecking;
    const incorrect = codeBlocks(section('Incorrect')?.body ?? []);
    const correct = codeBlocks(section('Correct')?.body ?? []);
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
    for (const code of incorrect) {
      const messages = lint(name, code, typed);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.length, code).toBeGreaterThan(0);
    }
    for (const code of correct) expect(lint(name, code, typed), code).toEqual([]);
  });

  it('needs type information exactly when it declares requiresTypeChecking', () => {
    const code = "import { infoS } from '@klog-ts/core';\ndeclare const password: string;\ninfoS('Login', 'password', password);";
    const run = () => lint(name, code, false);
    if (docs.requiresTypeChecking) expect(run).toThrow(/type information/);
    else expect(run).not.toThrow();
  });

  it('is listed in the README with its description', () => {
    const readme = fs.readFileSync(path.join(packageDir, 'README.md'), 'utf8');
    expect(readme).toContain(`| [\`${name}\`](docs/rules/${name}.md) | ${docs.description} |`);
  });
});
