/** Where a log call was made: the source file (a path, after source maps) and its 1-based line. */
export interface CallSite {
  readonly file: string;
  readonly line: number;
}

/** klog's header form: the base name (`main.ts:12`), or the last directory too with `addDir`. */
export function formatCallSite(site: CallSite | undefined, addDir: boolean): string {
  if (site === undefined) return '???:1';
  return `${addDir ? lastDirAndBase(site.file) : baseName(site.file)}:${site.line}`;
}

/** The Kubernetes JSON form: the last directory and the file name (`service/main.ts:12`). */
export function formatCallerJSON(site: CallSite): string {
  return `${lastDirAndBase(site.file)}:${site.line}`;
}

export function baseName(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? file : file.slice(slash + 1);
}

function lastDirAndBase(file: string): string {
  const slash = file.lastIndexOf('/');
  if (slash === -1) return file;
  const dirSlash = file.lastIndexOf('/', slash - 1);
  return file.slice(dirSlash + 1);
}
