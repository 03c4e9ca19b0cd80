/** Shows a string with its invisible bytes visible: JSON escapes, one record per line. */
function visibleLines(text: string): string[] {
  return text.split(/(?<=\n)/).map((line) => JSON.stringify(line));
}

/**
 * A readable difference between expected and actual output: the first differing byte offset, then the
 * lines, `-` for expected and `+` for actual, with escapes so that tabs, newlines and controls show.
 */
export function describeDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const expectedLines = visibleLines(expected);
  const actualLines = visibleLines(actual);
  const out = [`first difference at offset ${at}`];
  for (let i = 0; i < Math.max(expectedLines.length, actualLines.length); i++) {
    const e = expectedLines[i];
    const a = actualLines[i];
    if (e === a) out.push(`  ${e}`);
    else {
      if (e !== undefined) out.push(`- ${e}`);
      if (a !== undefined) out.push(`+ ${a}`);
    }
  }
  return out.join('\n');
}
