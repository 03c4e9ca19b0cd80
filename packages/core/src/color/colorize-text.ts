import picocolors from 'picocolors';
import type { Severity } from '../logger/severity.js';

const colors = picocolors.createColors(true);

/** The severity letters, each in its own colour (computed once). */
const SEVERITY: Readonly<Record<Severity, string>> = {
  I: colors.green('I'),
  W: colors.yellow('W'),
  E: colors.red('E'),
  F: colors.bold(colors.magenta('F')),
};

/** klog's header up to the caller: `Lmmdd hh:mm:ss.uuuuuu pid file:line] `. */
const HEADER = /[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [^\n\]]*\] /y;

/** The index after a Go-quoted string (`"…"`, backslash escapes) starting at `start`, or -1. */
function quotedEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
    else if (c === 0x0a) return -1;
  }
  return -1;
}

/** The index after a JSON object or array starting at `start` (strings skipped whole), or -1. */
function jsonEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = quotedEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return i + 1;
    } else if (c === '\n') return -1;
  }
  return -1;
}

/**
 * The index after the value that starts at `start`, as the text encoder writes values: a quoted string, a
 * multi-line block (`<` LF, tab-indented lines, LF ` >`), a JSON object or array, or a bare token (a number,
 * `true`, `null`). -1 if there is none.
 */
function valueEnd(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return quotedEnd(text, start);
  if (c === '<' && text[start + 1] === '\n') {
    const end = text.indexOf('\n >', start);
    return end < 0 ? -1 : end + 3;
  }
  if (c === '{' || c === '[') return jsonEnd(text, start);
  let i = start;
  while (i < text.length && text[i] !== ' ' && text[i] !== '\n') i++;
  return i === start ? -1 : i;
}

/**
 * The index after an object reference that klog writes raw between quotes (`"ns/we"ird"`, `"ns/a\"`): the
 * first quote followed by a space, a line feed or the end. -1 if the line ends first.
 */
function rawQuotedEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '"' && separated(text, i + 1)) return i + 1;
  }
  return -1;
}

/** Whether a value ending at `end` is followed by what follows one: a space, a line feed or the end. */
function separated(text: string, end: number): boolean {
  return end === text.length || text[end] === ' ' || text[end] === '\n';
}

/** Where the record at `start` ends: after its line feed (not one that begins a block's line), or the end. */
function recordEnd(text: string, start: number): number {
  for (let lf = text.indexOf('\n', start); lf !== -1; lf = text.indexOf('\n', lf + 1)) {
    const next = text[lf + 1];
    if (next !== '\t' && next !== ' ') return lf + 1;
  }
  return text.length;
}

/** The coloured text so far (colorizeText is synchronous and not re-entered, so one buffer serves every call). */
let out = '';

/**
 * One record from `start`, appended to `out` with colour inserted before and after the severity letter and
 * each key (the text between is copied in one slice); returns where the next record starts.
 */
function colorizeRecord(text: string, start: number): number {
  let pos = start;
  let copied = start;
  HEADER.lastIndex = start;
  if (HEADER.test(text)) {
    out += SEVERITY[text[start] as Severity];
    copied = start + 1;
    pos = HEADER.lastIndex;
  }
  // A structured message is quoted; anything else (a legacy message) has no pairs to colour.
  pos = text.charCodeAt(pos) === 0x22 ? quotedEnd(text, pos) : -1;
  while (pos > 0 && text.charCodeAt(pos) === 0x20) {
    const keyStart = pos + 1;
    const keyEnd = text.charCodeAt(keyStart) === 0x22 ? quotedEnd(text, keyStart) : rawKeyEnd(text, keyStart);
    if (keyEnd <= keyStart || text.charCodeAt(keyEnd) !== 0x3d) break;
    let end = valueEnd(text, keyEnd + 1);
    if ((end < 0 || !separated(text, end)) && text.charCodeAt(keyEnd + 1) === 0x22) end = rawQuotedEnd(text, keyEnd + 1);
    if (end < 0 || !separated(text, end)) break;
    out += text.slice(copied, keyStart) + colors.cyan(text.slice(keyStart, keyEnd));
    copied = keyEnd;
    pos = end;
  }
  const next = recordEnd(text, Math.max(pos, copied));
  out += text.slice(copied, next);
  return next;
}

/** The index of the `=` after a bare key (klog writes keys as they are), or -1 at a line's end. */
function rawKeyEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '=') return i;
    if (c === '\n') return -1;
  }
  return -1;
}

/**
 * Colours klog text records for a terminal: the severity letter of each header (I green, W yellow, E red,
 * F bold magenta) and every key (cyan). Only SGR colour sequences are added: removing them
 * (`util.stripVTControlCharacters`) gives back `text` exactly, so what a reader parses is unchanged, and no
 * character of the input is written raw that was not before. What does not read as a klog record (a legacy
 * message's text, a line of another program) is left as it is, and so is the rest of a record after
 * anything unexpected (such as an object reference whose name holds `" `, which klog writes raw). `text` is one or more complete records, as the text encoder writes them.
 */
export function colorizeText(text: string): string {
  out = '';
  let pos = 0;
  while (pos < text.length) pos = colorizeRecord(text, pos);
  const colored = out;
  out = '';
  return colored;
}
