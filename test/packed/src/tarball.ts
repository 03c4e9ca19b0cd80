import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A file in a package tarball: its path without npm's `package/` prefix, its size and its bytes. */
export interface TarballEntry {
  readonly path: string;
  readonly size: number;
  readonly data: Buffer;
}

function field(header: Buffer, start: number, length: number): string {
  const text = header.subarray(start, start + length).toString('utf8');
  const end = text.indexOf('\0');
  return end === -1 ? text : text.slice(0, end);
}

/** The regular files of a `.tgz` (ustar, as pnpm and npm write it). */
export function tarballEntries(file: string): TarballEntry[] {
  const tar = gunzipSync(readFileSync(file));
  const entries: TarballEntry[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = field(header, 156, 1);
    if (type === '0' || type === '') {
      const data = tar.subarray(offset + 512, offset + 512 + size);
      entries.push({ path: (prefix ? `${prefix}/${name}` : name).replace(/^package\//, ''), size, data });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
