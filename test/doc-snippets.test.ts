/**
 * Docs that compile: every ```ts (or ```typescript) fence of the READMEs and package docs is type-checked,
 * each as an ES module of its own, with the repository's compiler options (`@klog-ts/*` resolves to the
 * workspace sources), in one program. A failure reads `page.md:line: TSxxxx message`.
 *
 * The convention for fences:
 * - ```ts is a complete module: it imports what it uses, and declares (`declare const pod: …`) what the
 *   prose leaves to the reader. The ESLint rule docs' examples are ```ts too: the plugin's docs test lints
 *   them with their rule, this one compiles them.
 * - ```ts ignore is TypeScript that cannot be a program (a fragment of a declaration); it is highlighted,
 *   not checked, and counted as skipped.
 * - Output, commands and configuration take their own info string (```sh, ```json) or none.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFences } from './src/code-fences.js';
import { snippetCompilerOptions, typeCheckSnippets, type Snippet } from './src/type-check-snippets.js';

const ROOT = path.join(import.meta.dirname, '..');
const PAGES = ['README.md', 'packages/*/README.md', 'packages/*/docs/**/*.md', 'examples/*/README.md', 'tools/*/README.md'];
const TYPESCRIPT = new Set(['ts', 'typescript']);

function snippets(page: string, markdown: string): { checked: Snippet[]; skipped: Snippet[] } {
  const fences = codeFences(markdown).filter((fence) => TYPESCRIPT.has(fence.lang));
  const snippet = ({ line, code }: { line: number; code: string }): Snippet => ({ page, line, code });
  return {
    checked: fences.filter((fence) => !fence.flags.includes('ignore')).map(snippet),
    skipped: fences.filter((fence) => fence.flags.includes('ignore')).map(snippet),
  };
}

/** A page of its own, checked in the same program, so that a failure is known to be reported, and where. */
const CANARY = {
  page: 'canary.md',
  markdown: [
    '# Canary',
    '',
    '- A list item:',
    '',
    '  ```ts',
    "  import { KObj } from '@klog-ts/core';",
    '',
    "  const ref: string = KObj({ metadata: { name: 'web' } });",
    '  ```',
    '',
    '```typescript ignore',
    'not a program',
    '```',
  ].join('\n'),
  failures: [
    "canary.md:8: TS2322 Type 'ObjectRef' is not assignable to type 'string'.",
  ],
};

const files = execFileSync('git', ['ls-files', '-z', '--', ...PAGES.map((glob) => `:(glob)${glob}`)], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);
const pages = files.map((page) => snippets(page, readFileSync(path.join(ROOT, page), 'utf8')));
const checked = pages.flatMap((page) => page.checked);
const skipped = pages.flatMap((page) => page.skipped);
const canary = snippets(CANARY.page, CANARY.markdown);

describe('README and docs snippets', () => {
  it(`type-check: ${checked.length} fences checked, ${skipped.length} skipped (\`\`\`ts ignore), in ${files.length} pages`, () => {
    expect(files).toContain('packages/core/README.md');
    expect(canary.checked).toHaveLength(1);
    expect(canary.skipped).toHaveLength(1);

    const failures = typeCheckSnippets([...canary.checked, ...checked], path.join(ROOT, 'test', '.doc-snippets'), snippetCompilerOptions(ROOT));

    expect(failures.filter((failure) => failure.startsWith(`${CANARY.page}:`))).toEqual(CANARY.failures);
    expect(failures.filter((failure) => !failure.startsWith(`${CANARY.page}:`))).toEqual([]);
    // One program over every fence, Express's and Fastify's types included: 25-40 s on a loaded 2-core box.
  }, 120_000);
});
