/** Small writes into a byte buffer at `o`, each returning the offset after what it wrote. */

/** A constant's bytes (ASCII). */
export function bytesOf(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A constant's bytes: a native copy past a dozen bytes (cheaper than a loop from there on). */
export function put(b: Uint8Array, o: number, bytes: Uint8Array): number {
  const n = bytes.length;
  if (n > 12) {
    b.set(bytes, o);
    return o + n;
  }
  for (let i = 0; i < n; i++) b[o++] = bytes[i];
  return o;
}

/** An ASCII string's characters. */
export function putText(b: Uint8Array, o: number, text: string): number {
  for (let i = 0; i < text.length; i++) b[o++] = text.charCodeAt(i);
  return o;
}

/** A view of the last buffer `move` wrote into, to copy four bytes at a time. */
let viewed: Uint8Array | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

/**
 * `b[from, to)` copied to `o` (within the same buffer: the input before the output): four bytes at a time
 * (unaligned, through a DataView), natively past 24 bytes.
 */
export function move(b: Uint8Array, o: number, from: number, to: number): number {
  if (to - from > 24) {
    b.copyWithin(o, from, to);
    return o + to - from;
  }
  if (b !== viewed) {
    viewed = b;
    view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  let i = from;
  for (; i + 4 <= to; i += 4, o += 4) view.setUint32(o, view.getUint32(i));
  for (; i < to; i++) b[o++] = b[i];
  return o;
}

/** `value` (a whole number from 0 to 2^31 - 1) in decimal, zero-padded to `width`. */
export function putDigits(b: Uint8Array, o: number, value: number, width: number): number {
  for (let i = width - 1; i >= 0; i--) {
    const rest = (value / 10) | 0;
    b[o + i] = 0x30 + value - rest * 10;
    value = rest;
  }
  return o + width;
}

const POWERS_OF_TEN = Array.from({ length: 13 }, (_, i) => 10 ** i);

// Epoch milliseconds from 2004-11 to 2039-09 lie in [2^40, 2^41): doubles there are 1/4096 apart.
const LOW = 2 ** 40;
const HIGH = 2 ** 41;

/**
 * A double as JavaScript's `String(n)` writes it: the shortest digits that read back as `n`, the closest of
 * them. For epoch milliseconds of this century (2^40 to 2^41, where doubles are 1/4096 apart) that is worked
 * out from the 4096ths, without a string; for any other number, `String(n)`.
 */
export function putShortest(b: Uint8Array, o: number, n: number): number {
  if (!(n >= LOW && n < HIGH)) return putText(b, o, String(n));
  // The whole milliseconds have 13 digits there: 7 and 6, each small enough for integer arithmetic.
  const start = o;
  const whole = Math.floor(n);
  const high = Math.floor(whole / 1e6);
  o = putDigits(b, putDigits(b, o, high, 7), whole - high * 1e6, 6);
  const k = (n - whole) * 4096;
  if (k === 0) return o;
  // The fewest decimals d whose closest d-digit fraction m/10^d reads back as k/4096 (reading never ties:
  // m·4096/10^d is never a half). Of two as close, the even one, as ECMAScript's Number::toString says.
  for (let digits = 1, scale = 10; digits <= 4; digits++, scale *= 10) {
    const x = (k * scale) / 4096;
    const floor = Math.floor(x);
    const m = x - floor === 0.5 ? floor + (floor % 2) : Math.round(x);
    if (Math.round((m * 4096) / scale) === k) {
      b[o++] = 0x2e;
      return putDigits(b, o, m, digits);
    }
  }
  return putText(b, start, String(n));
}

/** The first 10 digits of the epoch milliseconds of whole second `secondMs`, for {@link putTextTime}; undefined outside 2004-2039. */
export function secondDigits(secondMs: number): Uint8Array | undefined {
  return secondMs >= LOW && secondMs + 1000 <= HIGH ? bytesOf(String(secondMs / 1000)) : undefined;
}

/**
 * Kubernetes' ts for a text header's time, `micros` into the second `secondMs` (epoch milliseconds):
 * float64(UnixNano) / 1e6, written as String writes it. Mostly that is the double nearest to the exact
 * `ms.uuu` (doubles there are 1/4096 apart, so no shorter decimal reads back as it): its digits are the
 * second's (`digits`, from {@link secondDigits}), the milliseconds and the microseconds without their final
 * zeros, written without a division of the whole; anything else goes to putShortest.
 */
export function putTextTime(b: Uint8Array, o: number, secondMs: number, digits: Uint8Array | undefined, micros: number): number {
  const total = secondMs * 1000 + micros;
  const ts = (total * 1000) / 1e6;
  if (digits === undefined || total / 1000 !== ts) return putShortest(b, o, ts);
  o = put(b, o, digits);
  const ms = (micros / 1000) | 0;
  o = putDigits(b, o, ms, 3);
  let fraction = micros - ms * 1000;
  if (fraction === 0) return o;
  let width = 3;
  while (fraction % 10 === 0) {
    fraction /= 10;
    width--;
  }
  b[o++] = 0x2e;
  return putDigits(b, o, fraction, width);
}

/**
 * The double a JSON decimal `whole.fraction` reads as (JSON.parse's, correctly rounded), worked out without
 * a string for epoch milliseconds of this century; undefined for anything else. `fraction` has `digits`
 * digits (at most 12).
 */
export function decimalMillis(whole: number, fraction: number, digits: number): number | undefined {
  if (!(whole >= LOW && whole < HIGH) || digits > 12) return undefined;
  // whole + fraction/10^digits, to the nearest 1/4096: never a tie, and the division's error cannot move the rounding.
  return whole + Math.round((fraction * 4096) / POWERS_OF_TEN[digits]) / 4096;
}
