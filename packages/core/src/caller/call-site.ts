/** Where a log call was made: the source file (a path, after source maps) and its 1-based line. */
export interface CallSite {
  /** The source file's path (or URL when it has no path). */
  readonly file: string;
  /** The 1-based line of the call. */
  readonly line: number;
}

/** Formatted forms of call sites, kept with the (cached, reused) site objects. */
const headerForms = [new WeakMap<CallSite, string>(), new WeakMap<CallSite, string>()] as const;
const jsonForms = new WeakMap<CallSite, string>();

/** klog's header form: the base name (`main.ts:12`), or the last directory too with `addDir`. */
export function formatCallSite(site: CallSite | undefined, addDir: boolean): string {
  if (site === undefined) return '???:1';
  const forms = headerForms[addDir ? 1 : 0];
  let text = forms.get(site);
  if (text === undefined) forms.set(site, (text = `${addDir ? lastDirAndBase(site.file) : baseName(site.file)}:${site.line}`));
  return text;
}

/** The Kubernetes JSON form: the last directory and the file name (`service/main.ts:12`). */
export function formatCallerJSON(site: CallSite): string {
  let text = jsonForms.get(site);
  if (text === undefined) jsonForms.set(site, (text = `${lastDirAndBase(site.file)}:${site.line}`));
  return text;
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
