#!/usr/bin/env node
// The `klog-check` command: `pnpm klog-check` runs this file from source, the `bin` runs its build.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
