import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a byte or text stream (a file, stdin), in batches (one per chunk that ends a line), without
 * their line feeds. UTF-8 sequences split across chunks are decoded whole; a last line without a final line
 * feed is kept. Only LF ends a line: a CR belongs to the line (klog writes raw CRs inside multi-line values).
 */
export async function* readLineBatches(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  // The start of a line longer than the chunks seen so far, in parts (joined once, when the line ends).
  let pending: string[] = [];
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const firstLF = text.indexOf('\n');
    if (firstLF === -1) {
      if (text !== '') pending.push(text);
      continue;
    }
    const lines = text.split('\n');
    if (pending.length > 0) {
      lines[0] = pending.join('') + lines[0];
      pending = [];
    }
    const last = lines.pop()!;
    if (last !== '') pending.push(last);
    yield lines;
  }
  const tail = pending.join('') + decoder.end();
  if (tail !== '') yield [tail];
}
