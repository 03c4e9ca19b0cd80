/** Nanoseconds, with one decimal below 100 (disabled calls) and none above. */
export function formatNs(ns: number): string {
  return ns < 100 ? ns.toFixed(1) : Math.round(ns).toLocaleString('en-US');
}

/** A ratio as `0.55x`. */
export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '–' : `${ratio.toFixed(2)}x`;
}

/** A Markdown table from a header and rows; `align` marks right-aligned (numeric) columns. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly boolean[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (align[i] ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}
