import { formatCallSite, type CallSite } from '../caller/call-site.js';
import type { Severity } from '../logger/severity.js';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * klog's header, `Lmmdd hh:mm:ss.uuuuuu ppppppp file:line] `, in the process's local time zone.
 * The date and time up to the second are formatted once per second and reused.
 */
export class TextHeader {
  readonly #pid: string;
  readonly #addDir: boolean;
  #second = Number.NaN;
  #secondText = '';

  constructor(pid: number, addDir: boolean) {
    // Right-aligned in 7 columns; only the low 7 digits of a longer pid.
    this.#pid = String(Math.abs(Math.trunc(pid)) % 10_000_000).padStart(7, ' ');
    this.#addDir = addDir;
  }

  format(severity: Severity, timeMs: number, timeNs: number, caller: CallSite | undefined): string {
    const second = Math.floor(timeMs / 1000);
    if (second !== this.#second) {
      const d = new Date(second * 1000);
      this.#secondText = `${two(d.getMonth() + 1)}${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
      this.#second = second;
    }
    const micros = (timeMs - second * 1000) * 1000 + Math.floor(timeNs / 1000);
    return `${severity}${this.#secondText}.${String(micros).padStart(6, '0')} ${this.#pid} ${formatCallSite(caller, this.#addDir)}] `;
  }
}
