import type { Flow, Source } from '@klog-ts/taint/engine';

/** A source as the rule's message names it: `'dbPassword' (a credential-like name)`. */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'datapolicy':
      return `'${source.name}' (tagged @datapolicy ${source.policy ?? source.name})`;
    case 'secret-type':
      return `a value of type ${source.name}`;
    case 'secret-reveal':
      // The source is the revealing call itself: `'s.reveal()'`.
      return `'${source.node.getText().replace(/\s+/g, '')}'`;
    case 'log-key':
      return `a value under the key '${source.name}'`;
    case 'credential-name':
      return `'${source.name}' (a credential-like name)`;
  }
}

/** The hops of a flow for the message, after its source: `, assigned to 'p' → held by new Error()` (none: empty). */
export function describeSteps(flow: Flow): string {
  // A hop noted twice in a row (a value assigned, then read where it was assigned) says nothing new.
  const notes = flow.steps.map((s) => s.note).filter((note, i, all) => i === 0 || all[i - 1] !== note);
  return notes.length > 0 ? `, ${notes.join(' → ')}` : '';
}
