import { readFileSync } from 'node:fs';
import { insertCallSites } from '@klog-ts/core/call-sites';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const adapter = readFileSync(new URL('../src/adapters/klog-call-sites.ts', import.meta.url), 'utf8');

describe('the build-time call-site variant', () => {
  it('makes the W2 call exactly as the call-site loader writes it, on the line it names', () => {
    const lines = adapter.split('\n');
    const index = lines.findIndex((line) => line.includes('callMethodAt(FILE,'));
    const written = lines[index].trim();
    expect(written).toMatch(new RegExp(`^callMethodAt\\(FILE, ${index + 1}, log, 'infoS', `));

    // What the loader makes of the plain call on that line of this file.
    const plain = written.replace(/^callMethodAt\(FILE, \d+, log, 'infoS', /, 'log.infoS(');
    const source = `import { createLogger } from '@klog-ts/core';${'\n'.repeat(index)}${plain}`;
    const loaded = insertCallSites(ts, source, '/src/a.ts').split('\n')[index];
    expect(loaded).toBe(written.replace(/^callMethodAt\(FILE, (\d+), log, 'infoS', /, '__klogCallMethodAt("/src/a.ts", $1, log, "infoS", '));
  });
});
