/* eslint-disable @klog-ts/no-secret-logging -- these tests log secrets on purpose: the runtime sanitizer must redact them. */
import { describe, expect, it } from 'vitest';
import { createSanitizer, datapolicy, installSanitizer, sanitize } from '../src/index.js';
import { capturePinoLogger, resetFilterAfterEach } from './capture.js';

/** A Map subclass with a tagged field: pino's JSON.stringify writes a Map's own fields (and not its entries). */
class Pool extends Map<string, number> {
  @datapolicy('password') password = 'pw-pool-1';
  name = 'primary';
}

class Tags extends Set<string> {
  @datapolicy('token') token = 'tok-tags-1';
}

describe("a Map's or a Set's own enumerable fields", () => {
  resetFilterAfterEach();

  it('are scanned with key names, and kept in the copy with the entries', () => {
    const map = Object.assign(new Map<string, unknown>([['region', 'eu']]), { token: 'tok-map-1', zone: 'b' });
    const set = Object.assign(new Set(['x']), { password: 'pw-set-1' });
    const sanitizer = createSanitizer({ keys: true });
    const clean = sanitizer.sanitize({ map, set });
    expect(clean.map).toBeInstanceOf(Map);
    expect([...clean.map]).toEqual([['region', 'eu']]);
    expect({ ...clean.map }).toEqual({ token: '[REDACTED:token]', zone: 'b' });
    expect([...clean.set]).toEqual(['x']);
    expect({ ...clean.set }).toEqual({ password: '[REDACTED:password]' });
    expect(map.token).toBe('tok-map-1');
    installSanitizer({ keys: true });
    const { logger, take } = capturePinoLogger();
    logger.infoS('Containers', 'map', map, 'set', set);
    const out = take();
    expect(out).not.toMatch(/tok-map-1|pw-set-1/);
    expect(out).toContain('"map":{"token":"[REDACTED:token]","zone":"b"}');
  });

  it('of a tagged subclass are redacted; the copy keeps its class, fields and entries', () => {
    const pool = new Pool([['connections', 4]]);
    const clean = sanitize(pool);
    expect(clean).toBeInstanceOf(Pool);
    expect(clean.get('connections')).toBe(4);
    expect({ ...clean }).toEqual({ password: '[REDACTED:password]', name: 'primary' });
    const tags = sanitize(new Tags(['a', 'b']));
    expect(tags).toBeInstanceOf(Tags);
    expect([...tags]).toEqual(['a', 'b']);
    expect(tags.token).toBe('[REDACTED:token]');
    installSanitizer();
    const { logger, take } = capturePinoLogger();
    logger.infoS('Pools', 'pool', new Pool(), 'tags', new Tags());
    const out = take();
    expect(out).not.toMatch(/pw-pool-1|tok-tags-1/);
    expect(out).toContain('"pool":{"password":"[REDACTED:password]","name":"primary"}');
  });

  it('leave a Map without secrets as it is', () => {
    const map = Object.assign(new Map([['a', 1]]), { note: 'fine' });
    expect(createSanitizer({ keys: true }).sanitize(map)).toBe(map);
  });
});
