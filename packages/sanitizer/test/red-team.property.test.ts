import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setLogFilter } from '@klog-ts/core';
import { installSanitizer, type SanitizerMode } from '../src/index.js';
import { HOLDERS, WRAPPERS, type Holder } from './red-team/holders.js';
import { PATHS, resetGlobal, target, type Backend, type LogPath } from './red-team/paths.js';

/**
 * The red team as a property: a tagged secret, held in any of the ways a service can hold one, nested in
 * random containers, logged through a random logger path, backend, mode and scan setting, never reaches
 * the output (as text, base64 or hex), and logging never throws. Seeded: a failure prints fast-check's
 * seed and path; replay it with KLOG_TS_FUZZ_SEED=<seed> KLOG_TS_FUZZ_PATH=<path>. `pnpm fuzz` runs more
 * cases with a random seed (KLOG_TS_FUZZ_SEED=random).
 */
const SEED = process.env.KLOG_TS_FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.KLOG_TS_FUZZ_SEED ?? 20_261_206);
const RUNS = Number(process.env.KLOG_TS_FUZZ_RUNS ?? 10_000);
const PATH = process.env.KLOG_TS_FUZZ_PATH;

interface Case {
  readonly holder: Holder;
  readonly wrappers: readonly (typeof WRAPPERS)[number][];
  readonly path: LogPath;
  readonly backend: Backend;
  readonly mode: SanitizerMode;
  readonly scan: 'entry' | 'objects';
  readonly keys: boolean;
  readonly detectors: boolean;
  readonly afterBinding: boolean;
  readonly secret: string;
}

const cases: fc.Arbitrary<Case> = fc.record({
  holder: fc.constantFrom(...HOLDERS),
  wrappers: fc.array(fc.constantFrom(...WRAPPERS), { maxLength: 3 }),
  path: fc.constantFrom(...PATHS),
  backend: fc.constantFrom<Backend>('text', 'json', 'pino'),
  mode: fc.constantFrom<SanitizerMode>('redact', 'block', 'drop'),
  scan: fc.constantFrom<'entry' | 'objects'>('entry', 'objects'),
  keys: fc.boolean(),
  detectors: fc.boolean(),
  afterBinding: fc.boolean(),
  // A token unlike anything else in a line (long enough for the bearer detector).
  secret: fc.stringMatching(/^[A-Za-z0-9]{14,24}$/).map((s) => `Zq${s}`),
});

/** The forms in which the secret's bytes could leak. */
function leaks(out: string, secret: string): string[] {
  const bytes = Buffer.from(secret);
  const forms = { text: secret, base64: bytes.toString('base64').replace(/=+$/, ''), hex: bytes.toString('hex') };
  return Object.entries(forms).filter(([, form]) => out.includes(form)).map(([name]) => name);
}

function logCase(c: Case): string {
  const detectors = c.detectors || c.holder.needsDetectors === true;
  // scan: 'objects' applies to redact mode without key names or detectors; elsewhere it is 'entry'.
  const scan = c.mode === 'redact' && !c.keys && !detectors ? c.scan : 'entry';
  installSanitizer({ mode: c.mode, scan, keys: c.keys, detectors });
  const unregister = c.holder.register?.();
  try {
    const out = target(c.backend, c.path.global === true);
    const wrap = (value: unknown): unknown => c.wrappers.reduce((inner, wrapper) => wrapper.wrap(inner), value);
    const later = c.afterBinding ? c.holder.later?.(c.secret) : undefined;
    if (later !== undefined) {
      // Bound while empty, filled in afterwards (a password a vault delivers after start-up).
      const bound = out.logger.withValues('config', wrap(later.value));
      later.fill();
      bound.infoS('After binding');
      bound.withName('child').errorS(null, 'Child after binding');
    } else c.path.log(out.logger, wrap(c.holder.make(c.secret)));
    return out.take();
  } finally {
    unregister?.();
  }
}

describe('red team: a tagged secret never reaches the output', () => {
  afterEach(() => setLogFilter(undefined));
  afterAll(resetGlobal);

  it(`through every holder, container, logger path, backend, mode and scan (${RUNS} seeded cases)`, () => {
    fc.assert(
      fc.property(cases, (c) => {
        const out = logCase(c);
        expect(leaks(out, c.secret), `${c.holder.name} in [${c.wrappers.map((w) => w.name).join(', ')}] via ${c.path.name}, ${c.backend}, ${c.mode}, scan ${c.scan}:\n${out}`).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, path: PATH, endOnFailure: true },
    );
    // About 10 s on a quiet 2-core machine; minutes when the machine is shared.
  }, 300_000);

  it('every holder is covered on every path, in every backend, mode and scan (the matrix)', () => {
    const settings = [
      { mode: 'redact', scan: 'objects' },
      { mode: 'redact', scan: 'entry' },
      { mode: 'block', scan: 'entry' },
      { mode: 'drop', scan: 'entry' },
    ] as const;
    const failures: string[] = [];
    for (const holder of HOLDERS) {
      for (const path of PATHS) {
        for (const backend of ['text', 'json', 'pino'] as const) {
          for (const { mode, scan } of settings) {
            const c: Case = { holder, wrappers: [], path, backend, mode, scan, keys: false, detectors: false, afterBinding: false, secret: 'ZqMatrixSecret0123' };
            const out = logCase(c);
            if (leaks(out, c.secret).length > 0) failures.push(`${holder.name} via ${path.name} (${backend}, ${mode}, scan ${scan}): ${out.trim()}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
