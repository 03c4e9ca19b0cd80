// A child process of the peak-RSS measurement: loads one library (or none, for the baseline), runs its W2
// to /dev/null, and prints `{"maxRssKiB": n}`. Usage: rss-child.ts <library|none> <lines> <rounds>.
import { loadAdapter, type LibraryId } from './variants.js';

const [library = '', lines = '0', rounds = '0'] = process.argv.slice(2);
if (library !== 'none') {
  const adapter = await loadAdapter(library as LibraryId);
  const runner = adapter('W2', { kind: 'sync', path: '/dev/null' });
  if (runner === undefined) throw new Error(`${library} has no W2`);
  for (let round = 0; round < Number(rounds); round++) await runner.run(Number(lines));
  await runner.close();
}
process.stdout.write(`${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
