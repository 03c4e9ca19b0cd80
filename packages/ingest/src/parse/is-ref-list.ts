import { ObjectRef } from '@klog-ts/core';
import type { LogValue } from './log-record.js';

/** Whether a value read back is a list of object references (`pods=["ns/a",null]`): references and nulls, one reference at least. */
export function isRefList(value: LogValue | undefined): value is (ObjectRef | null)[] {
  return Array.isArray(value) && value.some((item) => item instanceof ObjectRef) && value.every((item) => item === null || item instanceof ObjectRef);
}
