/** The benchmark's harness, not its numbers: every variant logs what the page says it does. */
import { describe, expect, it } from 'vitest';
import { checkVariants } from '../bench/check-variants.js';
import { benchServers } from '../bench/servers.js';

describe('pnpm bench:http', () => {
  it('has bare, klog-ts (JSON and text) and pino-http, each writing one access line per request (bare none)', async () => {
    expect(benchServers('/dev/null').map((server) => server.name)).toEqual(['bare', 'klog-ts json', 'klog-ts text', 'pino-http']);
    expect(await checkVariants()).toEqual([]);
  });
});
