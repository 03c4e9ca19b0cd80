/** The case encoding of klog's conformance files (`shared/conformance/*.json`), see klog-format.md. */

/** One recorded call: how it was made (`via`, `kind`) and its arguments (tagged JSON values). */
export interface CaseCall {
  via: string;
  kind: string;
  verbosity?: number;
  msg?: string;
  err?: unknown;
  kv?: unknown[];
  withName?: string[];
  withValues?: unknown[][];
  format?: string;
  args?: unknown[];
}

/** The klog flags and fixed inputs the case ran with. */
export interface CaseConfig {
  v?: number;
  vmodule?: string;
  headers?: boolean;
  add_dir_header?: boolean;
  pid?: number;
  time?: string;
  backtrace_file?: string;
  backtrace_line?: number;
  /** klog-ts's own: replay with `unsafeRawText` (klog's raw layout of keys, object references, multi-line and legacy text). */
  unsafe_raw_text?: boolean;
}

export interface ConformanceCase {
  id: string;
  description?: string;
  call?: CaseCall;
  calls?: CaseCall[];
  config: CaseConfig;
  expected_text: string;
  /** Text cases: whether the verbosity check reported the call enabled. */
  enabled?: boolean;
}

/** A case file that does not follow the encoding; the message names the case and the field. */
export class CaseFileError extends Error {
  override name = 'CaseFileError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkCase(value: unknown, index: number): ConformanceCase {
  const where = `case #${index}${isObject(value) && typeof value.id === 'string' ? ` (${value.id})` : ''}`;
  if (!isObject(value)) throw new CaseFileError(`${where}: must be an object`);
  if (typeof value.id !== 'string') throw new CaseFileError(`${where}: "id" must be a string`);
  if (typeof value.expected_text !== 'string') throw new CaseFileError(`${where}: "expected_text" must be a string`);
  if (value.config !== undefined && !isObject(value.config)) throw new CaseFileError(`${where}: "config" must be an object`);
  const calls = value.calls ?? (value.call === undefined ? undefined : [value.call]);
  if (!Array.isArray(calls) || calls.length === 0) throw new CaseFileError(`${where}: needs "call" or a non-empty "calls"`);
  for (const call of calls) {
    if (!isObject(call) || typeof call.via !== 'string' || typeof call.kind !== 'string') {
      throw new CaseFileError(`${where}: every call needs string "via" and "kind"`);
    }
  }
  return { ...(value as unknown as ConformanceCase), config: (value.config ?? {}) };
}

/** Parses and checks a case file's text. Throws CaseFileError with the case and field at fault. */
export function parseCaseFile(text: string, fileName: string): ConformanceCase[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CaseFileError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new CaseFileError(`${fileName}: must be a JSON array of cases`);
  return data.map((value, index) => checkCase(value, index));
}

/** The calls of a case, whether it has one `call` or several `calls`. */
export function callsOf(testCase: ConformanceCase): CaseCall[] {
  return testCase.calls ?? [testCase.call!];
}
