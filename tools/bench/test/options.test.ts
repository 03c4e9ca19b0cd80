import { describe, expect, it } from 'vitest';
import { DEFAULT_DOC, parseOptions } from '../src/options.js';
import { runSanitizerBench } from '../src/sanitizer-hook.js';
import { WORKLOADS } from '../src/workloads.js';

describe('parseOptions', () => {
  it('defaults to the issue: 100,000 lines, 7 rounds, every workload, the doc', () => {
    expect(parseOptions([])).toEqual({
      rounds: 7,
      roundsGiven: false,
      warmup: 2,
      lines: 100_000,
      workloads: WORKLOADS,
      sanitizer: undefined,
      rss: true,
      out: DEFAULT_DOC,
      help: false,
    });
  });

  it('reads the flags; a partial run writes no doc unless asked', () => {
    const options = parseOptions(['--rounds', '3', '--lines=500', '--only', 'w5,W2', '--no-rss', '--with-sanitizer']);
    expect(options).toMatchObject({ rounds: 3, roundsGiven: true, lines: 500, workloads: ['W2', 'W5'], rss: false, sanitizer: true, out: undefined });
    expect(parseOptions(['--only', 'W4']).workloads).toEqual(['W4', 'W4c']);
    expect(parseOptions(['--only', 'W1', '--out', 'x.md']).out).toBe('x.md');
    expect(parseOptions(['--no-doc']).out).toBeUndefined();
  });

  it.each([
    [['--rounds', '0'], '--rounds must be an integer ≥ 1, got "0"'],
    [['--lines', '1e5'], '--lines must be an integer ≥ 1, got "1e5"'],
    [['--warmup', '-1'], /--warmup/],
    [['--only', 'W2,W9'], '--only: unknown workload "W9" (known: W1, W2, W3, W4, W4c, W5)'],
    [['--only', ','], '--only needs at least one workload, got ","'],
    [['--fast'], /--fast/],
    [['--with-sanitizer', '--no-sanitizer'], '--with-sanitizer and --no-sanitizer contradict each other'],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message);
  });
});

describe('runSanitizerBench', () => {
  it('does nothing when told not to', async () => {
    await expect(runSanitizerBench({ mode: false, lines: 10, rounds: undefined, doc: false })).resolves.toEqual({ status: 'skipped', message: '--no-sanitizer' });
  });
});
