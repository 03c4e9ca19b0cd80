/** A fenced code block of a Markdown page. */
export interface CodeFence {
  /** The first word of the info string, lowercased: `ts` for ```` ```ts ignore ````. */
  readonly lang: string;
  /** The other words of the info string: `['ignore']`. */
  readonly flags: readonly string[];
  /** The 1-based line of the page that holds the block's first line of code. */
  readonly line: number;
  /** The code, without the fence's indentation (a fence in a list item is indented). */
  readonly code: string;
}

const OPENING = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;

/**
 * Every fenced code block of `markdown`, in order (```` ``` ```` or `~~~`, CommonMark's rules for closing
 * them). Inside a block nothing else opens one, so a fence quoted in a fence stays code.
 */
export function codeFences(markdown: string): CodeFence[] {
  const lines = markdown.split(/\r?\n/);
  const fences: CodeFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', marker = '', lang = '', rest = ''] = open;
    const closing = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const body: string[] = [];
    let end = i + 1;
    for (; end < lines.length && !closing.test(lines[end] ?? ''); end++) {
      const line = lines[end] ?? '';
      body.push(line.slice(Math.min(indent.length, line.length - line.trimStart().length)));
    }
    fences.push({ lang: lang.toLowerCase(), flags: rest.split(/[\s,]+/).filter(Boolean), line: i + 2, code: body.join('\n') });
    i = end;
  }
  return fences;
}
