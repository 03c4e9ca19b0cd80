import { describe, expect, it } from 'vitest';
import { measurePeakRss, RSS_LIBRARIES } from '../src/peak-rss.js';

describe('measurePeakRss', () => {
  it('runs a library in its own process and reads its peak RSS', async () => {
    const pino = RSS_LIBRARIES.find((entry) => entry.library === 'pino')!;
    const measured = await measurePeakRss(pino, 200, 1);
    expect(measured.library).toBe('pino');
    // Node alone takes tens of MiB; a bogus reading (0, bytes instead of KiB) would fall outside.
    expect(measured.maxRssKiB).toBeGreaterThan(20 * 1024);
    expect(measured.maxRssKiB).toBeLessThan(2 * 1024 * 1024);
  });
});
