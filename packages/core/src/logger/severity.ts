/** klog's severities, as the first letter of a text header: Info, Warning, Error, Fatal. */
export type Severity = 'I' | 'W' | 'E' | 'F';
