import type { ObjectFilter } from '../filter/filter-stage.js';
import type { BindContext, Encoder } from '../logger/encoder.js';
import type { Entry } from '../logger/entry.js';
import { colorizeText } from './colorize-text.js';

/**
 * The text format for a terminal: what the text encoder writes, coloured by {@link colorizeText}. A logger
 * uses it only while colour is on, so that an uncoloured logger runs the text encoder alone, with no
 * per-key (or per-entry) check for colour.
 */
export class ColorTextEncoder implements Encoder {
  readonly format = 'text';

  constructor(readonly plain: Encoder) {}

  encode(entry: Entry, objects?: ObjectFilter): string {
    return colorizeText(this.plain.encode(entry, objects));
  }

  hasBindNotice(list: readonly unknown[]): boolean {
    return this.plain.hasBindNotice(list);
  }

  bindNotice(list: readonly unknown[], context: BindContext): string {
    return colorizeText(this.plain.bindNotice(list, context));
  }
}
