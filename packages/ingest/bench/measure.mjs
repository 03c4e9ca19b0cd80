// One benchmark run in a fresh process: `node measure.mjs RUN_CLI_JS ARGS...` runs the klog-ts CLI (a built
// run-cli.js) in this process with stdout to /dev/null and prints {cpu, wall, code} as JSON: the CPU time
// (user + system, process.cpuUsage) and the wall time of the run alone, without Node's start-up.
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const [cli, ...args] = process.argv.slice(2);
const { runCli } = await import(pathToFileURL(cli).href);
const stdout = createWriteStream('/dev/null');
let stderr = '';
let count = '';
const out = args.includes("--count") ? { write: (text) => ((count += text), true), on: () => undefined, once: () => undefined, off: () => undefined } : stdout;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const code = await runCli(args, { stdin: Readable.from([]), stdout: out, stderr: { write: (text) => void (stderr += text) }, now: Date.now });
const wall = (performance.now() - wall0) / 1000;
const cpu = process.cpuUsage(cpu0);
await new Promise((resolve) => stdout.end(resolve));
process.stdout.write(`${JSON.stringify({ cpu: (cpu.user + cpu.system) / 1e6, wall, code, count: count.trim(), stderr: stderr.slice(0, 500) })}\n`);
