import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nodeArgsFor, REPO_ROOT } from './node-script.js';
import type { LibraryId } from './variants.js';

/** The libraries whose peak RSS is compared; `none` is Node and tsx with no logger, the baseline. */
export const RSS_LIBRARIES: readonly { library: LibraryId | 'none'; label: string }[] = [
  { library: 'none', label: 'baseline: Node + tsx, no logger' },
  { library: 'pino', label: 'pino' },
  { library: 'klog-json', label: 'klog-ts JSON' },
  { library: 'klog-text', label: 'klog-ts text' },
  { library: 'winston', label: 'winston' },
  { library: 'bunyan', label: 'bunyan' },
];

export interface PeakRss {
  library: LibraryId | 'none';
  label: string;
  maxRssKiB: number;
}

const child = fileURLToPath(new URL('rss-child.ts', import.meta.url));
const run = promisify(execFile);

/**
 * Runs one library's W2 (`rounds` × `lines` lines, sync destination to /dev/null) in a fresh process and
 * reads its `process.resourceUsage().maxRSS`, so that no other library's modules or heap count against it.
 */
export async function measurePeakRss(entry: (typeof RSS_LIBRARIES)[number], lines: number, rounds: number): Promise<PeakRss> {
  const args = nodeArgsFor(child, [entry.library, String(lines), String(rounds)]);
  const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  const { maxRssKiB } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { maxRssKiB: number };
  return { ...entry, maxRssKiB };
}
