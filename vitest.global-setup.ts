import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file of a test run goes under one directory of its own, removed when the run ends, so
 * the suite leaves nothing behind even where a test (or a process it starts) forgets to clean up. Workers
 * and child processes start after this and inherit TMPDIR, which os.tmpdir() reads.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'klog-ts-test-run-'));
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
  return () => {
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0 && process.env.KLOG_TS_REPORT_TEMP === '1') process.stderr.write(`temporary entries left by tests: ${left.join(', ')}\n`);
  };
}
