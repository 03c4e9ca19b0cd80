import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configure } from '@klog-ts/core';
import { CaseFileError, parseCaseFile } from './case-file.js';
import type { CaseFormat } from './replay.js';
import { runCases } from './run-cases.js';

const USAGE = 'usage: pnpm conformance --cases FILE [--cases FILE ...] [--format text|json]';

function fail(message: string): never {
  process.stderr.write(`conformance: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function isCaseFormat(format: string | undefined): format is CaseFormat | undefined {
  return format === undefined || format === 'text' || format === 'json';
}

function main(argv: string[]): number {
  let values: { cases?: string[]; format?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { cases: { type: 'string', multiple: true }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.cases === undefined || values.cases.length === 0) fail('--cases FILE is required');
  const format = values.format;
  if (!isCaseFormat(format)) fail(`--format must be text or json, not ${JSON.stringify(format)}`);
  let passed = 0;
  let failed = 0;
  for (const file of values.cases) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let cases;
    try {
      cases = parseCaseFile(text, file);
    } catch (error) {
      if (error instanceof CaseFileError) fail(error.message);
      throw error;
    }
    for (const outcome of runCases(cases, format)) {
      if (outcome.passed) {
        passed++;
        if (outcome.deviation !== undefined) process.stdout.write(`DEVIATES ${file} ${outcome.id}\n${outcome.deviation.replace(/^/gm, '    ')}\n`);
      } else {
        failed++;
        process.stdout.write(`FAIL ${file} ${outcome.id}\n${outcome.report.replace(/^/gm, '    ')}\n`);
      }
    }
  }
  // Leave the global logger as a user would expect it after the replays.
  configure({ format: 'text', verbosity: 0, vmodule: '', headers: true, unsafeRawText: false, output: process.stderr });
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
