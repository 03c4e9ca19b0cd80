import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CallSite } from './call-site.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- V8's API takes any function.
type AnyFunction = Function;

const holder: { stack?: unknown } = {};
const rawFrames = (_error: Error, frames: NodeJS.CallSite[]): NodeJS.CallSite[] => frames;
const resolved = new Map<string, CallSite>();
const MAX_RESOLVED = 10_000;

function toPath(file: string): string {
  if (!file.startsWith('file://')) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}

/** Maps a generated position to its source (tsx, `--enable-source-maps`), when a source map is loaded. */
function sourcePosition(file: string, line: number, column: number): CallSite {
  try {
    const map = findSourceMap(file) ?? (file.startsWith('file://') ? undefined : findSourceMap(`file://${file}`));
    // Node 20 returns `{}` when no mapping covers the position.
    const entry: { originalSource?: string; originalLine?: number } | undefined = map?.findEntry(line - 1, column - 1);
    if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
      return { file: toPath(entry.originalSource), line: entry.originalLine + 1 };
    }
  } catch {
    // No usable source map: the generated position is the best we have.
  }
  return { file: toPath(file), line };
}

const FRAME_LOCATION = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):\d+\)?\s*$/;

/**
 * Asks an installed stack hook (vitest, source-map-support) to render the frame, since it knows source
 * maps that Node's cache does not; returns undefined if the rendering has no location.
 */
function hookPosition(hook: NonNullable<typeof Error.prepareStackTrace>, frame: NodeJS.CallSite): CallSite | undefined {
  try {
    const rendered: unknown = hook(new Error(), [frame]);
    const match = typeof rendered === 'string' ? FRAME_LOCATION.exec(rendered.split('\n').pop() ?? '') : null;
    return match === null ? undefined : { file: toPath(match[1]), line: Number(match[2]) };
  } catch {
    return undefined;
  }
}

function resolve(frame: NodeJS.CallSite, hook: typeof Error.prepareStackTrace): CallSite | undefined {
  const file = frame.getFileName() ?? frame.getScriptNameOrSourceURL();
  const line = frame.getLineNumber();
  if (!file || line === null) return undefined;
  const column = frame.getColumnNumber() ?? 1;
  const key = `${file}:${line}:${column}`;
  let site = resolved.get(key);
  if (site === undefined) {
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    site = (hook === undefined ? undefined : hookPosition(hook, frame)) ?? sourcePosition(file, line, column);
    resolved.set(key, site);
  }
  return site;
}

let pinned: CallSite | undefined;

/**
 * Runs `fn` with every log call inside it reporting `site` as its call site, instead of asking V8.
 * For generated code that knows its own location, and for replaying recorded calls (the conformance runner).
 */
export function withCallSite<T>(site: CallSite, fn: () => T): T {
  const previous = pinCallSite(site);
  try {
    return fn();
  } finally {
    pinCallSite(previous);
  }
}

/** Pins the call site of the log calls that follow (undefined unpins); returns the previous pin. */
export function pinCallSite(site: CallSite | undefined): CallSite | undefined {
  const previous = pinned;
  pinned = site;
  return previous;
}

/**
 * The call site of the function that called `api` (a public logging function), `depth` frames further
 * out for wrappers. Uses V8's structured stack API with the smallest possible frame limit, and caches the
 * source-mapped position per generated position.
 */
export function captureCallSite(api: AnyFunction, depth = 0): CallSite | undefined {
  if (pinned !== undefined) return pinned;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved to be restored, never called here.
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  let frames: NodeJS.CallSite[] | undefined;
  Error.prepareStackTrace = rawFrames;
  Error.stackTraceLimit = depth + 1;
  try {
    Error.captureStackTrace(holder, api);
    frames = holder.stack as NodeJS.CallSite[] | undefined;
  } finally {
    holder.stack = undefined;
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
  const frame = frames?.[depth];
  return frame === undefined ? undefined : resolve(frame, prepare);
}
