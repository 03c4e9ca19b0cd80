import { describe, expect, it } from 'vitest';
import { ByteNames, hashBytes } from '../../src/convert/byte-names.js';

function lookUp(names: ByteNames<string>, text: string): string {
  const bytes = Buffer.from(`  ${text}  `, 'latin1');
  return names.get(bytes, 2, 2 + text.length, hashBytes(bytes, 2, 2 + text.length)).info;
}

describe('ByteNames', () => {
  it('gives each name what was said of it, once per name while the table holds it', () => {
    let described = 0;
    const names = new ByteNames((text) => {
      described++;
      return `<${text}>`;
    });
    for (const text of ['pod', 'node', 'pod', 'err', 'node', 'a/b.go:12']) expect(lookUp(names, text)).toBe(`<${text}>`);
    expect(described).toBe(4);
  });

  it('still gives the right name after far more names than its table holds (some described again)', () => {
    let described = 0;
    const names = new ByteNames((text) => {
      described++;
      return `<${text}>`;
    });
    const texts = Array.from({ length: 20_000 }, (_, i) => `key${i}`);
    for (const text of texts) expect(lookUp(names, text)).toBe(`<${text}>`);
    for (const text of texts.slice(0, 100)) expect(lookUp(names, text)).toBe(`<${text}>`);
    expect(described).toBeGreaterThan(20_000);
  });
});
