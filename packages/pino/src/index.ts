/**
 * @klog-ts/pino: klog-ts's pino backend. `configure({ sink: pinoSink(pino()) })` routes every klog-ts entry,
 * after the filter stage, into an existing pino logger. See the package README.
 */
export { pinoSink, type PinoLike, type PinoSinkOptions } from './pino-sink.js';
