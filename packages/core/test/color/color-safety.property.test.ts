import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, KRef, type Logger } from '@klog-ts/core';

/**
 * Colour keeps the text format's guarantees: for entries with hostile strings in every position, the
 * coloured record is the uncoloured one plus SGR colour sequences only (so stripping them gives back bytes
 * the reader parses, and no input character reaches the terminal raw), and every key is coloured.
 * Seeded: replay with KLOG_TS_FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.KLOG_TS_FUZZ_SEED ?? 20_261_207);

/** The sequences the palette emits; anything else that is a control character must not be there. */
// eslint-disable-next-line no-control-regex -- the escape sequences are what this test is about
const OUR_SGR = /\u001b\[(?:1|22|31|32|33|35|36|39)m/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const hostile = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\u001b[2J', '\u001b[36mfake\u001b[39m=', '\nE1206 00:00:00.000000 1 x.go:1] "FORGED"', ' key=1', '"', '<\n\tx\n >', '\u009b31m', 'a\nb', '{"a":"]"}'),
);
const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);

function loggers(): { plain: Logger; colored: Logger; out: { plain: string; colored: string } } {
  const out = { plain: '', colored: '' };
  const common = { clock: () => 1_709_802_303_012, pid: 4242, caller: true } as const;
  const plain = createLogger({ ...common, color: false, output: { write: (s: string) => void (out.plain += s), flush: () => undefined } });
  const colored = createLogger({ ...common, color: true, output: { write: (s: string) => void (out.colored += s), flush: () => undefined } });
  return { plain, colored, out };
}

describe('coloured text keeps the log-injection guarantees', () => {
  it('adds only colour sequences, colours every key, and strips back to the plain record (1,000 seeded cases)', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.uniqueArray(key, { minLength: 1, maxLength: 4 }), fc.array(hostile, { minLength: 4, maxLength: 4 }), (message, name, errText, keys, values) => {
        const { plain, colored, out } = loggers();
        const kv = keys.flatMap((k, i) => [k, i === 1 ? KRef('ns', values[i]) : values[i]]);
        for (const logger of [plain, colored]) {
          logger.withName(name).withValues('bound', values[0]).errorS(new Error(errText), message, ...kv);
          logger.infoS('Hostile key', values[1], 1);
        }
        expect(stripVTControlCharacters(out.colored)).toBe(out.plain);
        expect(out.colored.replace(OUR_SGR, '')).toBe(out.plain);
        expect(CONTROL.test(out.plain)).toBe(false);
        expect(out.colored.startsWith('\u001b[31mE\u001b[39m')).toBe(true);
        for (const k of ['logger', 'bound']) expect(out.colored).toContain(`\u001b[36m${k}\u001b[39m=`);
        // klog writes an object reference raw between quotes: one whose name holds `" ` reads ambiguously
        // (not a valid Kubernetes name), and colouring may stop there; the record is still exact (above).
        if (!values[1].includes('" ')) for (const k of keys) expect(out.colored).toContain(` \u001b[36m${k}\u001b[39m=`);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});
