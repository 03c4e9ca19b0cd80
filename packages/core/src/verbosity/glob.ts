/**
 * Compiles a Go filepath.Match pattern to a RegExp: `*` is any run of non-`/` characters, `?` one of
 * them, `[a-z]` and `[^a-z]` are classes, `\x` escapes. Returns undefined for a malformed pattern.
 */
export function compileGlob(pattern: string): RegExp | undefined {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      source += escapeRegExp(pattern[++i]);
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) return undefined;
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('^');
      if (negated) body = body.slice(1);
      if (body === '') return undefined;
      source += `[${negated ? '^/' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`;
      i = close;
    } else source += escapeRegExp(c);
  }
  try {
    return new RegExp(`${source}$`, 'u');
  } catch {
    return undefined;
  }
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
}
