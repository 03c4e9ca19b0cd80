import { jsonEnd } from './text-cursor.js';

/**
 * The raw text of each top-level number of a JSON object line, by key: `JSON.parse` rounds integers beyond
 * 2^53 (Go int64 values), so the reader takes their digits from here. Only called when such a number is seen.
 */
export function topLevelNumbers(line: string): Map<string, string> {
  const numbers = new Map<string, string>();
  let i = line.indexOf('{') + 1;
  while (i > 0 && i < line.length) {
    const keyStart = line.indexOf('"', i);
    if (keyStart === -1) break;
    let keyEnd = keyStart + 1;
    while (keyEnd < line.length && line[keyEnd] !== '"') keyEnd += line[keyEnd] === '\\' ? 2 : 1;
    const key = JSON.parse(line.slice(keyStart, keyEnd + 1)) as string;
    let at = line.indexOf(':', keyEnd) + 1;
    while (line[at] === ' ') at++;
    const c = line[at];
    let end: number;
    if (c === '"') {
      end = at + 1;
      while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
      end++;
    } else if (c === '{' || c === '[') end = jsonEnd(line, at);
    else {
      end = at;
      while (end < line.length && !',} '.includes(line[end])) end++;
      numbers.set(key, line.slice(at, end));
    }
    if (end === -1) break;
    i = line.indexOf(',', end) + 1;
  }
  return numbers;
}
