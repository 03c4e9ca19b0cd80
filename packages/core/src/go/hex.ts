/** Lower-case hexadecimal of `n`, left-padded with zeros to `width` digits. */
export function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
