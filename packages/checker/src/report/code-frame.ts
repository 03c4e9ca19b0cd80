/**
 * A code frame around a 1-based line and column: a few lines of context, the line numbers, and a caret
 * under the column, the way ts-morph and Babel print them.
 */
export function codeFrame(text: string, line: number, column: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const gutter = String(n).padStart(width);
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${gutter} | ${lines[n - 1] ?? ''}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
