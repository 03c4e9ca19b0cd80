/** What V8 writes as the first line(s) of an error's stack: `Error.prototype.toString` of it. */
function header(err: Error): string | undefined {
  try {
    const name = err.name === undefined ? 'Error' : String(err.name);
    const message = err.message === undefined ? '' : String(err.message);
    return name === '' ? message : message === '' ? name : `${name}: ${message}`;
  } catch {
    return undefined;
  }
}

/**
 * The stack of an Error's redacted copy, from the original's: the copy's header (`name: message`, with
 * what was redacted) over the original frames when the original stack starts with the original's header,
 * as V8 writes it; otherwise the copy's header alone, since the rest could repeat what was redacted.
 */
export function redactedStack(stack: string, original: Error, copy: Error): string {
  const before = header(original);
  const after = header(copy) ?? '';
  const framed = before !== undefined && stack.startsWith(before) && (stack.length === before.length || stack.charCodeAt(before.length) === 10);
  return framed ? after + stack.slice(before.length) : after;
}
