/**
 * Whether a write failed only because the descriptor is full for now (EAGAIN: a pipe nobody reads yet),
 * so that the bytes are kept and tried again rather than lost.
 */
export function isFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return code === 'EAGAIN' || code === 'EBUSY';
}
