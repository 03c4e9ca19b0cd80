import type { CallSite } from '../caller/call-site.js';
import type { ObjectFilter } from '../filter/filter-stage.js';
import type { BoundValues } from './bound-values.js';
import type { Entry } from './entry.js';

/** Turns entries into the bytes of one output format. */
export interface Encoder {
  readonly format: 'text' | 'json';
  /**
   * The complete output for an entry: one record (text may span lines), plus any notice records. Each
   * object that is not plain data goes through `objects` (the filter stage's) before any method of it runs.
   */
  encode(entry: Entry, objects?: ObjectFilter): string;
  /** Whether binding this list with `withValues` is reported (cheap: decides if {@link bindNotice} runs). */
  hasBindNotice(list: readonly unknown[]): boolean;
  /**
   * The records to write when a list is bound with `withValues`: the JSON format reports an odd list or a
   * non-string key at that moment, as Kubernetes' zap logger does.
   */
  bindNotice(list: readonly unknown[], context: BindContext): string;
}

/** The logger a list is being bound to, and when and where. */
export interface BindContext {
  readonly name: string | undefined;
  readonly bound: BoundValues | undefined;
  readonly objects: ObjectFilter | undefined;
  readonly timeMs: number;
  readonly timeNs: number;
  readonly caller: CallSite | undefined;
}
