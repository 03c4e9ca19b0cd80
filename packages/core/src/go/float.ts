/**
 * Go's float64 renderings, from JavaScript numbers.
 *
 * JavaScript's `Number.prototype.toString` already prints the shortest round-trip digits and switches to an
 * exponent below 1e-6 and from 1e21 on, exactly as Go's encoding/json does (after it trims `e-07` to `e-7`).
 * The other Go forms are derived from the same digits.
 */

/** The shortest decimal digits of |n| and the position of the decimal point (`0.123` → `["123", 0]`). */
function shortestDigits(n: number): [digits: string, pointPosition: number] {
  const [mantissa = '0', exponent = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  return [digits, Number(exponent) + 1];
}

/** encoding/json's float64: `1e+21`, `1e-7`, `0.5`, `-0`. The caller handles NaN and ±Inf. */
export function formatFloatJSON(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  return String(n);
}

/** strconv.FormatFloat(n, 'f', -1, 64): never an exponent (`1e21` → 22 digits, `1e-7` → `0.0000001`). */
export function formatFloatF(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const plain = String(n);
  if (!plain.includes('e')) return plain;
  const sign = n < 0 ? '-' : '';
  const [digits, point] = shortestDigits(n);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** fmt's `%v` for a float64 (strconv 'g' with the shortest digits): `1e+06`, `3.5`, `1.5e-05`, `+Inf`. */
export function formatFloatV(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const sign = n < 0 ? '-' : '';
  const [digits, point] = shortestDigits(n);
  const exponent = point - 1;
  // With the shortest digits, strconv's 'g' switches to an exponent below 1e-4 and from 1e6 on.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const abs = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return formatFloatF(n);
}
