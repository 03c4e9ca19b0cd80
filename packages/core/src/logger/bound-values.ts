import { filterBoundList, objectFilter } from '../filter/filter-stage.js';
import { jsonBoundFields } from '../json/json-encoder.js';
import type { FormattedPairs } from '../text/formatted-pairs.js';
import { textBoundPairs } from '../text/text-encoder.js';
import { snapshotValue } from './snapshot-value.js';

/**
 * The key/value lists bound to a logger with `withValues`, snapshotted when bound: each list passes the
 * filter stage and is encoded at once for both formats (as zap encodes `With` fields), and copied for
 * entry sinks, so a value the caller changes afterwards (a password filled in later) is never written.
 * Immutable: a child gets a new instance, built on its parent's.
 */
export class BoundValues {
  /**
   * The lists as the filter returned them when bound, oldest first: for a filter's own bookkeeping (the
   * sanitizer's block mode looks them up). Their objects may have changed since: never write these.
   */
  readonly filtered: readonly (readonly unknown[])[];
  /** The lists as an entry sink writes them: copies taken when bound (see snapshotValue). */
  readonly values: readonly (readonly unknown[])[];
  /** The text format's ` key=value` pairs. */
  readonly text: FormattedPairs;
  /** The JSON format's `,"key":value` fields. */
  readonly json: string;

  private constructor(filtered: readonly (readonly unknown[])[], values: readonly (readonly unknown[])[], text: FormattedPairs, json: string) {
    this.filtered = filtered;
    this.values = values;
    this.text = text;
    this.json = json;
  }

  /**
   * `parent`'s lists plus `list`, filtered and snapshotted now; `timeMs` is when (a bound Date's JSON time),
   * `rawText` the text format's `unsafeRawText` setting at that moment.
   */
  static bind(parent: BoundValues | undefined, list: readonly unknown[], timeMs: number, rawText: boolean): BoundValues {
    const filtered = filterBoundList(list);
    const objects = objectFilter();
    return new BoundValues(
      [...(parent?.filtered ?? []), filtered],
      [...(parent?.values ?? []), filtered.map(snapshotValue)],
      textBoundPairs(parent?.text, filtered, objects, rawText),
      jsonBoundFields(parent?.json ?? '', filtered, timeMs, objects),
    );
  }
}
