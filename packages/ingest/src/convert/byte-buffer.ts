/**
 * One buffer for a conversion by bytes: the input lines at its start, the output after them, so that a
 * value is copied from one to the other by `copyWithin` (a move within one buffer, with no allocation).
 * The output is written at `out`; `write` hands it on and starts again.
 */
export class ByteBuffer {
  /** The bytes: the input in `[0, inputEnd)`, the output in `[outputStart, out)`. */
  bytes: Buffer;
  inputEnd = 0;
  outputStart: number;
  out: number;

  constructor(inputCapacity: number, outputCapacity: number) {
    this.bytes = Buffer.allocUnsafe(inputCapacity + outputCapacity);
    this.outputStart = inputCapacity;
    this.out = inputCapacity;
  }

  /** Room for `n` more output bytes. */
  room(n: number): boolean {
    return this.out + n <= this.bytes.length;
  }

  /** Appends input after what is there (growing the input part when needed). */
  append(chunk: Uint8Array): void {
    this.inputRoom(chunk.length);
    this.bytes.set(chunk, this.inputEnd);
    this.inputEnd += chunk.length;
  }

  /** Makes room for `n` more input bytes after `inputEnd` (for a read straight into `bytes`). */
  inputRoom(n: number): void {
    if (this.inputEnd + n > this.outputStart) this.#grow(this.inputEnd + n);
  }

  /** Drops the input before `start` (the lines read), keeping the rest at the front. */
  keepFrom(start: number): void {
    this.bytes.copyWithin(0, start, this.inputEnd);
    this.inputEnd -= start;
  }

  /** Copies input `[from, to)` to the output. */
  copy(from: number, to: number): void {
    this.bytes.copyWithin(this.out, from, to);
    this.out += to - from;
  }

  /** Writes a string of one-byte characters (ASCII) to the output. */
  ascii(text: string): void {
    const bytes = this.bytes;
    let out = this.out;
    for (let i = 0; i < text.length; i++) bytes[out++] = text.charCodeAt(i);
    this.out = out;
  }

  /** Writes any string to the output, as UTF-8. */
  utf8(text: string): void {
    if (!this.room(text.length * 3)) this.#growOutput(text.length * 3);
    this.out += this.bytes.write(text, this.out, 'utf8');
  }

  /** The output so far, copied out, and the output emptied from `keep` on (the bytes after it are kept). */
  take(keep = this.out): Buffer {
    const done = Buffer.allocUnsafe(keep - this.outputStart);
    this.bytes.copy(done, 0, this.outputStart, keep);
    this.bytes.copyWithin(this.outputStart, keep, this.out);
    this.out = this.outputStart + (this.out - keep);
    return done;
  }

  #grow(inputCapacity: number): void {
    const size = Math.max(inputCapacity * 2, this.outputStart * 2);
    const bytes = Buffer.allocUnsafe(size + (this.bytes.length - this.outputStart));
    this.bytes.copy(bytes, 0, 0, this.inputEnd);
    this.bytes.copy(bytes, size, this.outputStart, this.out);
    this.out = size + (this.out - this.outputStart);
    this.outputStart = size;
    this.bytes = bytes;
  }

  #growOutput(n: number): void {
    const bytes = Buffer.allocUnsafe(this.bytes.length + Math.max(n, this.bytes.length - this.outputStart));
    this.bytes.copy(bytes, 0, 0, this.out);
    this.bytes = bytes;
  }
}
