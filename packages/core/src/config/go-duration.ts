const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a Go duration (`5s`, `1m30s`, `100ms`, `1.5h`) into milliseconds, as Go's time.ParseDuration reads
 * it: every number needs a unit, except a lone `0`. Returns undefined for anything else, negative
 * durations included.
 */
export function parseGoDuration(text: string): number | undefined {
  // Configuration can come from JSON or YAML, where the types promised here do not hold.
  if (typeof text !== 'string') return undefined;
  const input = text.trim();
  if (input === '0') return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let at = 0;
  while (at < input.length) {
    part.lastIndex = at;
    const match = part.exec(input);
    if (match === null) return undefined;
    total += Number(match[1]) * UNITS[match[2]];
    at = part.lastIndex;
  }
  return input.length === 0 ? undefined : total;
}
