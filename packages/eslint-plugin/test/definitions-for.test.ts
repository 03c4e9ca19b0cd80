import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionsFor } from '../src/secrets/definitions-for.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klog-defs-'));
const programAt = (tsconfig: string | undefined) =>
  ({ getCompilerOptions: () => ({ configFilePath: tsconfig }) }) as unknown as ts.Program;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('definitionsFor', () => {
  it('uses the checker defaults when no config file is beside the tsconfig', () => {
    const defs = definitionsFor(programAt(path.join(dir, 'none/tsconfig.json')), {}, dir);
    expect(defs.isCredentialName('dbPassword')).toBe(true);
    expect(defs.isCredentialName('pin')).toBe(false);
    expect(defs.isSanitizer('createHash')).toBe(true);
  });

  it('reads klog-check.config.json beside the tsconfig, and inline options add to it', () => {
    const project = path.join(dir, 'with-config');
    fs.mkdirSync(project, { recursive: true });
    fs.writeFileSync(
      path.join(project, 'klog-check.config.json'),
      JSON.stringify({ sources: { names: ['pin'] }, sinks: [{ module: './audit.ts', methods: ['record'] }] }),
    );
    const defs = definitionsFor(programAt(path.join(project, 'tsconfig.json')), { sanitizers: ['scramble'] }, dir);
    expect(defs.isCredentialName('userPin')).toBe(true);
    expect(defs.isSanitizer('scramble')).toBe(true);
    // A relative sink path is resolved against the config file's directory.
    expect(defs.sinks.some((s) => s.module === path.join(project, 'audit.ts') && s.methods.includes('record'))).toBe(true);
  });

  it('names the bad field of an invalid inline option', () => {
    expect(() => definitionsFor(programAt(undefined), { sanitizers: [''] }, dir)).toThrow(
      /no-secret-logging options: sanitizers\[0\] must be a non-empty string/,
    );
  });

  it('names the file when the configured config file is missing', () => {
    expect(() => definitionsFor(programAt(undefined), { configFile: 'missing/klog-check.config.json' }, dir)).toThrow(
      /missing\/klog-check\.config\.json.*cannot be read/,
    );
  });
});
