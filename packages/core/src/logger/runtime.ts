import { captureCallSite } from '../caller/capture-call-site.js';
import type { CallSite } from '../caller/call-site.js';
import { filterEntry, objectFilter } from '../filter/filter-stage.js';
import { thrownName } from '../protocols/panic-text.js';
import type { Output } from '../output/output.js';
import type { Clock } from '../time/clock.js';
import type { VModule } from '../verbosity/vmodule.js';
import type { Encoder } from './encoder.js';
import type { Entry } from './entry.js';
import type { EntrySink } from './entry-sink.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- identifies a public API frame.
type AnyFunction = Function;

/**
 * The mutable settings shared by a logger and all loggers derived from it: verbosity, vmodule, encoder,
 * output, clock, caller. Changing them takes effect for every derived logger at once. (The filter is
 * process-wide: see filter/filter-slot.)
 */
export class Runtime {
  verbosity = 0;
  vmodule: VModule | undefined = undefined;
  caller = true;
  /** Entries an output refused by throwing (a closed stream): counted, never thrown to the caller. */
  dropped = 0;
  /** The text format's `unsafeRawText` setting, which values bound with `withValues` are encoded with. */
  unsafeRawText = false;
  /** A backend that takes entries (the pino backend); when set, the encoder and output are not used. */
  sink: EntrySink | undefined = undefined;

  constructor(
    public encoder: Encoder,
    public output: Output,
    public clock: Clock,
  ) {}

  /**
   * Whether V(level) is on for the code that called `api` (klog's global -v, then -vmodule). In the JSON
   * format -vmodule has no effect, as in Kubernetes: its zap logger only knows the -v threshold.
   */
  enabled(level: number, api: AnyFunction, depth: number): boolean {
    if (level <= this.verbosity) return true;
    const vmodule = this.vmodule;
    if (vmodule === undefined || this.encoder.format === 'json') return false;
    const site = captureCallSite(api, depth);
    return site !== undefined && level <= vmodule.levelFor(site.file);
  }

  callSite(api: AnyFunction, depth: number): CallSite | undefined {
    return this.caller ? captureCallSite(api, depth) : undefined;
  }

  /**
   * Filters, encodes and writes an entry. Never throws. The filter stage fails closed (see filterEntry);
   * if the encoder or the sink fails, the filtered entry is written without its values, with the failure.
   */
  write(entry: Entry): void {
    const sink = this.sink;
    const filtered = filterEntry(entry, sink === undefined);
    if (filtered === undefined) return;
    let text: string;
    try {
      if (sink !== undefined) {
        sink.writeEntry(filtered);
        return;
      }
      text = this.encoder.encode(filtered, objectFilter());
    } catch (thrown) {
      text = this.#encodeFailure(filtered, thrown);
    }
    this.#output(text, filtered.severity);
  }

  #output(text: string, severity: Entry['severity']): void {
    try {
      this.output.write(text, severity);
    } catch {
      this.dropped++;
    }
  }

  /** The entry without its values (a failure may be about them) and the failure's name, never its message. */
  #encodeFailure(entry: Entry, thrown: unknown): string {
    const problem = `<internal error: ${this.sink === undefined ? 'encoding' : 'the entry sink'} failed (${thrownName(thrown)}); values withheld>`;
    try {
      return this.encoder.encode({ ...entry, err: undefined, bound: undefined, kv: ['internalError', problem] });
    } catch {
      return `${JSON.stringify(entry.message)} internalError=${JSON.stringify(problem)}\n`;
    }
  }

  /** Writes records that are already encoded (notices about bound values). */
  writeRaw(text: string): void {
    if (text !== '' && this.sink === undefined) this.#output(text, 'I');
  }

  flush(): void {
    try {
      this.sink?.flush();
      this.output.flush();
    } catch {
      this.dropped++;
    }
  }
}
