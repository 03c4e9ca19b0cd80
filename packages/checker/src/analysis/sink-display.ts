import type { SinkCall } from '@klog-ts/taint/typescript';

/** The callee as written, shortened, for messages: `logger.V(2).infoS`, `console.log`. */
export function sinkDisplay(sink: SinkCall): string {
  const text = sink.call.expression.getText().replace(/\s+/g, '');
  return text.length > 60 ? `…${text.slice(-59)}` : text;
}
