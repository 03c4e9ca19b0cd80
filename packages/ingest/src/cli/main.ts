#!/usr/bin/env node
/** The `klog-ts` command: see help-text.ts, or run `klog-ts --help`. */
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: Date.now,
});
