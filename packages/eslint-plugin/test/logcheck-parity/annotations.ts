import type { KindName, NoTsMeaning } from './kinds.js';
import { isKindName, NO_TS_MEANING } from './kinds.js';

/** Lines 1-15 of a translation hold its header, in place of the Go file's license header. */
export const HEADER_LINES = 15;

/** What a translated line says about its Go line. */
export interface LineAnnotation {
  /** `translated`: a klog-ts call; `pending`: a call to a stand-in for klog API klog-ts lacks; `n/a`: none. */
  readonly status: 'translated' | 'pending' | 'n/a';
  /** Why the Go line has no TypeScript meaning (`n/a` only). */
  readonly reason?: NoTsMeaning;
  /** What logcheck's test expects on the Go line, one kind per diagnostic. */
  readonly want: readonly KindName[];
}

const ANNOTATION = /^\s*(?:(want)\b|(pending)\b|n\/a\(([\w-]+)\))(.*)$/s;

/**
 * The annotations of a translation, by line: the last `//` comment of a line, when it starts with `want`,
 * `pending` or `n/a(<reason>)`; `pending` and `n/a` may go on with `want <kind>...`, and a `;` ends the
 * kinds (a remark may follow). A line without an annotation is a translated line logcheck expects clean.
 */
export function readAnnotations(source: string, file: string): Map<number, LineAnnotation> {
  const annotations = new Map<number, LineAnnotation>();
  source.split('\n').forEach((text, index) => {
    const line = index + 1;
    const comment = text.includes('//') ? text.slice(text.lastIndexOf('//') + 2) : '';
    const match = line > HEADER_LINES ? ANNOTATION.exec(comment) : null;
    if (!match) return;
    const [, want, pending, reason, rest = ''] = match;
    const [kindsText = ''] = rest.split(';');
    const words = kindsText.trim().split(/\s+/).filter(Boolean);
    if (!want && words[0] === 'want') words.shift();
    else if (!want && words.length > 0) throw new Error(`${file}:${line}: expected \`want\` or \`;\` after the status`);
    const bad = words.find((word) => !isKindName(word));
    if (bad !== undefined) throw new Error(`${file}:${line}: unknown kind ${bad}`);
    const kinds = words as KindName[];
    if (reason !== undefined) {
      if (!Object.hasOwn(NO_TS_MEANING, reason)) throw new Error(`${file}:${line}: unknown reason ${reason}`);
      annotations.set(line, { status: 'n/a', reason: reason as NoTsMeaning, want: kinds });
    } else {
      annotations.set(line, { status: pending ? 'pending' : 'translated', want: kinds });
    }
  });
  return annotations;
}
