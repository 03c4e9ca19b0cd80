/** Why a file could not be read or written, in a few words for a one-line message (`no such file`, `is a directory`). */
export function ioReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return (error as Error).message.split('\n')[0] ?? 'unknown error';
  }
}
