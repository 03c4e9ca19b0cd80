/**
 * @klog-ts/core/format: pieces of the two output formats, exactly as the encoders write them, for code that
 * reads or converts logs (`@klog-ts/ingest`) and must agree with the logger byte for byte. Not needed to log.
 */
export { formatFloatF } from '../go/float.js';
