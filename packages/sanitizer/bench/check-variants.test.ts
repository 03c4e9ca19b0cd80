import { getLogFilter } from '@klog-ts/core';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../src/index.js';
import { checkVariants } from './check-variants.js';
import { VARIANTS, type Variant } from './variants.js';

const filtersOf = (variants: readonly Variant[]) => variants.map((v) => (v.sanitizer === undefined ? undefined : createSanitizer(v.sanitizer).filter));

// The benchmark's own pre-timing check, on one line per variant: no timing here.
describe('checkVariants', () => {
  it('passes every variant of the table: each redacts the values it claims, and no secret is left', () => {
    const { lines, problems } = checkVariants(VARIANTS, filtersOf(VARIANTS));
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(VARIANTS.length);
    expect(getLogFilter()).toBeUndefined();
  });

  it('reports a variant that redacts fewer values than it claims', () => {
    const wrong: Variant[] = [{ name: 'mislabelled', workload: 'W3+secrets', logger: 'klog-ts', sanitizer: { paths: ['request.headers.authorization'] }, redacted: 3, what: 'claims 3' }];
    const { problems } = checkVariants(wrong, filtersOf(wrong));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^mislabelled \(W3\+secrets: claims 3\): 1 \[REDACTED: marker where 3 are expected/);
  });

  it('reports a pino variant whose paths miss the secrets', () => {
    const wrong: Variant[] = [{ name: 'pino-miss', workload: 'W3+secrets', logger: 'pino 9', redact: ['request.nothing'], redacted: 3, what: 'misses' }];
    expect(checkVariants(wrong, [undefined]).problems[0]).toMatch(/^pino-miss .*: 0 \[REDACTED: markers where 3 are expected/);
  });
});
