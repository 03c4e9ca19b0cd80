/** How to read the time of a text header, which has no year and no zone. */
export interface HeaderTimeOptions {
  /**
   * The year of the records. Default: the current year, or the previous one for a date more than a day in
   * the future (a December log read in January).
   */
  year?: number;
  /** Read header times as UTC instead of the local time zone (the zone of the process that wrote them). */
  utc?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Turns the `MMDD hh:mm:ss` of klog headers into epoch milliseconds. A log holds many lines per second,
 * so the last second is cached.
 */
export class HeaderTime {
  readonly #year: number | undefined;
  readonly #utc: boolean;
  #text = '';
  #ms: number | undefined;

  constructor(options: HeaderTimeOptions = {}) {
    this.#year = options.year;
    this.#utc = options.utc ?? false;
  }

  /** The epoch milliseconds of `MMDD hh:mm:ss` (13 characters), or undefined if it is not a valid time. */
  secondOf(text: string): number | undefined {
    if (text === this.#text) return this.#ms;
    this.#text = text;
    this.#ms = this.#compute(text);
    return this.#ms;
  }

  #compute(text: string): number | undefined {
    const [month, day, hour, minute, second] = [0, 2, 5, 8, 11].map((at) => Number(text.slice(at, at + 2))) as [number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
    const at = (year: number): number => {
      // setFullYear, not the Date constructor, which reads years 0 to 99 as 1900 to 1999.
      const date = new Date(0);
      if (this.#utc) {
        date.setUTCFullYear(year, month - 1, day);
        return date.setUTCHours(hour, minute, second, 0);
      }
      date.setFullYear(year, month - 1, day);
      return date.setHours(hour, minute, second, 0);
    };
    let year = this.#year;
    if (year === undefined) {
      const now = Date.now();
      year = this.#utc ? new Date(now).getUTCFullYear() : new Date(now).getFullYear();
      if (at(year) > now + DAY_MS) year--;
    }
    const ms = at(year);
    // Date rolls over an impossible day (0230 becomes March 2nd): reject it instead.
    const check = new Date(ms);
    if ((this.#utc ? check.getUTCDate() : check.getDate()) !== day) return undefined;
    return ms;
  }
}
