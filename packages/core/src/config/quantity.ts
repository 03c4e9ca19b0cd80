const SUFFIXES: Record<string, number> = {
  '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4,
};

/**
 * Parses a Kubernetes resource quantity as a byte count (`0`, `4096`, `64Ki`, `1Mi`, `1M`); a number is
 * taken as bytes. Returns undefined for anything else, or a fractional or negative byte count.
 */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? text : undefined;
  // Configuration can come from JSON or YAML, where the types promised here do not hold.
  if (typeof text !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(text.trim());
  if (match === null) return undefined;
  const bytes = Number(match[1]) * SUFFIXES[match[2] ?? ''];
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}
