// One measured run in its own process (so peak RSS is this run's): prints a JSON line on stdout.
import { analyzeProject } from '../src/index.js';

const [dir, typeErrors] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: measure.ts DIR [typeErrors]');
const started = process.hrtime.bigint();
const result = await analyzeProject({ tsconfig: dir, typeErrors: typeErrors === 'true' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    files: result.files,
    findings: result.findings.length,
    diagnostics: result.diagnostics.length,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
