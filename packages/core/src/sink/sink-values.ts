import { formatPlain } from '../go/fmt-value.js';
import { isLogMarshaler, marshalLog } from '../protocols/marshal-log.js';
import { panicText } from '../protocols/panic-text.js';

/** A key as klog reads it: a string as it is, anything else as Go's `%s` of it (`%!s(int=1)`). */
export function keyText(key: unknown): string {
  return typeof key === 'string' ? key : formatPlain(key, 's');
}

/**
 * A value as a backend should serialize it: after its log marshaler (called once, as klog does; an
 * ObjectRef gives `{name, namespace}`, a Secret its marker), except for an Error, which backends serialize
 * themselves. Never throws: a throwing marshaler gives `<panic: …>`.
 */
export function logValue(value: unknown): unknown {
  try {
    if (typeof value === 'object' && value !== null && !(value instanceof Error) && isLogMarshaler(value)) return value[marshalLog]();
    return value;
  } catch (thrown) {
    return `<panic: ${panicText(thrown)}>`;
  }
}
