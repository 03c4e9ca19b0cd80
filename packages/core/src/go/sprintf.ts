import { formatFloatV } from './float.js';
import { formatPlain } from './fmt-value.js';
import { goJSON, GoJSONError } from './go-json.js';
import { goTypeName } from './go-type-name.js';
import { quote } from './quote.js';
import { panicText } from '../protocols/panic-text.js';

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  sharp: boolean;
  width: number | undefined;
  precision: number | undefined;
  verb: string;
}

function pad(text: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined || text.length >= spec.width) return text;
  const fill = spec.width - text.length;
  if (spec.minus) return text + ' '.repeat(fill);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(text) ? text[0] : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

function bad(spec: Spec, arg: unknown): string {
  if (arg === null || arg === undefined) return `%!${spec.verb}(<nil>)`;
  return `%!${spec.verb}(${goTypeName(arg)}=${formatPlain(arg, 'v')})`;
}

function signed(text: string, negative: boolean, spec: Spec): string {
  if (negative) return `-${text}`;
  return (spec.plus ? '+' : spec.space ? ' ' : '') + text;
}

function formatInteger(n: bigint | number, spec: Spec): string {
  const big = typeof n === 'bigint' ? n : BigInt(n);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  switch (spec.verb) {
    case 'd': case 'v': return signed(abs.toString(10), negative, spec);
    case 'b': return signed(abs.toString(2), negative, spec);
    case 'o': return signed((spec.sharp ? '0' : '') + abs.toString(8), negative, spec);
    case 'x': return signed((spec.sharp ? '0x' : '') + abs.toString(16), negative, spec);
    case 'X': return signed((spec.sharp ? '0X' : '') + abs.toString(16).toUpperCase(), negative, spec);
    case 'c': return String.fromCodePoint(Number(abs));
    case 'q': return `'${String.fromCodePoint(Number(abs))}'`;
    case 'U': return `U+${abs.toString(16).toUpperCase().padStart(4, '0')}`;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return formatFloat(Number(n), spec);
    default: return bad(spec, n);
  }
}

function goExponent(text: string): string {
  // JavaScript writes `e+6`; Go writes at least two exponent digits: `e+06`.
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Drops the trailing zeros of a fraction (and a bare point), as %g does: `1.500` → `1.5`, `2.0` → `2`. */
function trimFraction(digits: string): string {
  return digits.includes('.') ? digits.replace(/\.?0+$/, '') : digits;
}

/**
 * Go's `%.Ng` of a non-negative finite number: N significant digits, an exponent when it is below -4 or
 * at least N, trailing zeros dropped. (toPrecision alone switches at other exponents.)
 */
function formatG(abs: number, significant: number): string {
  const [mantissa, exponentText] = abs.toExponential(significant - 1).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= significant) return goExponent(`${trimFraction(mantissa)}e${exponentText}`);
  return trimFraction(abs.toFixed(Math.max(0, significant - 1 - exponent)));
}

function formatFloat(n: number, spec: Spec): string {
  if (!Number.isFinite(n)) return signed(Number.isNaN(n) ? 'NaN' : 'Inf', n < 0, { ...spec, plus: spec.plus || n > 0 });
  const negative = n < 0 || Object.is(n, -0);
  const abs = Math.abs(n);
  // JavaScript's toFixed/toExponential/toPrecision stop at 100 digits (and toPrecision starts at 1,
  // as Go's %.0g does); beyond that the digits are beyond float64 anyway.
  const precision = spec.precision === undefined ? undefined : Math.min(spec.precision, 100);
  let text: string;
  switch (spec.verb) {
    case 'f': case 'F': text = abs.toFixed(precision ?? 6); break;
    case 'e': text = goExponent(abs.toExponential(precision ?? 6)); break;
    case 'E': text = goExponent(abs.toExponential(precision ?? 6)).toUpperCase(); break;
    case 'g': case 'G': case 'v':
      text = precision === undefined ? formatFloatV(abs) : formatG(abs, Math.max(1, precision));
      if (spec.verb === 'G') text = text.toUpperCase();
      break;
    default: return bad(spec, n);
  }
  return signed(text, negative, spec);
}

function formatString(s: string, spec: Spec): string {
  const text = spec.precision === undefined ? s : [...s].slice(0, spec.precision).join('');
  switch (spec.verb) {
    case 's': case 'v': return text;
    case 'q': return quote(text);
    case 'x': return Buffer.from(text, 'utf8').toString('hex');
    case 'X': return Buffer.from(text, 'utf8').toString('hex').toUpperCase();
    default: return bad(spec, s);
  }
}

function formatJSONVerb(arg: unknown): string {
  try {
    return goJSON(arg, false);
  } catch (thrown) {
    return `%!j(${thrown instanceof GoJSONError ? thrown.message : `PANIC=${panicText(thrown)}`})`;
  }
}

function formatArg(arg: unknown, spec: Spec): string {
  if (spec.verb === 'T') return goTypeName(arg);
  if (spec.verb === 'j') return formatJSONVerb(arg);
  if (spec.verb === 'v') return formatPlain(arg, spec.plus || spec.sharp ? '+v' : 'v');
  switch (typeof arg) {
    case 'string': return formatString(arg, spec);
    case 'number': return Number.isSafeInteger(arg) ? formatInteger(arg, spec) : formatFloat(arg, spec);
    case 'bigint': return formatInteger(arg, spec);
    case 'boolean': return spec.verb === 't' ? String(arg) : bad(spec, arg);
  }
  if (arg instanceof Uint8Array && 'sqxX'.includes(spec.verb)) return formatString(Buffer.from(arg).toString('utf8'), spec);
  if (spec.verb === 's' || spec.verb === 'q') {
    const text = formatPlain(arg, 's');
    return spec.verb === 'q' && typeof arg === 'object' && arg !== null ? quote(text) : text;
  }
  return bad(spec, arg);
}

/** Go's fmt recovers a panicking operand as `%!v(PANIC=…)`; a Proxy can throw from a mere type check. */
function formatArgSafely(arg: unknown, spec: Spec): string {
  try {
    return formatArg(arg, spec);
  } catch (thrown) {
    return `%!${spec.verb}(PANIC=${panicText(thrown)})`;
  }
}

/** Go's fmt rejects widths and precisions above a million ("tooLarge"); they could only exhaust memory. */
const MAX_SIZE = 1e6;

const SPEC = /%([-+# 0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/y;

/**
 * fmt.Sprintf for the legacy `infof`/`warningf`/`errorf` calls: the verbs `%v %+v %s %q %d %b %o %x %X
 * %c %U %e %f %g %t %T %%` with flags, width and precision, plus `%j` (JSON, a JavaScript habit). Mistakes
 * render as Go does: `%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA int=1)`. Never throws.
 */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    SPEC.lastIndex = percent;
    const match = SPEC.exec(format)!;
    i = SPEC.lastIndex;
    const [, flags = '', widthText, precisionText, verb] = match;
    if (verb === undefined) {
      out += '%!(NOVERB)';
      continue;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    // A width or precision from the format or from a `*` operand; Go reports a bad one and goes on.
    const sizeFrom = (text: string | undefined, bad: string): number | undefined => {
      if (text === undefined) return undefined;
      const value = text === '*' ? args[next++] : text === '' ? 0 : Number(text);
      if (typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_SIZE) return value;
      out += bad;
      return undefined;
    };
    let width = sizeFrom(widthText, '%!(BADWIDTH)');
    let precision = sizeFrom(precisionText, '%!(BADPREC)');
    const minus = flags.includes('-') || (width !== undefined && width < 0);
    if (width !== undefined) width = Math.abs(width);
    if (precision !== undefined && precision < 0) {
      out += '%!(BADPREC)';
      precision = undefined;
    }
    const spec: Spec = {
      minus, plus: flags.includes('+'), zero: flags.includes('0'),
      space: flags.includes(' '), sharp: flags.includes('#'),
      width, precision, verb,
    };
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[next++];
    out += pad(formatArgSafely(arg, spec), spec, typeof arg === 'number' || typeof arg === 'bigint');
  }
  if (next < args.length) {
    const extra = args.slice(next).map((arg) => (arg === null || arg === undefined ? '<nil>' : `${goTypeName(arg)}=${formatPlain(arg, 'v')}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
