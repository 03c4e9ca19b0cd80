/**
 * Characters that must not reach a text line raw (CWE-117): those that end a line (LF, CR, VT, FF, NEL,
 * U+2028, U+2029) and the other C0 and C1 controls, with which a value could forge a klog record or drive
 * the terminal of whoever reads the log (`\x1b[2J`). A tab is harmless, and so is DEL (terminals ignore it).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
export const UNSAFE_RAW = /[\u0000-\u0008\u000a-\u001f\u0080-\u009f\u2028\u2029]/;

/** {@link UNSAFE_RAW} without the line feed: what a multi-line value's tab-indented lines must not hold. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
export const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u0080-\u009f\u2028\u2029]/;
