import { relative, sep } from 'node:path';

/** A path relative to `cwd`, with forward slashes (stable across platforms, as the JSON and SARIF outputs need). */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}
